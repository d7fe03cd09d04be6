"""SearchIndex: texts built in idle slices (column by column) equal texts built row by row."""

from hvmanager.domain.vm_state import VMState
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import added, changed, vm


def test_slices_build_the_same_texts_as_single_rows(registry):
    columns = ("name", "state", "cpu_usage", "memory_assigned", "uptime", "host", "generation")
    sliced = VmTableModel(registry, columns)
    single = VmTableModel(registry, columns)
    rows = [vm(i, "hv1", state=VMState.OFF if i % 3 else VMState.RUNNING) for i in range(23)]
    for table in (sliced, single):
        table.set_host_title("hv1", "Hyper-V One")
        table.apply_diff("hv1", added(*rows))
    # A row changed before its text was ever built, and one whose cells were built.
    sliced.search.text(3)
    new, diff = changed(rows[3], cpu_usage=77)
    sliced.apply_diff("hv1", diff)
    single.apply_diff("hv1", diff)
    while sliced.search.prepare_some(5):
        pass
    assert sliced.search.text_count() == sliced.rowCount() == 23
    expected = [single.search.text(row) for row in range(single.rowCount())]
    assert [sliced.search.text(row) for row in range(23)] == expected
    assert "hyper-v one" in expected[0] and "77 %" in expected[3]
