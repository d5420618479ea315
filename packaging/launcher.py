"""Entry point of the built program: the same command line as `complaintdesk` from pip."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
