"""The Qt-free layers' texts reach the catalogue: ``QT_TRANSLATE_NOOP`` of
``hvmanager.domain.message`` is what pyside6-lupdate extracts, so a message added below the
UI without a Dutch translation fails the completeness tests like any window text."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.models.message_text import MessageText
from hvmanager.remoting import transport_errors
from translation_files import LANGUAGES, REPO, TS_DIR, read_catalogue

QT_FREE = ("domain", "remoting", "hyperv", "core", "settings")


def lower_layer_messages():
    """(file, line, context, source) of every literal QT_TRANSLATE_NOOP in the Qt-free layers."""
    for layer in QT_FREE:
        for path in sorted((REPO / "hvmanager" / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                    context, source = (arg.value for arg in node.args)
                    yield path.relative_to(REPO), node.lineno, context, source


def test_every_lower_layer_message_is_translated_in_the_committed_dutch_catalogue():
    messages = list(lower_layer_messages())
    contexts = {context for _, _, context, _ in messages}
    assert len(messages) > 100
    assert {"RemotingErrors", "PowerShellErrors", "CoreMessages", "SettingsMessages"} <= contexts
    catalogue = read_catalogue(TS_DIR / "hvmanager_nl.ts")
    missing = [f"  {path}:{line}: [{context}] {source!r}" for path, line, context, source in messages
               if (context, source, "") not in catalogue
               or catalogue[(context, source, "")].unfinished]
    assert not missing, "not translated:\n" + "\n".join(missing)


def test_a_new_untranslated_lower_layer_message_is_reported(tmp_path):
    # The real pipeline on a copy of the sources with one new message in remoting.
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "hvmanager", repo / "hvmanager",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm", "icons"))
    (repo / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "update-translations", repo / "scripts")
    module = repo / "hvmanager" / "remoting" / "transport_errors.py"
    module.write_text(module.read_text(encoding="utf-8") + '\n_NEW = QT_TRANSLATE_NOOP(\n'
                      '    "RemotingErrors", "{host} sent a brand-new complaint.")\n', encoding="utf-8")
    ts_dir = tmp_path / "ts"
    ts_dir.mkdir()
    for language in LANGUAGES:
        shutil.copy2(TS_DIR / f"hvmanager_{language}.ts", ts_dir)
    env = {"PATH": "/usr/bin:/bin", "HVMANAGER_TS_DIR": str(ts_dir), "HVMANAGER_QM_DIR": str(ts_dir),
           "HVMANAGER_QT_BIN": str(Path(sys.executable).parent)}
    done = subprocess.run(["bash", str(repo / "scripts" / "update-translations")], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "1 unfinished" in done.stdout
    dutch = read_catalogue(ts_dir / "hvmanager_nl.ts")
    # What test_every_dutch_translation_is_finished reports:
    untranslated = [m.source for m in dutch.values() if m.unfinished]
    assert untranslated == ["{host} sent a brand-new complaint."]


def test_a_lower_layer_error_renders_in_the_installed_language(switcher):
    error = transport_errors.timed_out("hv1", 2.5)
    assert switcher.apply("nl"), switcher.problem
    assert MessageText.of(error.text) == "hv1 heeft niet binnen 2.5 s geantwoord."
    assert MessageText.of_error(error) == ("hv1 heeft niet binnen 2.5 s geantwoord. Controleer of de "
                                           "host aan staat en niet overbelast is, of verhoog de time-out.")
    assert QCoreApplication.translate("RemotingErrors", "the local computer") == "de lokale computer"
    try:
        ServerConfig.from_address("hv 01")  # what --server gets from the command line
    except InvalidServerConfig as refused:
        assert MessageText.of_error(refused) == "'hv 01' is geen hostnaam of adres."
        assert str(refused) == "'hv 01' is not a host name or address."
    else:
        raise AssertionError("an address with a space was accepted")
    assert switcher.apply("en")
    assert MessageText.of(error.text) == error.message == "hv1 did not answer within 2.5 s."
    assert MessageText.of(None, "fallback") == "fallback" and MessageText.of("plain") == "plain"
