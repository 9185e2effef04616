"""typer's `CliRunner`, building footback's command tree once per test process.

typer's `CliRunner.invoke(app, ...)` turns the `Typer` app into click commands on every call:
every option of all seventeen commands is read again (`typing.get_type_hints`, `inspect.signature`)
and the pydantic adapters that coerce option values are built again on first use. That cost a few
milliseconds a call and a quarter of the fast loop's CPU time. A real run builds its command once and
runs it once; here the same built tree runs every in-process test of a worker, each run with its own
click context, streams and environment, exactly as typer's runner gives them.

An app other than footback's (a test's own small `Typer`) is built on every call, as typer does.
"""

from __future__ import annotations

import functools
import os
import shlex
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer
import typer.main
import typer.testing
from typer.testing import Result

from footback.cli.app import app as footback_app

__all__ = ["CliRunner", "Result"]


# The one environment variable typer reads while building (it shapes `--show-completion`).
_SHELL_DETECTION_OFF = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"


@functools.cache
def _built(app: typer.Typer, shell_detection_off: bool) -> Any:
    """footback's whole command tree, built once per build-time setting, as typer would build it."""
    return typer.main.get_command(app)


class CliRunner(typer.testing.CliRunner):
    """`invoke` as typer's, but footback's command tree is built once per process, not per call."""

    def invoke(  # type: ignore[override]
        self,
        app: typer.Typer,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = True,
        color: bool = False,
        **extra: Any,
    ) -> Result:
        if app is not footback_app:
            return super().invoke(app, args, input, env, catch_exceptions, color, **extra)
        command = _built(app, bool(os.environ.get(_SHELL_DETECTION_OFF)))
        if isinstance(args, str):
            args = shlex.split(args)
        prog_name = extra.pop("prog_name") if "prog_name" in extra else self.get_default_prog_name(command)
        with self.isolation(input=input, env=env, color=color) as (out, err, both):
            value, exception, code, exc_info = None, None, 0, None
            try:
                value = command.main(args=args or (), prog_name=prog_name, **extra)
            except SystemExit as stop:
                exc_info = sys.exc_info()
                code, exception = _exit_code(stop)
            except Exception as error:
                if not catch_exceptions:
                    raise
                exception, code, exc_info = error, 1, sys.exc_info()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            # Read after the flush, as typer's runner does, so the last line written is in.
            stdout, stderr, output = out.getvalue(), err.getvalue(), both.getvalue()
        return Result(
            runner=self,
            stdout_bytes=stdout,
            stderr_bytes=stderr,
            output_bytes=output,
            return_value=value,
            exit_code=code,
            exception=exception,
            exc_info=exc_info,  # type: ignore[arg-type]
        )


def _exit_code(stop: SystemExit) -> tuple[int, BaseException | None]:
    """The exit code and the exception `Result` keeps for a `SystemExit`, as typer's runner does."""
    code = stop.code if stop.code is not None else 0
    if not isinstance(code, int):
        sys.stdout.write(f"{code}\n")
        return 1, stop
    return code, (stop if code != 0 else None)
