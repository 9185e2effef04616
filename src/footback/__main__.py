"""`python -m footback`."""

from footback.cli.app import main

main()
