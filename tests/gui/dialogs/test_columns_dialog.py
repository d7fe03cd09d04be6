"""Columns dialog: check, order, reset, and the chosen order comes back on OK."""

from PySide6.QtCore import Qt

from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.ui.dialogs.columns_dialog import ColumnsDialog


def make(qtbot, visible):
    dialog = ColumnsDialog(ColumnRegistry.standard(), visible)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def titles(dialog):
    return [dialog.column_list.item(r).text() for r in range(dialog.column_list.count())]


def test_lists_every_column_visible_ones_first(qtbot):
    registry = ColumnRegistry.standard()
    dialog = make(qtbot, ["state", "name", "generation", "no-such-column"])
    assert dialog.column_list.count() == len(registry)
    assert titles(dialog)[:3] == ["State", "Name", "Generation"]
    assert dialog.chosen_keys() == ("state", "name", "generation")
    assert "Host" in titles(dialog) and "Memory Demand" in titles(dialog)
    assert "MemoryDemand" in dialog.item_for_key("memory_demand").toolTip()


def test_choose_and_reorder_returns_the_order_on_ok(qtbot):
    dialog = make(qtbot, ["name", "state", "cpu_usage"])
    dialog.item_for_key("cpu_usage").setCheckState(Qt.CheckState.Unchecked)
    dialog.item_for_key("host").setCheckState(Qt.CheckState.Checked)
    dialog.item_for_key("generation").setCheckState(Qt.CheckState.Checked)
    # Move Generation to the top with Move Up.
    dialog.column_list.setCurrentItem(dialog.item_for_key("generation"))
    while dialog.up_button.isEnabled():
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.column_list.currentRow() == 0
    # Move Name one down.
    dialog.column_list.setCurrentItem(dialog.item_for_key("name"))
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.columns_chosen) as chosen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    order = chosen.args[0]
    assert order[0] == "generation"
    assert order.index("state") < order.index("name")
    assert set(order) == {"generation", "name", "state", "host"}


def test_name_is_always_visible(qtbot):
    dialog = make(qtbot, ["state"])
    assert dialog.chosen_keys() == ("name", "state")
    item = dialog.item_for_key("name")
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_reset_restores_hyper_v_manager_defaults_plus_generation(qtbot):
    dialog = make(qtbot, ["name", "notes"])
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_keys() == ColumnRegistry.standard().default_keys()
    assert dialog.chosen_keys()[-1] == "generation"


def test_cancel_emits_nothing(qtbot):
    dialog = make(qtbot, ["name"])
    with qtbot.assertNotEmitted(dialog.columns_chosen):
        dialog.reject()
