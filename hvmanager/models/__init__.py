"""Qt item models over core's data (QtCore/QtGui only, never QtWidgets).

Thin adapters, one public class per module: ``ColumnRegistry``/``Column`` (columns as
data), ``VmTableModel`` and ``VmFilterProxyModel`` (the VM table), ``ServerTreeModel``,
``CommandLogModel``, ``CheckpointTreeModel`` and ``InventoryBridge`` (core's listener as
Qt signals). Import from the modules; roles are defined once in ``roles``. The API is
summarised at the end of docs/team-brief.md.
"""
