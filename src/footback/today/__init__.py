"""Today's screen: `footback` with no arguments, and `footback today`."""
