"""footback.assess.service."""
