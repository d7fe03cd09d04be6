"""Random refresh sequences: the table always holds exactly the expected VMs, in sorted
order when sorted, and the proxy's rows match the filter; Qt's model tester watches the
signals of every step (it stays attached after ``check``)."""

import random
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from hvmanager.domain.vm_diff import diff
from hvmanager.domain.vm_state import VMState
from hvmanager.models.vm_filter_proxy_model import VmFilterProxyModel
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import vm

HOSTS = ("hv1", "hv2", "hv3")


def _mutate(rng, current):
    new = dict(current)
    for vm_id in list(new):
        roll = rng.random()
        if roll < 0.15:
            del new[vm_id]
        elif roll < 0.5:
            old = new[vm_id]
            new[vm_id] = replace(old, cpu_usage=rng.randint(0, 100),
                                 state=rng.choice((VMState.RUNNING, VMState.OFF, old.state)),
                                 name=rng.choice((old.name, f"{old.name}x")))
    for _ in range(rng.randint(0, 6)):
        number = rng.randint(0, 10 ** 6)
        fresh = vm(number, rng.choice(("a", "b")), cpu_usage=rng.randint(0, 100))
        new[fresh.vm_id] = fresh
    return new


@pytest.mark.parametrize("seed", range(6))
def test_random_diffs_keep_table_and_proxy_consistent(qtmodeltester, registry, seed):
    rng = random.Random(seed)
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    qtmodeltester.check(table)
    qtmodeltester.check(proxy)
    sort_key = ("name", "cpu_usage", None)[seed % 3]
    if sort_key:
        table.sort(table.section_of(sort_key), Qt.SortOrder(seed % 2))
    if seed % 2:
        proxy.set_filter_text("x")
    state = {host: {} for host in HOSTS}
    for _ in range(25):
        batch = []
        for host in rng.sample(HOSTS, rng.randint(1, 3)):
            new = _mutate(rng, state[host])
            step = diff(state[host], new)
            state[host] = new
            if not step.empty:
                batch.append((host, step))
        table.apply_diffs(batch)
        expected = {(host, vm_id): v for host, vms in state.items() for vm_id, v in vms.items()}
        held = {(table.server_key_at(r), table.vm_at(r).vm_id): table.vm_at(r)
                for r in range(table.rowCount())}
        assert held == expected
        assert all(table.row_of(*key) == row for row, key in
                   enumerate((table.server_key_at(r), table.vm_at(r).vm_id)
                             for r in range(table.rowCount())))
        shown = sorted(proxy.vm_at(r).name for r in range(proxy.rowCount()))
        wanted = sorted(v.name for key, v in expected.items()
                        if proxy.filter_text() in table.search_text(table.row_of(*key)))
        assert shown == wanted
    if sort_key is None:
        return
    # Inserts keep the order; in-place changes may not, until the next sort.
    section = table.section_of(sort_key)
    table.sort(section, Qt.SortOrder(seed % 2))
    values = [table.index(r, section).data(table.SortRole) for r in range(table.rowCount())]
    assert values == sorted(values, reverse=bool(seed % 2))


def test_proxy_selection_survives_diffs_while_filtered_and_sorted(registry):
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    vms = [vm(i) for i in range(30)]
    table.apply_diff("hv1", diff({}, {v.vm_id: v for v in vms}))
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_filter_text("vm-01")
    selection = QItemSelectionModel(proxy)
    target = next(r for r in range(proxy.rowCount()) if proxy.vm_at(r).name == "vm-015")
    selection.select(proxy.index(target, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    current = QPersistentModelIndex(proxy.index(target, 1))
    before = {v.vm_id: v for v in vms}
    after = dict(before)
    for v in vms[::3]:
        after[v.vm_id] = replace(v, cpu_usage=99)
    for v in vms[11:14]:
        del after[v.vm_id]
    extra = vm(100, name="vm-0100")
    after[extra.vm_id] = extra
    table.apply_diff("hv1", diff(before, after))
    rows = selection.selectedRows()
    assert [proxy.vm_at(i.row()).name for i in rows] == ["vm-015"]
    assert current.isValid() and proxy.vm_at(current.row()).name == "vm-015"
