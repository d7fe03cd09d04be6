"""Only ui/ and app/ may import QtWidgets (import-linter cannot forbid an external subpackage)."""

import ast
from pathlib import Path

import hvmanager

PACKAGE = Path(hvmanager.__file__).parent
ALLOWED = {"ui", "app"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_only_ui_and_app_import_qtwidgets():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        top = path.relative_to(PACKAGE).parts[0]
        if top in ALLOWED:
            continue
        if any(name.startswith("PySide6.QtWidgets") for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_the_scan_sees_qtwidgets_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6.QtWidgets\n")
    assert sum(name.startswith("PySide6.QtWidgets") for name in _imports(sample)) >= 2
