"""Spoken cues (`--voice`): sparse phrases through the platform's speech command.

The command is started and never waited for, so speech can never delay the timer; a command
that cannot be started turns the voice off quietly (the screen and bell still cue).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

from footback.core.text import safe_line
from footback.stretch.player import NOTICES, Event, EventKind, Frame, Listener
from footback.stretch.timeline import Kind, Timeline
from footback.stretch.words import side_label, state_word

SPEECH_COMMANDS = ("espeak-ng", "spd-say", "say")


def find_speech_command(search_path: str | None) -> str | None:
    """The first speech command installed on `search_path` (a PATH value), or None."""
    for name in SPEECH_COMMANDS:
        found = shutil.which(name, path=search_path)
        if found:
            return found
    return None


def spoken(timeline: Timeline, event: Event) -> str | None:
    """What to say for an event: the state changes, the side, halfway and the end; else None."""
    seg = event.segment
    if event.kind is EventKind.SEGMENT and seg is not None:
        word = state_word(timeline, seg).capitalize()
        if seg.kind is Kind.LEAD_IN:
            side = f", {side_label(timeline, seg)} first" if seg.side else ""
            return f"{word}: {timeline.step(seg).name}{side}"
        if seg.kind is Kind.SWITCH:
            return f"Switch sides: {side_label(timeline, seg)}"
        return word
    if event.kind is EventKind.CUE:
        return event.text
    if event.kind in NOTICES:
        return NOTICES[event.kind]
    if event.kind is EventKind.FINISHED:
        return "Routine done"
    return None


def _spawn(argv: list[str]) -> subprocess.Popen[bytes]:
    # A new session: a Ctrl-C meant for footback does not cut the speech off mid-word, and
    # the child never touches the terminal.
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


class Voiced:
    """A listener that passes everything to `inner` and speaks the events worth saying."""

    def __init__(
        self,
        inner: Listener,
        timeline: Timeline,
        command: str,
        spawn: Callable[[list[str]], subprocess.Popen[bytes]] = _spawn,
    ) -> None:
        self._inner = inner
        self._timeline = timeline
        self._command: str | None = command
        self._spawn = spawn
        self._running: list[subprocess.Popen[bytes]] = []

    def event(self, event: Event) -> None:
        self._inner.event(event)
        text = spoken(self._timeline, event)
        if text is None or self._command is None:
            return
        # Reap finished speakers without waiting for any (no zombies pile up in a long routine).
        self._running = [proc for proc in self._running if proc.poll() is None]
        # Cue text comes from routine files anyone can share: never let it read as an option
        # (`-w FILE` makes espeak-ng write a file) or carry control characters.
        words = safe_line(text).lstrip("- ")
        if not words:
            return
        try:
            self._running.append(self._spawn([self._command, words]))
        except OSError:
            self._command = None

    def frame(self, frame: Frame) -> float | None:
        return self._inner.frame(frame)
