"""footback.core."""
