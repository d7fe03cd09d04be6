"""Run hvmanager-cli as a subprocess, with the password in an environment variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PASSWORD_VARIABLE = "HVMANAGER_TEST_PASSWORD"


def cli(*args: str, password: str | None = None, env: dict[str, str] | None = None,
        timeout_s: float = 30.0) -> subprocess.CompletedProcess:
    """``python -m hvmanager.cli ARGS``; ``password`` goes into an environment variable."""
    environment = {**os.environ, **(env or {})}
    environment.pop(PASSWORD_VARIABLE, None)
    if password is not None:
        environment[PASSWORD_VARIABLE] = password
    return subprocess.run([sys.executable, "-m", "hvmanager.cli", *args], cwd=REPO, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout_s)


def login(host) -> list[str]:
    """The options that log in to a lab host with NTLM (the password from the environment)."""
    return ["--user", host.user, "--password-env", PASSWORD_VARIABLE, "--auth", "ntlm"]
