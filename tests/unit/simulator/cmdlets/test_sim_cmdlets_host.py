"""Services (vmms stop/start really stops Hyper-V) and host readiness commands."""

from __future__ import annotations

import pytest

from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, run, wire

_SERVICES = "Microsoft.PowerShell.Commands."


@pytest.fixture
def host() -> SimHost:
    return SimHost("HV01", time_scale=0.01)


def test_get_service_by_name_positional_pipeline_and_wildcard(host: SimHost) -> None:
    [vmms] = run(host, cmd("Get-Service", "vmms")).output
    vmms = wire(vmms)
    assert vmms.types == ["System.ServiceProcess.ServiceController", "System.ComponentModel.Component",
                          "System.MarshalByRefObject", "System.Object"]
    assert vmms.adapted_properties["DisplayName"] == "Hyper-V Virtual Machine Management"
    assert vmms.adapted_properties["ServiceName"] == "vmms"
    assert vmms.adapted_properties["StartType"].to_string == "Automatic"
    assert len(run(host, cmd("Get-Service", Name=["vm*"])).output) == 3  # vmcompute, vmicheartbeat, vmms
    assert len(run(host, cmd("Get-Service"), inputs=["WinRM", "vmcompute"]).output) == 2
    assert len(run(host, cmd("Get-Service")).output) == 8


def test_get_service_not_found(host: SimHost) -> None:
    [error] = run(host, cmd("Get-Service", "nosuch")).errors
    assert error.fully_qualified_error_id == "NoServiceFoundForGivenName," + _SERVICES + "GetServiceCommand"
    assert error.message == "Cannot find any service with service name 'nosuch'."
    assert error.category == "ObjectNotFound" and error.target_object == "nosuch"


def test_stop_vmms_stops_hyperv_and_start_brings_it_back(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running")
    [stopped] = run(host, cmd("Stop-Service", "vmms", Force=True, PassThru=True)).output
    assert wire(stopped).adapted_properties["Status"].to_string == "Stopped"
    assert host.service_status("vmms") == "Stopped"
    assert run(host, cmd("Get-VM")).error_ids == ["ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.GetVM"]
    assert host.vm_state(vm).name == "Running"  # VMs keep running without vmms
    run(host, cmd("Get-Service", "vmms"), cmd("Start-Service"))
    assert host.service_status("vmms") == "Running"
    assert len(run(host, cmd("Get-VM")).output) == 1


def test_restart_service_and_german_display_names() -> None:
    host = SimHost("HV02", locale="de-DE", time_scale=0.01)
    [out] = run(host, cmd("Restart-Service", "vmcompute", PassThru=True)).output
    out = wire(out)
    assert out.adapted_properties["DisplayName"] == "Hyper-V-Hostcomputedienst"
    assert out.adapted_properties["Status"].to_string == "Running"
    [vmms] = run(host, cmd("Get-Service", DisplayName="Hyper-V-Verwaltung*")).output
    assert wire(vmms).extended_properties["Name"] == "vmms"


def test_set_service_running_from_a_test(host: SimHost) -> None:
    host.set_service_running("vmms", False)
    [out] = run(host, cmd("Get-Service", "vmms")).output
    assert wire(out).adapted_properties["Status"].to_string in ("StopPending", "Stopped")


def test_cim_instances_for_readiness(host: SimHost) -> None:
    def one(class_name: str):
        [out] = run(host, cmd("Get-CimInstance", ClassName=class_name)).output
        return wire(out)

    system = one("Win32_ComputerSystem")
    assert system.types[0] == "Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_ComputerSystem"
    assert system.adapted_properties["HypervisorPresent"] is True
    cpu = one("win32_processor")
    assert cpu.adapted_properties["VirtualizationFirmwareEnabled"] is False
    assert cpu.adapted_properties["SecondLevelAddressTranslationExtensions"] is False
    os_info = one("Win32_OperatingSystem")
    assert os_info.adapted_properties["Caption"] == "Microsoft Windows Server 2025 Datacenter"
    assert os_info.adapted_properties["OperatingSystemSKU"] == 8 and os_info.adapted_properties["Version"] == "10.0.26100"
    host.info.hypervisor_present = False
    assert one("Win32_ComputerSystem").adapted_properties["HypervisorPresent"] is False
    assert run(host, cmd("Get-CimInstance", "Win32_Nope")).errors[0].category == "MetadataError"


def test_optional_features_with_wildcards(host: SimHost) -> None:
    out = run(host, cmd("Get-WindowsOptionalFeature", Online=True, FeatureName="Microsoft-Hyper-V*")).output
    features = {wire(o).adapted_properties["FeatureName"]: wire(o) for o in out}
    assert len(features) == 7 and "Microsoft-Hyper-V-Management-PowerShell" in features
    state = features["Microsoft-Hyper-V-All"].adapted_properties["State"]
    assert state.types[0] == "Microsoft.Dism.Commands.FeatureState" and state.to_string == "Enabled"
    host.info.features["Microsoft-Hyper-V-All"] = False
    [one] = run(host, cmd("Get-WindowsOptionalFeature", Online=True, FeatureName="Microsoft-Hyper-V-All")).output
    assert wire(one).adapted_properties["State"].to_string == "Disabled"


def test_edition_from_the_registry_and_get_computer_info() -> None:
    host = SimHost.generate("HV03", 2, 1, profile="legacy")
    [reg] = run(host, cmd("Get-ItemProperty", "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                          Name="EditionID")).output
    reg = wire(reg)
    assert reg.types[0] == "System.Management.Automation.PSCustomObject"
    assert reg.extended_properties["EditionID"] == "Professional"
    assert reg.extended_properties["PSChildName"] == "CurrentVersion"
    [info] = run(host, cmd("Get-ComputerInfo", Property=["WindowsEditionId"])).output
    assert wire(info).extended_properties == {"WindowsEditionId": "Professional"}
    missing = run(host, cmd("Get-ItemProperty", "HKLM:\\SOFTWARE\\Nope"))
    assert missing.error_ids == ["PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand"]
