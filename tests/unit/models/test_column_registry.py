"""ColumnRegistry: every reference property as a column, defaults as Hyper-V Manager's."""

import pytest

from hvmanager.hyperv.vm_property import REQUIRED, VmProperty, selection
from hvmanager.models.column_registry import ColumnRegistry

OPTIONAL_TITLES = ["Host", "Processors", "Memory Demand", "Memory Status", "Startup Memory",
                   "Minimum Memory", "Maximum Memory", "Dynamic Memory", "Heartbeat", "Path",
                   "Configuration Location", "Notes", "Created",
                   "Integration Services Version", "Checkpoint", "Checkpoint Type",
                   "Replication State", "Replication Health", "Clustered", "VM ID"]


def test_defaults_in_hyper_v_manager_order_plus_generation(registry):
    titles = [registry.column(k).display_title() for k in registry.default_keys()]
    assert titles == ["Name", "State", "CPU Usage", "Assigned Memory", "Uptime", "Status",
                      "Configuration Version", "Generation"]


def test_every_optional_column_of_the_brief_exists_hidden(registry):
    optional = [c for c in registry if not c.visible_by_default]
    assert [c.display_title() for c in optional] == OPTIONAL_TITLES


def test_every_selectable_property_has_a_column(registry):
    assert registry.properties_for(registry.keys()) == frozenset(VmProperty)


def test_properties_for_visible_columns_feed_the_refresh_selection(registry):
    props = registry.properties_for(["name", "memory_assigned", "host", "generation"])
    assert props == {VmProperty.NAME, VmProperty.MEMORY_ASSIGNED, VmProperty.GENERATION}
    assert set(selection(props)) == set(REQUIRED) | props
    with pytest.raises(KeyError):
        registry.properties_for(["nope"])


def test_known_keys_cleans_restored_settings(registry):
    assert registry.known_keys(["state", "bogus", "name", "state"]) == ("state", "name")


def test_duplicate_keys_are_refused(registry):
    column = registry.column("name")
    with pytest.raises(ValueError):
        ColumnRegistry([column, column])


def test_header_tooltip_names_the_powershell_property(registry):
    assert registry.column("memory_assigned").header_tooltip() == \
        "Assigned Memory (MemoryAssigned)"
    assert registry.column("host").header_tooltip() == "Host"
    assert registry.column("host").vm_property is None
