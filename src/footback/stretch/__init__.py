"""footback.stretch."""
