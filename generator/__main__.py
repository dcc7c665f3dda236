"""`python -m intercom_gen`: the same command as the `intercom-gen` script."""

from .entry import main

main()
