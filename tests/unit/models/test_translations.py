"""Every user-visible source text of the models is extracted by pyside6-lupdate, and a
loaded translation changes what the models show."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator, Qt

import hvmanager.models
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import added, vm

MODELS = Path(hvmanager.models.__file__).parent


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    assert Path(found).exists(), "pyside6-lupdate is part of PySide6-Essentials"
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    ts = tmp_path_factory.mktemp("ts") / "models.ts"
    sources = sorted(str(p) for p in MODELS.glob("*.py"))
    subprocess.run([_lupdate(), *sources, "-ts", str(ts)], check=True, capture_output=True,
                   timeout=120)
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), msg.findtext("source"))
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def test_column_titles_are_extracted(extracted):
    for column in ColumnRegistry.standard():
        assert (column.context, column.title) in extracted


def test_state_tree_and_log_texts_are_extracted(extracted):
    for item in [("VMState", "Running-Critical"), ("Heartbeat", "OK (Applications Healthy)"),
                 ("CheckpointType", "Production Only"), ("Columns", "Yes"),
                 ("ServerTree", "Hyper-V Manager"), ("ServerTree", "All servers"),
                 ("ServerTree", "State: %1"), ("CommandLog", "Duration"),
                 ("Checkpoints", "Now")]:
        assert item in extracted


def test_a_loaded_translation_changes_titles_and_states(tmp_path, qapp):
    ts = tmp_path / "nl.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>
<TS version="2.1" language="nl">
<context><name>Columns</name><message><source>Assigned Memory</source>
<translation>Toegewezen geheugen</translation></message></context>
<context><name>VMState</name><message><source>Running</source>
<translation>Actief</translation></message></context></TS>""", encoding="utf-8")
    qm = tmp_path / "nl.qm"
    lrelease = Path(_lupdate()).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    table = VmTableModel(ColumnRegistry.standard())
    table.apply_diff("hv1", added(vm(1)))
    QCoreApplication.installTranslator(translator)
    try:
        table.retranslate()
        section = table.section_of("memory_assigned")
        assert table.headerData(section, Qt.Orientation.Horizontal) == "Toegewezen geheugen"
        assert table.index(0, table.section_of("state")).data() == "Actief"
        assert "actief" in table.search_text(0)
    finally:
        QCoreApplication.removeTranslator(translator)
