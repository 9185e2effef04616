"""footback.shoes.check."""
