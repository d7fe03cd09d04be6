"""The middle pane: filter box, the vmms banner and the VM table with its header menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QVBoxLayout, QWidget

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.models.roles import ColumnKeyRole, ServerKeyRole, VmRole
from hvmanager.ui.panes.header_columns_menu import HeaderColumnsMenu
from hvmanager.ui.panes.service_stopped_banner import ServiceStoppedBanner
from hvmanager.ui.panes.visible_rows_table_view import VisibleRowsTableView

translate = QCoreApplication.translate


class VmTablePane(QWidget):
    """Shows the filtered, sorted VM table; says which VMs are selected and which columns show.

    ``source`` is the ``VmTableModel`` (it holds the visible columns, sorts its rows and
    updates them in place, so selection and scroll survive refreshes); ``proxy`` the
    ``VmFilterProxyModel`` over it. Rows carry ``VmRole``/``ServerKeyRole``, header
    sections ``ColumnKeyRole``.
    """

    selection_changed = Signal()
    columns_changed = Signal()

    def __init__(self, source, proxy, columns_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vmPane")
        self.source = source
        self.registry = source.registry
        self.default_keys = self.registry.default_keys()
        self._widths: dict[str, int] = {}
        self._applied = False
        self.proxy = proxy
        self.filter = QLineEdit(self)
        self.filter.setObjectName("vmFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(proxy.set_filter_text)
        self.banner = ServiceStoppedBanner(self)
        self.table = VisibleRowsTableView(self)
        self.table.setObjectName("vmTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(110)
        header.sectionMoved.connect(lambda *_: self.columns_changed.emit())
        header.sectionResized.connect(lambda *_: self.columns_changed.emit())
        self.header_menu = HeaderColumnsMenu(header, self.registry, self.visible_keys,
                                             self.set_visible_keys, columns_action)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.set_visible_columns([(key, 0) for key in self.default_keys])
        self.retranslate()

    # -- selection ------------------------------------------------------------------

    def selected_vms(self) -> tuple[tuple[str, VirtualMachine], ...]:
        """``(server_key, vm)`` of the selected rows, top to bottom as shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        result = []
        for row in rows:
            index = self.proxy.index(row, 0)
            vm = index.data(VmRole)
            if vm is not None:
                result.append((index.data(ServerKeyRole), vm))
        return tuple(result)

    def select_rows(self, rows: list[int]) -> None:
        """Select these view rows (keyboard users and tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row in rows:
            selection.select(self.proxy.index(row, 0), flags)
        if rows:
            selection.setCurrentIndex(self.proxy.index(rows[0], 0),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)

    # -- columns --------------------------------------------------------------------

    def column_key(self, section: int) -> str:
        """The registry key of a model section."""
        return str(self.proxy.headerData(section, Qt.Orientation.Horizontal, ColumnKeyRole))

    def visible_columns(self) -> list[tuple[str, int]]:
        """Visible column keys in the order shown (sections may be dragged), with widths."""
        header = self.table.horizontalHeader()
        return [(self.column_key(header.logicalIndex(visual)),
                 header.sectionSize(header.logicalIndex(visual)))
                for visual in range(header.count())]

    def visible_keys(self) -> tuple[str, ...]:
        """Keys of the visible columns in the order shown."""
        return tuple(key for key, _ in self.visible_columns())

    def set_visible_keys(self, keys: tuple[str, ...]) -> None:
        """Show exactly these columns in this order, keeping known widths."""
        self.set_visible_columns([(key, 0) for key in keys])

    def set_visible_columns(self, columns: list[tuple[str, int]]) -> None:
        """Show exactly these columns (unknown keys skipped; the defaults when none is
        known); a width of 0 keeps the width last seen or the column's default.

        The model holds only visible columns, so a change resets it (a user action);
        sections dragged in the header are put back in model order first.
        """
        if self._applied:
            # Keep widths the user dragged; before the first call the sections are Qt's.
            for key, width in self.visible_columns():
                self._widths[key] = width
        self._applied = True
        self._widths.update({key: width for key, width in columns if width > 0})
        keys = self.registry.known_keys(key for key, _ in columns) or self.default_keys
        header = self.table.horizontalHeader()
        blocker = header.blockSignals(True)
        try:
            self.source.set_columns(keys)
            for section in range(header.count()):
                if header.visualIndex(section) != section:
                    header.moveSection(header.visualIndex(section), section)
            for section in range(header.count()):
                key = self.column_key(section)
                width = self._widths.get(key) or self._default_width(section, key)
                header.resizeSection(section, width)
        finally:
            header.blockSignals(blocker)
        self.columns_changed.emit()

    def _default_width(self, section: int, key: str) -> int:
        # The registry's width, widened to fit the (translated) title.
        title = str(self.proxy.headerData(section, Qt.Orientation.Horizontal))
        needed = self.table.horizontalHeader().fontMetrics().horizontalAdvance(title) + 28
        return max(self.registry.column(key).default_width, needed)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.filter.setPlaceholderText(translate(
            "VmTablePane", "Filter virtual machines (any column)  Ctrl+F"))
        self.filter.setAccessibleName(translate("VmTablePane", "Filter virtual machines"))
        self.table.setAccessibleName(translate("VmTablePane", "Virtual machines"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
