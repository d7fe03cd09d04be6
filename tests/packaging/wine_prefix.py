"""A throwaway Wine prefix for installer tests: boot it, run msiexec, read its disk and registry.

Wine facts this relies on (see shared/packaging.md): exit codes arrive modulo 256 (1603 reads as
67); ``wineserver -w`` waits for msiexec's background work and writes the registry files;
shortcuts for ProgramMenuFolder may land in the user's Roaming Start Menu even for per-machine
installs. Every call has a timeout; ``close()`` kills this prefix's wineserver, nobody else's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

UNINSTALL_KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"


class WinePrefix:
    """One Wine prefix under a temp directory, used by one test session and then deleted."""

    def __init__(self, path: Path, *, timeout_s: float = 120.0) -> None:
        self.path = path
        self.timeout_s = timeout_s
        self.env = dict(os.environ)
        # No display: installers run quietly (/qn) and must not touch anyone's X server.
        self.env.pop("DISPLAY", None)
        self.env.update({
            "WINEPREFIX": str(path),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            # No Mono or Gecko download prompts in a fresh prefix.
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
        })

    @property
    def drive_c(self) -> Path:
        """The prefix's C: drive."""
        return self.path / "drive_c"

    def boot(self) -> None:
        """Create the prefix (wineboot) and wait until it is written to disk."""
        self._run(["wineboot", "-i"])
        self.wait()

    def wine(self, *args: str, env: dict[str, str] | None = None,
             timeout_s: float | None = None) -> subprocess.CompletedProcess[str]:
        """Run ``wine ARGS`` and wait for its background work; returns the process (code mod 256)."""
        result = self._run(["wine", *args], env=env, timeout_s=timeout_s)
        self.wait()
        return result

    def msiexec(self, *args: str) -> int:
        """Run ``msiexec ARGS`` (add /qn yourself); returns the exit code modulo 256."""
        return self.wine("msiexec", *args).returncode

    def wait(self) -> None:
        """Wait until this prefix's wineserver has nothing left to do and has saved the registry."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=self.timeout_s, check=False)

    def close(self) -> None:
        """Kill this prefix's wineserver (and its processes) and delete the prefix."""
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=30, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.path, ignore_errors=True)

    def windows_path(self, path: Path) -> str:
        """``C:\\...`` for a path inside drive_c."""
        relative = path.relative_to(self.drive_c)
        return "C:\\" + "\\".join(relative.parts)

    def start_menu_shortcuts(self, name: str) -> list[Path]:
        """Every ``NAME.lnk`` in the all-users and the per-user Start menus."""
        roots = [self.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu",
                 *(self.drive_c / "users").glob("*/AppData/Roaming/Microsoft/Windows/Start Menu")]
        return sorted(path for root in roots if root.is_dir() for path in root.rglob(f"{name}.lnk"))

    def registry(self, hive: str = "system.reg") -> dict[str, dict[str, str]]:
        """The saved registry file as {key path: {value name: raw value text}}.

        Reads Wine's text format directly (call ``wait()`` first): cheaper and more
        predictable than ``wine reg query``. Values keep Wine's quoting, unescaped for strings.
        """
        keys: dict[str, dict[str, str]] = {}
        current: dict[str, str] | None = None
        text = (self.path / hive).read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            header = re.match(r"^\[(.+)\](?: \d+)?$", line)
            if header:
                current = keys.setdefault(header.group(1).replace("\\\\", "\\"), {})
                continue
            value = re.match(r'^("(?:[^"\\]|\\.)*"|@)=(.*)$', line)
            if value and current is not None:
                name = "" if value.group(1) == "@" else _unquote(value.group(1))
                raw = value.group(2)
                current[name] = _unquote(raw) if raw.startswith('"') else raw
        return keys

    def uninstall_entries(self, display_name: str) -> dict[str, dict[str, str]]:
        """Add/Remove Programs entries (64-bit view) whose DisplayName is ``display_name``."""
        prefix = UNINSTALL_KEY + "\\"
        return {key[len(prefix):]: values for key, values in self.registry().items()
                if key.startswith(prefix) and values.get("DisplayName") == display_name}

    def _run(self, command: list[str], *, env: dict[str, str] | None = None,
             timeout_s: float | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, env={**self.env, **(env or {})},
                              timeout=timeout_s or self.timeout_s, check=False,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              errors="replace")


def _unquote(text: str) -> str:
    """Undo Wine's string quoting: strip the quotes and the backslash escapes."""
    return re.sub(r"\\(.)", r"\1", text[1:-1])
