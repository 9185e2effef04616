"""Cue text from a shared routine file reaches the speech command as words, never as an option."""

from __future__ import annotations

import subprocess
from typing import cast

import pytest

from footback.stretch.player import Event, EventKind, Frame
from footback.stretch.timeline import Timeline
from footback.stretch.voice import Voiced


class _Quiet:
    def event(self, event: Event) -> None:
        pass

    def frame(self, frame: Frame) -> float | None:
        return None


@pytest.mark.parametrize(
    ("cue", "said"),
    [
        ("-w/home/me/.bashrc", "w/home/me/.bashrc"),  # espeak-ng -w FILE would write that file
        ("--version", "version"),
        ("- -x", "x"),
        ("\x1b]0;pwned\x07breathe", "\\x1b]0;pwned\\x07breathe"),
        ("  relax  ", "relax"),
    ],
)
def test_a_cue_is_never_an_option_or_a_control_sequence(cue: str, said: str) -> None:
    calls: list[list[str]] = []

    def spawn(argv: list[str]) -> subprocess.Popen[bytes]:
        calls.append(argv)
        return cast(subprocess.Popen[bytes], None)

    voiced = Voiced(_Quiet(), cast(Timeline, None), "espeak-ng", spawn=spawn)
    voiced.event(Event(EventKind.CUE, None, cue))
    assert calls == [["espeak-ng", said]]


def test_a_cue_of_only_dashes_is_not_spoken() -> None:
    calls: list[list[str]] = []

    def spawn(argv: list[str]) -> subprocess.Popen[bytes]:
        calls.append(argv)
        return cast(subprocess.Popen[bytes], None)

    voiced = Voiced(_Quiet(), cast(Timeline, None), "say", spawn=spawn)
    voiced.event(Event(EventKind.CUE, None, "---"))
    assert calls == []
