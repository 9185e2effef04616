"""The console script and `python -m footback`: the app, imported with the collector paused
(`cli/collector.py`: start-up makes long-lived objects only)."""

from footback.cli.collector import pause_collector


def main() -> None:
    """The entry point: `footback.cli.app.main`, imported and run with the collector paused until
    the command's body begins."""
    pause_collector()
    from footback.cli.app import main as run

    run()
