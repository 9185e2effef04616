"""`python -m footback`."""

from footback.cli import main

main()
