"""``python -m hvmanager.simulator`` (see ``command_line``)."""

import sys

from hvmanager.simulator.command_line import main

sys.exit(main())
