"""Read an MSI's tables and summary information with msitools' ``msiinfo``."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


class MsiDatabase:
    """An MSI file, read table by table (``msiinfo export``) as lists of {column: value} rows."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def table(self, name: str) -> list[dict[str, str]]:
        """Every row of table ``name``; an empty list when the MSI has no such table."""
        # Tables with binary columns (Icon, Binary) write their streams into a folder named
        # after the table in the current directory: export from a temp directory.
        with tempfile.TemporaryDirectory() as scratch:
            result = subprocess.run(["msiinfo", "export", str(self.path.resolve()), name],
                                    capture_output=True, text=True, timeout=30, check=False,
                                    cwd=scratch)
        if result.returncode != 0:
            return []
        # Line 1: column names; 2: column types; 3: table name and key columns; then rows.
        lines = result.stdout.replace("\r\n", "\n").split("\n")
        columns = lines[0].split("\t")
        return [dict(zip(columns, line.split("\t"))) for line in lines[3:] if line]

    def properties(self) -> dict[str, str]:
        """The Property table as a dict."""
        return {row["Property"]: row["Value"] for row in self.table("Property")}

    def summary(self) -> dict[str, str]:
        """Summary information (``msiinfo suminfo``): Template, Subject, Author, ..."""
        result = subprocess.run(["msiinfo", "suminfo", str(self.path)], capture_output=True,
                                text=True, timeout=30, check=True)
        pairs = (line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
        return {key.strip(): value.strip() for key, value in pairs}

    def tables(self) -> set[str]:
        """The names of the tables in the database."""
        result = subprocess.run(["msiinfo", "tables", str(self.path)], capture_output=True,
                                text=True, timeout=30, check=True)
        return set(result.stdout.split())
