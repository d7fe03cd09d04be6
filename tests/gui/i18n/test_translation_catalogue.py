"""The committed catalogues hold every string of the sources, translated, and the shipped
.qm files are compiled from them: a developer who adds or changes a text without running
``scripts/update-translations`` and translating it gets the list of strings here."""

from translation_files import LANGUAGES, QM_DIR, TS_DIR, read_catalogue, run_pipeline

FIX = ("Run scripts/update-translations, translate these in resources/i18n/hvmanager_{lang}.ts "
       "(Qt Linguist: pyside6-linguist), then run it again to compile:\n")


def test_every_string_of_the_sources_is_in_the_dutch_catalogue(refreshed_dir):
    committed = read_catalogue(TS_DIR / "hvmanager_nl.ts")
    current = read_catalogue(refreshed_dir / "hvmanager_nl.ts")
    missing = [current[key].where() for key in sorted(current.keys() - committed.keys())]
    assert not missing, FIX.format(lang="nl") + "\n".join(missing)


def test_every_dutch_translation_is_finished(refreshed_dir):
    current = read_catalogue(refreshed_dir / "hvmanager_nl.ts")
    untranslated = [m.where() for m in current.values()
                    if m.unfinished or not all(form.strip() for form in m.forms)]
    assert not untranslated, FIX.format(lang="nl") + "\n".join(untranslated)


def test_the_catalogues_keep_no_strings_the_sources_dropped(refreshed_dir):
    for language in LANGUAGES:
        committed = read_catalogue(TS_DIR / f"hvmanager_{language}.ts")
        current = read_catalogue(refreshed_dir / f"hvmanager_{language}.ts")
        vanished = [committed[key].where() for key in sorted(committed.keys() - current.keys())]
        assert not vanished, (f"hvmanager_{language}.ts keeps strings no source has any more; "
                              "run scripts/update-translations:\n" + "\n".join(vanished))


def test_english_has_the_singular_and_plural_of_every_count(refreshed_dir):
    current = read_catalogue(refreshed_dir / "hvmanager_en.ts")
    dutch_plurals = {key for key, m in read_catalogue(TS_DIR / "hvmanager_nl.ts").items()
                     if m.numerus}
    assert dutch_plurals and set(current) == dutch_plurals
    unfinished = [m.where() for m in current.values()
                  if m.unfinished or len(m.forms) != 2 or not all(m.forms)]
    assert not unfinished, FIX.format(lang="en") + "\n".join(unfinished)


def test_the_shipped_qm_files_are_compiled_from_the_committed_catalogues(tmp_path):
    run_pipeline("--compile", ts_dir=TS_DIR, qm_dir=tmp_path)
    stale = [f"hvmanager_{language}.qm" for language in LANGUAGES
             if (tmp_path / f"hvmanager_{language}.qm").read_bytes()
             != (QM_DIR / f"hvmanager_{language}.qm").read_bytes()]
    assert not stale, f"{stale} differ from their .ts: run scripts/update-translations --compile"


def test_the_pipeline_scans_every_layer_that_shows_text():
    sources = run_pipeline("--sources", ts_dir=TS_DIR, qm_dir=QM_DIR).split()
    for expected in ("hvmanager/models/column_registry.py", "hvmanager/ui/main_window.py",
                     "hvmanager/ui/dialogs/connect_server_dialog.py",
                     "hvmanager/app/app_runner.py"):
        assert expected in sources
    assert all(path.startswith("hvmanager/") and path.endswith(".py") for path in sources)
