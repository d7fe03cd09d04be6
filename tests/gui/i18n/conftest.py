"""Translation tests: the committed catalogues against the sources, and the app in Dutch.

The catalogues are read as plain XML; the pipeline is ``scripts/update-translations``
itself, pointed at temporary folders, so the tests check what a developer runs.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from hvmanager.app.language_switcher import LanguageSwitcher
from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)
from translation_files import LANGUAGES, QM_DIR, TS_DIR, run_pipeline


@pytest.fixture
def switcher(qapp, tmp_path) -> LanguageSwitcher:
    """The app's LanguageSwitcher with copies of the shipped .qm files. Afterwards the
    copies are gone and English is applied: no translator of ours stays installed, as
    the other GUI tests expect (they compare with the source texts)."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for qm in QM_DIR.glob("hvmanager_*.qm"):
        (folder / qm.name).write_bytes(qm.read_bytes())
    switcher = LanguageSwitcher(QCoreApplication.instance(), folder)
    yield switcher
    for qm in folder.glob("*.qm"):
        qm.unlink()
    switcher.apply("en")


@pytest.fixture(scope="module")
def refreshed_dir(tmp_path_factory) -> Path:
    """The committed .ts files updated from today's sources (as the script would), in a
    temporary folder: new strings come out unfinished, vanished ones are dropped."""
    folder = tmp_path_factory.mktemp("refreshed")
    for language in LANGUAGES:
        name = f"hvmanager_{language}.ts"
        (folder / name).write_bytes((TS_DIR / name).read_bytes())
    run_pipeline(ts_dir=folder, qm_dir=folder)
    return folder
