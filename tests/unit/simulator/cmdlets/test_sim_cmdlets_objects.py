"""Select-Object, Where-Object, Sort-Object, Measure-Object."""

from __future__ import annotations

from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, run, wire

_GB = 1024 ** 3


def _host() -> SimHost:
    host = SimHost("HV01")
    host.add_vm("b-vm", state="Running", memory_startup=4 * _GB)
    host.add_vm("a-vm", memory_startup=1 * _GB, generation=1)
    host.add_vm("c-vm", state="Saved", memory_startup=2 * _GB)
    return host


def test_select_object_builds_selected_note_properties() -> None:
    outcome = run(_host(), cmd("Get-VM"), cmd("Select-Object", Property=["Name", "State", "Generation", "Uptime"]))
    first = wire(outcome.output[0])
    assert first.types == ["Selected.Microsoft.HyperV.PowerShell.VirtualMachine",
                           "System.Management.Automation.PSCustomObject", "System.Object"]
    assert first.adapted_properties == {}
    assert list(first.extended_properties) == ["Name", "State", "Generation", "Uptime"]
    assert first.extended_properties["Name"] == "a-vm"  # Get-VM without names: ordered by name
    assert first.extended_properties["State"].to_string == "Off"
    assert first.extended_properties["State"].property_sets == [3]
    assert first.extended_properties["Generation"] == 1
    assert first.extended_properties["Uptime"] == "PT0S"
    second = wire(outcome.output[1])
    assert second.extended_properties["State"].to_string == "Running"
    assert second.extended_properties["Uptime"].startswith("PT1H")
    assert first.to_string is None


def test_select_object_of_a_missing_property_gives_null() -> None:
    [out] = run(_host(), cmd("Get-VM", "a-vm"), cmd("Select-Object", ["Name", "Nope"])).output
    assert wire(out).extended_properties == {"Name": "a-vm", "Nope": None}


def test_select_object_nested_property_is_one_level_deeper() -> None:
    [out] = run(_host(), cmd("Get-VM", "a-vm"), cmd("Select-Object", Property=["Name", "HardDrives"])).output
    drives = wire(out).extended_properties["HardDrives"]
    assert drives[0].types[0] == "Microsoft.HyperV.PowerShell.HardDiskDrive"
    assert drives[0].adapted_properties["ControllerType"].to_string == "IDE"


def test_select_object_expand_property_first_last_skip_and_wildcards() -> None:
    host = _host()
    assert run(host, cmd("Get-VM"), cmd("Select-Object", ExpandProperty="Name")).output == ["a-vm", "b-vm", "c-vm"]
    first = run(host, cmd("Get-VM"), cmd("Select-Object", First=2))
    assert [wire(o).types[0] for o in first.output] == ["Microsoft.HyperV.PowerShell.VirtualMachine"] * 2
    assert run(host, cmd("Get-VM"), cmd("Select-Object", ExpandProperty="Name", Last=1)).output == ["c-vm"]
    assert run(host, cmd("Get-VM"), cmd("Select-Object", ExpandProperty="Name", Skip=2)).output == ["c-vm"]
    [star] = run(host, cmd("Get-VM", "a-vm"), cmd("Select-Object", Property="Memory*")).output
    assert set(wire(star).extended_properties) == {"MemoryAssigned", "MemoryDemand", "MemoryStatus",
                                                   "MemoryMaximum", "MemoryMinimum", "MemoryStartup"}
    renamed = run(host, cmd("Get-VM", "a-vm"), cmd("Select-Object", Property=[{"Name": "Gen", "Expression": "Generation"}]))
    assert wire(renamed.output[0]).extended_properties == {"Gen": 1}


def test_select_object_type_name_for_other_inputs() -> None:
    [out] = run(_host(), cmd("Get-Service", "vmms"), cmd("Select-Object", ["Name", "Status"])).output
    assert wire(out).types[0] == "Selected.System.ServiceProcess.ServiceController"
    [again] = run(_host(), cmd("Get-Service", "vmms"), cmd("Select-Object", "Name"), cmd("Select-Object", "Name")).output
    assert wire(again).types[0] == "Selected.System.Management.Automation.PSCustomObject"


def test_select_object_works_each_input_shape_out_on_its_own() -> None:
    # One Select-Object fed a VM, a service and a string (pipeline input): each shape gets
    # its own columns and type names, and a shape seen again reuses them correctly.
    host = _host()
    [vm] = run(host, cmd("Get-VM", "a-vm")).output
    [service] = run(host, cmd("Get-Service", "vmms")).output
    outcome = run(host, cmd("Select-Object", Property=["Name", "*Type", "Length"]),
                  inputs=[vm, service, "text", vm])
    shapes = [wire(o) for o in outcome.output]
    assert [s.types[0] for s in shapes] == [
        "Selected.Microsoft.HyperV.PowerShell.VirtualMachine", "Selected.System.ServiceProcess.ServiceController",
        "Selected.System.String", "Selected.Microsoft.HyperV.PowerShell.VirtualMachine"]
    assert list(shapes[0].extended_properties) == ["Name", "CheckpointType", "EnhancedSessionTransportType",
                                                   "VirtualMachineType", "VirtualMachineSubType", "Length"]
    assert shapes[0].extended_properties["Name"] == "a-vm" and shapes[0].extended_properties["Length"] is None
    assert list(shapes[1].extended_properties) == ["Name", "ServiceType", "StartType", "Length"]
    assert shapes[1].extended_properties["Name"] == "vmms"
    assert shapes[2].extended_properties == {"Name": None, "Length": None}
    assert [str(v) for v in shapes[3].extended_properties.values()] == \
        [str(v) for v in shapes[0].extended_properties.values()] == ["a-vm", "Production", "VMBus",
                                                                     "RealizedVirtualMachine", "Generation1", "None"]


def test_select_object_duplicate_names_read_back_the_first() -> None:
    [out] = run(_host(), cmd("Get-VM", "a-vm"),
                cmd("Select-Object", Property=["Name", {"Name": "Name", "Expression": "State"}]),
                cmd("ConvertTo-Csv", NoTypeInformation=True)).output[1:]
    assert out == '"a-vm","a-vm"'


def test_where_object_simple_form() -> None:
    host = _host()

    def names(**params) -> list[str]:
        return run(host, cmd("Get-VM"), cmd("Where-Object", **params), cmd("Select-Object", ExpandProperty="Name")).output

    assert names(Property="State", EQ=True, Value="running") == ["b-vm"]
    assert names(Property="State", NE=True, Value="Running") == ["a-vm", "c-vm"]
    assert names(Property="Name", Like=True, Value="?-VM") == ["a-vm", "b-vm", "c-vm"]
    assert names(Property="Name", Match=True, Value="^[ab]") == ["a-vm", "b-vm"]
    assert names(Property="Generation", EQ=True, Value=1) == ["a-vm"]
    assert names(Property="MemoryStartup", GT=True, Value=1 * _GB) == ["b-vm", "c-vm"]
    assert names(Property="State", EQ=True, Value=6) == ["c-vm"]  # numbers compare to the enum value
    assert names(Property="DynamicMemoryEnabled") == []


def test_where_object_by_guid() -> None:
    host = _host()
    target = host.vms[2].vm_id
    out = run(host, cmd("Get-VM"), cmd("Where-Object", Property="Id", EQ=True, Value=target)).output
    assert [wire(o).adapted_properties["Id"] for o in out] == [target]
    out = run(host, cmd("Get-VM"), cmd("Where-Object", Property="Id", EQ=True, Value=str(target).upper())).output
    assert len(out) == 1


def test_where_object_script_block_is_refused() -> None:
    outcome = run(_host(), cmd("Get-VM"), cmd("Where-Object", FilterScript="$_.State -eq 'Running'"))
    assert outcome.failure.fully_qualified_error_id == "ScriptsNotAllowed"


def test_sort_object() -> None:
    host = _host()

    def names(*commands) -> list[str]:
        return run(host, cmd("Get-VM"), *commands, cmd("Select-Object", ExpandProperty="Name")).output

    assert names(cmd("Sort-Object", "Name")) == ["a-vm", "b-vm", "c-vm"]
    assert names(cmd("Sort-Object", Property="MemoryStartup", Descending=True)) == ["b-vm", "c-vm", "a-vm"]
    # Enums sort by number: Running=2, Off=3, Saved=6.
    assert names(cmd("Sort-Object", Property=["State", "Name"])) == ["b-vm", "a-vm", "c-vm"]


def test_measure_object() -> None:
    [count] = run(_host(), cmd("Get-VM"), cmd("Measure-Object")).output
    count = wire(count)
    assert count.types[0] == "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    assert count.adapted_properties["Count"] == 3 and count.adapted_properties["Sum"] is None
    [memory] = run(_host(), cmd("Get-VM"), cmd("Measure-Object", Property="MemoryStartup", Sum=True,
                                               Maximum=True, Average=True, Minimum=True)).output
    memory = wire(memory).adapted_properties
    assert memory["Sum"] == 7 * _GB and memory["Maximum"] == 4 * _GB and memory["Minimum"] == 1 * _GB
    assert memory["Property"] == "MemoryStartup"
    missing = run(_host(), cmd("Get-VM"), cmd("Measure-Object", Property="Nope"))
    assert missing.error_ids == ["GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"]
