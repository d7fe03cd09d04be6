"""The real main window in Dutch with the shipped catalogue, back to English through
View > Language at run time; and every text it shows goes through the catalogue."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QMenu,
                               QTabWidget, QWidget)


DUTCH_MENUS = ["&Bestand", "&Actie", "Beel&d", "&Help"]
ENGLISH_MENUS = ["&File", "&Action", "&View", "&Help"]
DUTCH_ACTIONS = {"actionConnectServer": "Verbinding maken met server...",
                 "actionRefresh": "Vernieuwen", "actionStartVM": "Starten",
                 "actionShutDownVM": "Afsluiten...", "actionTurnOffVM": "Uitschakelen...",
                 "actionSaveVM": "Opslaan", "actionPauseVM": "Onderbreken",
                 "actionResumeVM": "Hervatten", "actionResetVM": "Opnieuw instellen...",
                 "actionCheckpointVM": "Controlepunt",
                 "actionIntegrationServices": "Integratieservices...",
                 "actionHyperVService": "Hyper-V-service..."}
DUTCH_COLUMNS = ["Naam", "Status", "CPU-gebruik", "Toegewezen geheugen", "Actieve tijd",
                 "Bewerkingsstatus", "Configuratieversie", "Generatie"]
#: Widgets Qt names and translates itself (qtbase_*.qm).
QT_OWN = {"ScrollLeftButton", "ScrollRightButton"}
ENGLISH_COLUMNS = ["Name", "State", "CPU Usage", "Assigned Memory", "Uptime", "Status",
                   "Configuration Version", "Generation"]


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def column_titles(window):
    header = window.vm_table.horizontalHeader()
    model = window.vm_table.model()
    sections = sorted((header.visualIndex(s), s) for s in range(header.count())
                      if not header.isSectionHidden(s))
    titles = [model.headerData(s, Qt.Orientation.Horizontal) for _, s in sections]
    return [title for title in titles if title not in ("Host",)]  # "All servers" adds Host


def tree_titles(window):
    tree = window.models.tree
    return [tree.data(tree.root_index()), tree.data(tree.all_servers_index())]


def test_the_main_window_speaks_dutch_and_switches_back_to_english_at_run_time(
        make_app, qtbot, switcher):
    window = make_app().window

    def switch(language):  # as AppRunner wires View > Language
        switcher.apply(language)
        window.set_language_checked(switcher.language)

    window.language_requested.connect(switch)
    window.registry["actionLanguageDutch"].trigger()
    assert switcher.language == "nl", switcher.problem
    qtbot.waitUntil(lambda: menu_titles(window) == DUTCH_MENUS, timeout=3000)
    assert {name: window.registry[name].text() for name in DUTCH_ACTIONS} == DUTCH_ACTIONS
    assert column_titles(window) == DUTCH_COLUMNS
    assert tree_titles(window) == ["Hyper-V-beheer", "Alle servers"]
    assert window.menus.language_menu.title() == "&Taal"
    assert window.registry["actionLanguageDutch"].isChecked()

    window.registry["actionLanguageEnglish"].trigger()
    qtbot.waitUntil(lambda: menu_titles(window) == ENGLISH_MENUS, timeout=3000)
    assert window.registry["actionStartVM"].text() == "Start"
    assert window.registry["actionTurnOffVM"].text() == "Turn Off..."
    assert column_titles(window) == ENGLISH_COLUMNS
    assert tree_titles(window) == ["Hyper-V Manager", "All servers"]
    assert window.registry["actionLanguageEnglish"].isChecked()


def test_dutch_accelerators_are_unique_in_every_menu(make_app, qtbot, switcher):
    window = make_app().window
    assert switcher.apply("nl"), switcher.problem
    qtbot.waitUntil(lambda: menu_titles(window) == DUTCH_MENUS, timeout=3000)
    clashes = []
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        letters = [text.lower()[text.index("&") + 1] for text in
                   (action.text().replace("&&", "") for action in menu.actions())
                   if "&" in text]
        if len(letters) != len(set(letters)):
            clashes.append((menu.objectName(), [a.text() for a in menu.actions()]))
    assert clashes == []


# -- every visible text through the catalogue ---------------------------------------

def _tool(name):
    return str(Path(sys.executable).parent / name)


@pytest.fixture(scope="module")
def marked_qm(refreshed_dir, tmp_path_factory):
    """Today's strings "translated" into «source»: a text without the marks on screen was
    not found by lupdate or not passed through the catalogue."""
    folder = tmp_path_factory.mktemp("marked")
    tree = ElementTree.parse(refreshed_dir / "hvmanager_nl.ts")
    for message in tree.getroot().iter("message"):
        marked = f"\u00ab{message.findtext('source')}\u00bb"
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        forms = list(translation)
        if forms:
            for form in forms:
                form.text = marked
        else:
            translation.text = marked
    tree.write(folder / "marked.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(folder / "marked.ts"), "-qm",
                    str(folder / "marked.qm")], check=True, capture_output=True, timeout=120)
    return folder / "marked.qm"


def window_texts(window):
    """(where, text) for every text the window shows or names for screen readers."""
    texts = [("window title", window.windowTitle())]
    menus = [*window.menuBar().findChildren(QMenu)]
    for menu in menus:
        texts.append((f"menu {menu.objectName()}", menu.title()))
        for action in menu.actions():
            if not action.isSeparator():
                texts.append((f"action {action.objectName()}", action.text()))
                texts.append((f"tooltip {action.objectName()}", action.toolTip()))
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or widget.objectName() in QT_OWN:
            continue  # kept dialogs are windows of their own; Qt translates its widgets
        name = widget.objectName() or type(widget).__name__
        if widget.accessibleName():
            texts.append((f"accessible name {name}", widget.accessibleName()))
        if isinstance(widget, QLabel) and not widget.isHidden():
            texts.append((f"label {name}", widget.text()))
        if isinstance(widget, QAbstractButton) and not widget.isHidden():
            texts.append((f"button {name}", widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append((f"placeholder {name}", widget.placeholderText()))
        if isinstance(widget, QTabWidget):
            texts.extend((f"tab {name}", widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend((f"header {name}", str(model.headerData(c, Qt.Orientation.Horizontal)))
                         for c in range(model.columnCount()))
    tree = window.models.tree
    texts.extend(("tree", str(tree.data(index))) for index in
                 (tree.root_index(), tree.all_servers_index()))
    return texts


def test_every_text_of_the_main_window_goes_through_the_catalogue(make_app, qtbot, marked_qm):
    window = make_app().window
    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(str(marked_qm))
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: "\u00ab" in window.menus.file_menu.title(), timeout=3000)
        window.retranslate()
        untranslated = sorted({(where, text) for where, text in window_texts(window)
                               if any(c.isalpha() for c in text) and "\u00ab" not in text
                               and text != "None"})
        assert untranslated == [], "\n".join(map(repr, untranslated))
    finally:
        app.removeTranslator(translator)
