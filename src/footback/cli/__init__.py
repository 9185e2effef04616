"""footback.cli.app."""
