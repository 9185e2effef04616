"""Writing the content cache (`content/cache.py`): every piece of content, loaded from `data/`.

Run by the wheel's build (`hatch_build.py`) and by `bench/startup.py`:
`python -m footback.cli.content_cache FOLDER`. Lives in cli/ because it names every feature's loader.
"""

import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path


def pieces() -> dict[str, Callable[[], object]]:
    """Each cache piece's name (the name its loader asks for) and the loader that makes it."""
    from footback.assess.content import load_assess_content
    from footback.assess.function_input import load_function_rule
    from footback.clinic.content import load_clinic_content
    from footback.content.loader import sources
    from footback.daily.content import load_daily_content
    from footback.plan.content import load_plan_content
    from footback.report.build import load_report_text
    from footback.shoes.content import load_shoe_content
    from footback.stretch import catalogue
    from footback.stretch.pregnancy import load_pregnancy_content
    from footback.today.content import load_today_content

    made: dict[str, Callable[[], object]] = {
        "sources": sources,
        "assess": load_assess_content,
        "function": load_function_rule,
        "shoes": load_shoe_content,
        "daily": load_daily_content,
        "today": load_today_content,
        "plan": load_plan_content,
        "pregnancy": load_pregnancy_content,
        "report": load_report_text,
        "clinic": load_clinic_content,
    }
    for name in catalogue.names():
        made[f"routine-{name}"] = partial(catalogue.load_builtin, name)
    return made


def _forget_loaded() -> None:
    """Every loader loads again (each piece notes all the files it comes from)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("footback."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()


def write_cache(folder: Path) -> list[str]:
    """Writes every piece into `folder` (made if missing); returns the names written."""
    from footback.content.cache import decode, piece, recording
    from footback.content.loader import data_bytes

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, load in pieces().items():
        _forget_loaded()
        with recording() as read:
            value = load()
        kept = piece(value, read, data_bytes)
        if decode(kept["value"]) != value:  # what a run would read back must be what was loaded
            raise SystemExit(f"footback: content cache: {name} does not read back as loaded")
        text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
        written.append(name)
    return written


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m footback.cli.content_cache FOLDER")
    names = write_cache(Path(sys.argv[1]))
    print(f"footback: content cache: {len(names)} pieces in {sys.argv[1]}")


if __name__ == "__main__":
    main()
