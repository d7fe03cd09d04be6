"""Custom item data roles, defined once for every model of this package.

Plain ints (``Qt.UserRole`` + n) so they compare cheaply inside ``data()`` and can be
passed straight to ``QSortFilterProxyModel.setSortRole`` or ``index.data(role)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

#: VmTableModel: the row's ``VirtualMachine`` snapshot.
VmRole = _USER + 1
#: Every model with server rows/nodes: the server key (``ServerConfig.key``).
ServerKeyRole = _USER + 2
#: VmTableModel: a primitive sort value (int/float/str, None for "no value").
SortRole = _USER + 3
#: ServerTreeModel: the ``NodeKind`` of a node.
NodeKindRole = _USER + 4
#: ServerTreeModel: the server's last ``HostStatus`` (None before the first report).
HostStatusRole = _USER + 5
#: CheckpointTreeModel: the ``Checkpoint`` of a node (None for the "Now" node).
CheckpointRole = _USER + 6
#: CommandLogModel: the ``CommandLogEntry`` of a row.
LogEntryRole = _USER + 7
#: VmTableModel header (``headerData``): the column key of a section.
ColumnKeyRole = _USER + 8
#: CommandLogModel: the copyable text of a row (PowerShell plus a comment line).
CopyTextRole = _USER + 9
