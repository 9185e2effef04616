"""footback.records.history."""
