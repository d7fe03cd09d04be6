"""Where hvmanager keeps its files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

#: Environment variable that overrides the per-user directory (tests, portable use, --demo).
CONFIG_DIR_VARIABLE = "HVMANAGER_CONFIG_DIR"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$HVMANAGER_CONFIG_DIR`` if set, else the per-user config dir (platformdirs).

    Not created here: writers create it when they first write.
    """
    env = os.environ if environ is None else environ
    override = env.get(CONFIG_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported here: the only user of it, and not needed when overridden

    return Path(platformdirs.user_config_dir("hvmanager", appauthor=False, roaming=True))
