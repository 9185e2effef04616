"""The cyclic garbage collector, paused for start-up (`cli/start.py`) and resumed as a command's body
begins (`cli/boundary.py` `Bounded`).

Start-up (imports, the typer tree, parsing the options) makes long-lived objects only: modules,
classes, functions, typer's parameters. The collector walked them again and again for nothing,
about a fifth of a short command's CPU time (bench/startup.py). When the body begins, what
start-up made is frozen (never walked again) and the collector runs as usual, so a long session
(the stretch player) still collects its garbage.
"""

import gc

_paused = False


def pause_collector() -> None:
    """Pause the collector for start-up (only if it runs: nothing to resume otherwise)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """As a command's body begins: freeze what start-up made and collect as usual again. Does
    nothing unless `pause_collector` paused it (a test's or an embedder's process is left alone)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
