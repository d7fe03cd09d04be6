"""Translation tests: the committed catalogues against the sources, and the app in Dutch.

The catalogues are read as plain XML; the pipeline is ``scripts/update-translations``
itself, pointed at temporary folders, so the tests check what a developer runs.
"""

from pathlib import Path

import pytest

from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)
from translation_files import LANGUAGES, TS_DIR, run_pipeline


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
