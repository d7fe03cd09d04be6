"""Entry point PyInstaller freezes into ``hvmanager.exe``: the app's own ``main()``, nothing else.

A module of its own because PyInstaller needs a script; the exit code is the app's.
"""

import sys

from hvmanager.app.main import main

if __name__ == "__main__":
    sys.exit(main())
