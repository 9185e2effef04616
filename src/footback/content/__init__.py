"""footback.content.loader."""
