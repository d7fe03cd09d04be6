"""``python -m hvmanager.cli`` (see ``command_line``)."""

import sys

from hvmanager.cli import main

sys.exit(main())
