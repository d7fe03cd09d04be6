"""The translation files and the pipeline, for the tests in this folder (a module with a
unique name: ``from conftest import`` would pick whichever conftest loaded last)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "update-translations"
TS_DIR = REPO / "resources" / "i18n"
QM_DIR = REPO / "hvmanager" / "resources" / "i18n"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Message:
    """One ``<message>`` of a .ts file: its key, plural flag and translation forms."""

    context: str
    source: str
    comment: str
    numerus: bool
    forms: tuple[str, ...]
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        """What lupdate and QTranslator match on."""
        return self.context, self.source, self.comment

    def where(self) -> str:
        """The message as a line of a failure list."""
        return f"  [{self.context}] {self.source!r}"


def read_catalogue(path: Path) -> dict[tuple[str, str, str], Message]:
    """Every message of a .ts file by (context, source, comment)."""
    messages = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            translation = element.find("translation")
            numerus = element.get("numerus") == "yes"
            if numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            message = Message(name, element.findtext("source") or "",
                              element.findtext("comment") or "", numerus, forms,
                              translation.get("type") in ("unfinished", "vanished", "obsolete"))
            messages[message.key] = message
    return messages


def run_pipeline(*args: str, ts_dir: Path, qm_dir: Path) -> str:
    """``scripts/update-translations ARGS`` on the given folders, with this interpreter's
    Qt tools; returns its output."""
    env = dict(os.environ, HVMANAGER_TS_DIR=str(ts_dir), HVMANAGER_QM_DIR=str(qm_dir),
               HVMANAGER_QT_BIN=str(Path(sys.executable).parent))
    done = subprocess.run(["bash", str(SCRIPT), *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout
