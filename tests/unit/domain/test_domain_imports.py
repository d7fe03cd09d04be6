"""The domain layer imports the standard library and itself only."""

import ast
import sys
from pathlib import Path

import hvmanager.domain

DOMAIN = Path(hvmanager.domain.__file__).parent


def imported_roots(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_domain_imports_only_stdlib_and_domain():
    offenders = []
    for path in sorted(DOMAIN.glob("*.py")):
        for name in imported_roots(path):
            root = name.split(".")[0]
            if root in sys.stdlib_module_names or root == "__future__":
                continue
            if name == "hvmanager.domain" or name.startswith("hvmanager.domain."):
                continue
            offenders.append(f"{path.name}: {name}")
    assert offenders == []
    assert len(list(DOMAIN.glob("*.py"))) > 10
