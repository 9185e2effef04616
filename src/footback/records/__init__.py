"""footback.records."""
