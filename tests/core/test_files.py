"""Input files people hand to footback: read whole, one clear line when they cannot be."""

from __future__ import annotations

from pathlib import Path

from footback.core.files import read_input_text


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    # qa-cli: an answers, config or routine file saved by Notepad ("UTF-8 with BOM") was
    # "1: invalid TOML: Invalid statement" on a file that looks right in every editor.
    path = tmp_path / "answers.toml"
    path.write_bytes(b'\xef\xbb\xbfarch = "flat"\n')
    assert read_input_text(path, 100) == 'arch = "flat"\n'
    path.write_bytes('arch = "\ufeff"\n'.encode())  # only a leading mark is dropped
    assert read_input_text(path, 100) == 'arch = "\ufeff"\n'
