"""The PowerShell log pane: every pipeline the app ran, newest last, capped."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import (QCoreApplication, QModelIndex, QModelRoleDataSpan, QObject,
                            QT_TRANSLATE_NOOP, Qt)
from PySide6.QtGui import QColor

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.models import roles
from hvmanager.models.flat_table_model import FlatTableModel
from hvmanager.models.message_text import MessageText

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CONTEXT = "CommandLog"
_TITLES = (
    QT_TRANSLATE_NOOP("CommandLog", "Time"),
    QT_TRANSLATE_NOOP("CommandLog", "Host"),
    QT_TRANSLATE_NOOP("CommandLog", "Command"),
    QT_TRANSLATE_NOOP("CommandLog", "Duration"),
    QT_TRANSLATE_NOOP("CommandLog", "Result"),
)
_OK = QT_TRANSLATE_NOOP("CommandLog", "OK")
_FAILED = QT_TRANSLATE_NOOP("CommandLog", "Failed")
_TIME, _HOST, _COMMAND, _DURATION, _RESULT = range(5)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class CommandLogModel(FlatTableModel):
    """Log entries as rows (Time, Host, Command, Duration, Result).

    Holds at most ``capacity`` entries; beyond that the oldest are dropped in batches of
    a tenth of the capacity, so a busy log removes rows rarely and in one signal.
    """

    def __init__(self, capacity: int = 5000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if capacity < 1:
            raise ValueError("capacity must be positive")
        self._capacity = capacity
        self._entries: list[CommandLogEntry] = []
        self._failed = QColor("#a01616")

    @property
    def capacity(self) -> int:
        """The most entries kept (a batch more may be held briefly)."""
        return self._capacity

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        """Number of entries."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        """Time, Host, Command, Duration, Result."""
        return 0 if parent.isValid() else len(_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        """Translated column titles."""
        if (role == _DISPLAY and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(_TITLES)):
            return _tr(_TITLES[section])
        return None

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        """Cell text, the full command as tooltip, red text for failures, the entry."""
        if not index.isValid():
            return None
        return self._value(self._entries[index.row()], index.column(), role)

    def multiData(self, index: QModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802,N803
        """Every role a view asks for a cell (seven to paint one) in one call."""
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        entry, column = self._entries[index.row()], index.column()
        for role_data in roleDataSpan:
            role_data.setData(self._value(entry, column, role_data.role()))

    def _value(self, entry: CommandLogEntry, column: int, role: int):
        if role == _DISPLAY:
            return self._cell(entry, column)
        if role == _TOOLTIP:
            return entry.powershell if column == _COMMAND else self._cell(entry, column)
        if role == _FOREGROUND:
            return None if entry.ok else self._failed
        if role == _ALIGN and column == _DURATION:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == roles.LogEntryRole:
            return entry
        if role == roles.CopyTextRole:
            return self._copy_text(entry)
        if role == roles.ServerKeyRole:
            return entry.server_key
        return None

    def _cell(self, entry: CommandLogEntry, column: int) -> str:
        if column == _TIME:
            started = entry.started.astimezone() if entry.started.tzinfo else entry.started
            return started.strftime("%H:%M:%S")
        if column == _HOST:
            return entry.host
        if column == _COMMAND:
            return entry.powershell
        if column == _DURATION:
            return f"{entry.duration_s:.2f} s"
        verdict = _tr(_OK if entry.ok else _FAILED)
        return f"{verdict}: {MessageText.of(entry.summary_text, entry.summary)}" if entry.summary else verdict

    def _copy_text(self, entry: CommandLogEntry) -> str:
        comment = (f"# {self._cell(entry, _TIME)} {entry.host} "
                   f"({self._cell(entry, _DURATION)}, {self._cell(entry, _RESULT)})")
        return f"{comment}\n{entry.powershell}"

    def append(self, entry: CommandLogEntry) -> None:
        """Add one entry at the end."""
        self.extend((entry,))

    def extend(self, entries: Iterable[CommandLogEntry]) -> None:
        """Add entries at the end in one insert, then drop the oldest beyond the cap."""
        new = list(entries)
        if not new:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._entries.extend(new)
        self.endInsertRows()
        slack = max(self._capacity // 10, 1)
        if len(self._entries) > self._capacity + slack - 1:
            drop = len(self._entries) - self._capacity
            self.beginRemoveRows(QModelIndex(), 0, drop - 1)
            del self._entries[:drop]
            self.endRemoveRows()

    def entry_at(self, row: int) -> CommandLogEntry:
        """The entry in ``row``."""
        return self._entries[row]

    def copy_text(self, rows: Iterable[int]) -> str:
        """The PowerShell of ``rows`` with a comment line each, ready for the clipboard."""
        return "\n".join(self._copy_text(self._entries[row]) for row in sorted(set(rows)))

    def retranslate(self) -> None:
        """Repaint titles and the Result column after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_TITLES) - 1)
        if self._entries:
            self.dataChanged.emit(self.index(0, _RESULT),
                                  self.index(len(self._entries) - 1, _RESULT))

    def clear(self) -> None:
        """Forget every entry (a user action: one reset)."""
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()
