"""``python -m hvmanager``: the desktop app (same as the ``hvmanager`` command)."""

import sys

from hvmanager.app.main import main

sys.exit(main())
