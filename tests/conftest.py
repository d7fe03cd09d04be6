"""Suite-wide setup. The platform must be set before anything imports QtWidgets."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "hvmanager_testing.memory_keyring.MemoryKeyring")
sys.path.insert(0, str(Path(__file__).parent))
