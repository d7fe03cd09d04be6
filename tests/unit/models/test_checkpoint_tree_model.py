"""CheckpointTreeModel: nesting by parent, creation order, the current one with "Now"."""

import uuid
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from hvmanager.domain.checkpoint import Checkpoint
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.models import roles
from hvmanager.models.checkpoint_tree_model import CheckpointTreeModel

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def checkpoint(name, parent=None, minutes=0):
    return Checkpoint(uuid.uuid5(uuid.NAMESPACE_DNS, name), None, "vm", name,
                      parent_id=parent.checkpoint_id if parent else None,
                      creation_time=T0 + timedelta(minutes=minutes))


def sample():
    base = checkpoint("Base", minutes=0)
    update = checkpoint("Before update", base, minutes=10)
    branch = checkpoint("Experiment", base, minutes=20)
    after = checkpoint("After update", update, minutes=30)
    return CheckpointTree.build([after, branch, update, base]), base, update, branch, after


def test_tree_shape_and_current_marker(qtmodeltester):
    tree, base, update, branch, after = sample()
    model = CheckpointTreeModel()
    model.set_tree(tree, current="After update")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert root.data() == "Base" and model.checkpoint_at(root) == base
    assert [model.index(r, 0, root).data() for r in range(2)] == ["Before update", "Experiment"]
    current = model.index_for(after.checkpoint_id)
    assert current.data(Qt.ItemDataRole.FontRole).bold()
    now = model.index(0, 0, current)
    assert now.data() == "Now" and model.checkpoint_at(now) is None
    assert model.index(0, 1).data() != ""  # Created column
    assert [model.headerData(s, Qt.Orientation.Horizontal) for s in (0, 1)] == ["Name", "Created"]


def test_current_by_id_and_clear(qtmodeltester):
    tree, base, *_ = sample()
    model = CheckpointTreeModel()
    model.set_tree(tree, current=base.checkpoint_id)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.rowCount(model.index(0, 0)) == 3  # two children and "Now"
    model.clear_tree()
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    assert model.index(0, 0).data(roles.CheckpointRole) is None
