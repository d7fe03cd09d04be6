"""View > Language: translators load and swap at runtime; a missing file keeps English."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from hvmanager.app.language_switcher import LanguageSwitcher, system_language

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context><name>MainMenuBar</name>
<message><source>&amp;File</source><translation>&amp;Bestand</translation></message>
</context>
<context><name>ActionRegistry</name>
<message><source>Start</source><translation>Starten</translation></message>
</context>
</TS>
"""


def _compile(directory: Path) -> None:
    source = directory / "hvmanager_nl.ts"
    source.write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(source), "-qm", str(directory / "hvmanager_nl.qm")],
                   check=True, capture_output=True, timeout=60)


def test_switching_to_dutch_and_back_retranslates_the_open_window(make_app, qtbot, tmp_path):
    _compile(tmp_path)
    window = make_app().window
    switcher = LanguageSwitcher(QCoreApplication.instance(), tmp_path)
    try:
        assert switcher.apply("nl") and switcher.language == "nl" and not switcher.problem
        qtbot.waitUntil(lambda: window.menus.file_menu.title() == "&Bestand", timeout=2000)
        assert window.registry["actionStartVM"].text() == "Starten"
    finally:
        assert switcher.apply("en")
    qtbot.waitUntil(lambda: window.menus.file_menu.title() == "&File", timeout=2000)
    assert window.registry["actionStartVM"].text() == "Start"


def test_a_missing_translation_keeps_english_and_says_why(make_app, qtbot, tmp_path):
    window = make_app().window
    switcher = LanguageSwitcher(QCoreApplication.instance(), tmp_path)
    assert not switcher.apply("nl")
    assert switcher.language == "en" and "hvmanager_nl.qm" in switcher.problem
    assert window.menus.file_menu.title() == "&File"


def test_the_system_locale_picks_dutch_only_for_dutch():
    assert system_language(QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)) == "nl"
    assert system_language(QLocale(QLocale.Language.German)) == "en"


def test_the_window_asks_for_a_language_from_the_view_menu(make_app, qtbot):
    window = make_app().window
    with qtbot.waitSignal(window.language_requested) as blocker:
        window.registry["actionLanguageDutch"].trigger()
    assert blocker.args == ["nl"]



def test_english_loads_its_plural_forms_file_when_present_and_needs_none(tmp_path):
    switcher = LanguageSwitcher(QCoreApplication.instance(), tmp_path)
    assert switcher.apply("en") and not switcher.problem
    assert switcher.apply("xx") and switcher.language == "en"
