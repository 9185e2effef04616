"""One module per command: each parses nothing itself and imports its heavy parts lazily."""
