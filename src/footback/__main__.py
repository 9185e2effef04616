"""`python -m footback`."""

from footback.cli.start import main

main()
