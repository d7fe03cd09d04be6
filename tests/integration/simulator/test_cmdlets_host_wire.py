"""Services, vmms stop/start, the German host, readiness and text formats through pypsrp."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.hyperv.localisation import HEARTBEAT
from hvmanager.simulator.lab import Lab

from integration.simulator.cmdlet_wire_client import invoke, props
from integration.simulator.conftest import client_for

_CMD = "Microsoft.HyperV.PowerShell.Commands."


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    specs = [HostSpec("HV01", vm_count=4), HostSpec("HV02", vm_count=3, locale="de-DE", transport="https"),
             HostSpec("HV03", vm_count=3, profile="legacy")]
    with Lab(specs, seed=9, time_scale=0.02) as running:
        yield running


def _pool(lab: Lab, name: str) -> RunspacePool:
    return RunspacePool(client_for(lab.host(name)))


def test_vmms_stop_makes_every_hyperv_cmdlet_object_not_found_until_started(lab: Lab) -> None:
    model = lab.host("HV01").model
    with _pool(lab, "HV01") as pool:
        stopped = invoke(pool, ("Stop-Service", {"Name": "vmms", "PassThru": None}))
        assert props(stopped.output[0])["Status"].to_string == "Stopped"
        try:
            for command in (("Get-VM", {}), ("Get-VMHost", {}), ("Start-VM", {"Name": "*"})):
                result = invoke(pool, command)
                [error] = result.errors
                assert error.fq_error.startswith("ObjectNotFound," + _CMD)
                assert result.message() == (
                    "Hyper-V encountered an error trying to access an object on computer 'HV01' because "
                    "the object was not found. The object might have been deleted. Verify that the Virtual "
                    "Machine Management service on the computer is running.")
            [vmms] = invoke(pool, ("Get-Service", ["vmms"])).output
            assert props(vmms)["Status"].to_string == "Stopped" and props(vmms)["Status"].property_sets == [1]
        finally:
            invoke(pool, ("Start-Service", {"Name": "vmms"}))
        assert model.service_status("vmms") == "Running"
        assert len(invoke(pool, ("Get-VM", {})).output) == len(model.vms)


def test_service_not_found(lab: Lab) -> None:
    with _pool(lab, "HV01") as pool:
        result = invoke(pool, ("Get-Service", {"Name": "nosuch"}))
    assert result.error_ids == ["NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand"]


def test_german_host_over_https(lab: Lab) -> None:
    with _pool(lab, "HV02") as pool:
        services = invoke(pool, ("Get-VM", {}), ("Select-Object", {"First": 1}), ("Get-VMIntegrationService", {}))
        by_guid = {props(s)["Id"].rsplit("\\", 1)[1]: props(s)["Name"] for s in services.output}
        assert by_guid[HEARTBEAT] == "Takt"
        assert "Gastdienstschnittstelle" in by_guid.values()
        [vmms] = invoke(pool, ("Get-Service", {"Name": "vmms"})).output
        assert props(vmms)["DisplayName"] == "Hyper-V-Verwaltung für virtuelle Computer"
        [compute] = invoke(pool, ("Get-Service", {"Name": "vmcompute"})).output
        assert props(compute)["DisplayName"] == "Hyper-V-Hostcomputedienst"


def test_legacy_host_readiness_queries(lab: Lab) -> None:
    with _pool(lab, "HV03") as pool:
        [system] = invoke(pool, ("Get-CimInstance", {"ClassName": "Win32_ComputerSystem"}),
                          ("Select-Object", {"Property": ["HypervisorPresent"]})).output
        assert props(system)["HypervisorPresent"] is True
        [cpu] = invoke(pool, ("Get-CimInstance", {"ClassName": "Win32_Processor"})).output
        assert props(cpu)["VirtualizationFirmwareEnabled"] is False
        [os_info] = invoke(pool, ("Get-CimInstance", {"ClassName": "Win32_OperatingSystem"})).output
        assert props(os_info)["Caption"] == "Microsoft Windows 11 Pro" and props(os_info)["OperatingSystemSKU"] == 48
        [edition] = invoke(pool, ("Get-ComputerInfo", {"Property": ["WindowsEditionId"]})).output
        assert props(edition)["WindowsEditionId"] == "Professional"
        features = invoke(pool, ("Get-WindowsOptionalFeature", {"Online": True, "FeatureName": "Microsoft-Hyper-V*"}),
                          ("Select-Object", {"Property": ["FeatureName", "DisplayName", "State"]})).output
        assert len(features) == 7
        assert {props(f)["State"].to_string for f in features} == {"Enabled"}
        gen1 = invoke(pool, ("Get-VM", {}), ("Where-Object", {"Property": "Generation", "EQ": True, "Value": 1}))
        assert gen1.output


def test_json_and_csv_as_the_client_asks_for_them(lab: Lab) -> None:
    with _pool(lab, "HV01") as pool:
        [text] = invoke(pool, ("Get-VM", {}), ("Select-Object", {"Property": ["Name", "State"]}),
                        ("ConvertTo-Json", {"Compress": True, "Depth": 2})).output
        data = json.loads(text)
        assert isinstance(data, list) and isinstance(data[0]["State"], int)
        lines = invoke(pool, ("Get-VM", {}), ("Select-Object", {"Property": ["Name", "Generation"]}),
                       ("ConvertTo-Csv", {"NoTypeInformation": True})).output
        assert lines[0] == '"Name","Generation"' and len(lines) == 5
        [table] = invoke(pool, ("Get-Service", ["vmms"]), ("Out-String", {})).output
        assert "vmms" in table and "Hyper-V Virtual Machine Management" in table
        [count] = invoke(pool, ("Get-VM", {}), ("Measure-Object", {})).output
        assert props(count)["Count"] == 4


def test_unknown_command_and_scripts_fail_the_pipeline(lab: Lab) -> None:
    with _pool(lab, "HV01") as pool:
        unknown = invoke(pool, ("Get-Hypervisor", {}))
        assert unknown.had_errors and unknown.error_ids == ["CommandNotFoundException"]
        assert unknown.message().startswith("The term 'Get-Hypervisor' is not recognized")
        ps = PowerShell(pool)
        ps.add_script("Get-VM | Stop-VM -TurnOff")
        ps.invoke()
        assert ps.had_errors and ps.streams.error[0].fq_error == "ScriptsNotAllowed"


def test_error_action_stop_makes_the_pipeline_fail(lab: Lab) -> None:
    with _pool(lab, "HV01") as pool:
        result = invoke(pool, ("Get-VM", {"Name": "ghost", "ErrorAction": "Stop"}))
    assert result.had_errors and result.error_ids == ["InvalidParameter," + _CMD + "GetVM"]


def test_stop_a_long_running_start(lab: Lab) -> None:
    model = lab.host("HV01").model
    vm = model.add_vm("slow-start")
    old_scale = model.time_scale
    model.time_scale = 30.0  # Starting now lasts 30-90 s
    try:
        with _pool(lab, "HV01") as pool:
            ps = PowerShell(pool)
            ps.add_cmdlet("Start-VM").add_parameter("Name", "slow-start")
            ps.begin_invoke()
            deadline = time.monotonic() + 5
            while model.vm_state(vm).name != "Starting" and time.monotonic() < deadline:
                time.sleep(0.02)
            started = time.monotonic()
            ps.stop()
            assert time.monotonic() - started < 5
            assert model.vm_state(vm).name == "Starting"
    finally:
        model.time_scale = old_scale
        model.remove_vm(vm.vm_id)


def test_restart_host_turns_vms_per_their_actions(lab: Lab) -> None:
    model = lab.host("HV03").model
    vm = model.add_vm("reboot-me", state="Running", uptime_s=86400)
    lab.restart_host("HV03")
    with _pool(lab, "HV03") as pool:
        deadline = time.monotonic() + 5
        while model.vm_state(vm).name != "Running" and time.monotonic() < deadline:
            time.sleep(0.02)
        [out] = invoke(pool, ("Get-VM", {"Name": "reboot-me"})).output
    assert props(out)["State"].to_string == "Running"
    assert not props(out)["Uptime"].startswith("P1D")
