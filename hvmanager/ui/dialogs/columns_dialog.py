"""Choose and order the VM table's visible columns (the dialog beside the header menu)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from hvmanager.models.column_registry import ColumnRegistry

# Hyper-V Manager never hides the Name column: a row without a name means nothing.
ALWAYS_VISIBLE = frozenset({"name"})


class ColumnsDialog(QDialog):
    """Every registry column as a check box in display order; Move Up/Down or drag to reorder.

    Visible columns come first in their current order, hidden ones after them in registry
    order. "Reset" shows the registry's defaults. On OK, :attr:`columns_chosen` carries
    the visible keys in order (also :meth:`chosen_keys`); the caller applies them to the
    header and ``Inventory.set_properties``.
    """

    columns_chosen = Signal(tuple)

    def __init__(self, registry: ColumnRegistry, visible_keys: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnsDialog")
        self.setWindowTitle(self.tr("Columns"))
        self.setAccessibleName(self.tr("Columns"))
        self._registry = registry
        self.column_list = QListWidget(self)
        self.column_list.setObjectName("columnList")
        self.column_list.setAccessibleName(self.tr("Columns, in display order"))
        self.column_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.up_button = self._button("moveUpButton", self.tr("Move &Up"))
        self.down_button = self._button("moveDownButton", self.tr("Move &Down"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.reset_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(self.tr("&Reset to Defaults"))
        self.reset_button.setObjectName("resetColumnsButton")
        self.reset_button.setAccessibleName(self.tr("Reset to defaults"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("columnsOkButton")
        self.ok_button.setAccessibleName(self.tr("OK"))
        self._lay_out()
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reset_button.clicked.connect(self.reset_to_defaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.column_list.currentRowChanged.connect(self._update_buttons)
        self.set_visible_keys(visible_keys)
        self.resize(460, 520)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.column_list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Check the columns to show; their order here is their "
                                        "order in the table."), self))
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def set_visible_keys(self, visible_keys: Sequence[str]) -> None:
        """Show these keys checked, in this order, then the others unchecked."""
        visible = list(self._registry.known_keys(visible_keys))
        for key in sorted(ALWAYS_VISIBLE - set(visible)):
            if key in self._registry:
                visible.insert(0, key)
        hidden = [key for key in self._registry.keys() if key not in visible]
        self.column_list.clear()
        for key in visible + hidden:
            column = self._registry.column(key)
            item = QListWidgetItem(column.display_title())
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(column.header_tooltip())
            flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                     | Qt.ItemFlag.ItemIsDragEnabled)
            if key not in ALWAYS_VISIBLE:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if key in visible
                               else Qt.CheckState.Unchecked)
            self.column_list.addItem(item)
        self.column_list.setCurrentRow(0)
        self._update_buttons()

    def reset_to_defaults(self) -> None:
        """Hyper-V Manager's default columns plus Generation, in registry order."""
        self.set_visible_keys(self._registry.default_keys())

    def item_for_key(self, key: str) -> QListWidgetItem:
        """The list item of one column (for tests and keyboard users' scripts)."""
        for row in range(self.column_list.count()):
            item = self.column_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        raise KeyError(key)

    def chosen_keys(self) -> tuple[str, ...]:
        """The checked columns' keys, in list order."""
        items = (self.column_list.item(row) for row in range(self.column_list.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def _move(self, step: int) -> None:
        row = self.column_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.column_list.count():
            return
        item = self.column_list.takeItem(row)
        self.column_list.insertItem(target, item)
        self.column_list.setCurrentRow(target)

    def _update_buttons(self, *args: object) -> None:
        row = self.column_list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.column_list.count() - 1)

    def accept(self) -> None:
        """Emit the chosen keys and close."""
        keys = self.chosen_keys()
        super().accept()
        self.columns_chosen.emit(keys)
