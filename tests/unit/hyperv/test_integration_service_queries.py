import uuid

import pytest

from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.hyperv.integration_service_queries import (integration_services_pipeline,
                                                          parse_integration_services,
                                                          set_integration_service_pipeline)
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.remoting.record import Record

VM = uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
COMPONENT = ("Microsoft.HyperV.PowerShell.VMIntegrationComponent",
             "Microsoft.HyperV.PowerShell.VirtualMachineObject", "System.Object")


def component(name, guid, enabled, primary="OK"):
    return Record(type_names=tuple("Deserialized." + t for t in COMPONENT), properties={
        "Name": name, "Id": f"Microsoft:{str(VM).upper()}\\{guid}", "Enabled": enabled,
        "VMId": VM, "VMName": "web-01", "PrimaryStatusDescription": primary,
        "SecondaryStatusDescription": None})


GERMAN = [component("Takt", "84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47", True),
          component("Gastdienstschnittstelle", "6C09BB55-D683-4DA0-8931-C9BF705F6480", False, None),
          component("Herunterfahren des Betriebssystems", "9F8233AC-BE49-4C79-8EE3-E7E1985B2077", True),
          Record(properties={"Name": "kaputt", "Id": "no guid here", "Enabled": True})]


def test_german_services_are_identified_by_guid():
    services = parse_integration_services(GERMAN)
    assert [s.known for s in services] == [KnownIntegrationService.HEARTBEAT,
                                           KnownIntegrationService.GUEST_SERVICES,
                                           KnownIntegrationService.SHUTDOWN]
    assert services[0].name == "Takt" and services[0].label == "Heartbeat"
    assert services[1].enabled is False and services[1].primary_status is None
    assert services[0].vm_id == VM


def test_vm_id_falls_back_to_the_first_guid_of_the_id():
    record = Record(properties={"Id": f"Microsoft:{VM}\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47",
                                "Name": "Heartbeat", "Enabled": "True"})
    (service,) = parse_integration_services([record])
    assert service.vm_id == VM and service.enabled is True


def test_list_pipeline():
    assert render_pipeline(integration_services_pipeline(VM)).startswith(
        f"Get-VM -Id {VM} | Get-VMIntegrationService | Select-Object -Property VMId, VMName, Name, Id")


def test_switching_filters_by_the_full_id_never_the_name():
    guest = KnownIntegrationService.GUEST_SERVICES.guid
    pipeline = set_integration_service_pipeline(VM, guest, True)
    names = [c.name for c in pipeline.commands]
    assert names == ["Get-VM", "Get-VMIntegrationService", "Where-Object",
                     "Enable-VMIntegrationService"]
    where = pipeline.commands[2]
    assert where.parameter("Property") == "Id" and where.parameter("EQ") is True
    assert where.parameter("Value") == f"Microsoft:{str(VM).upper()}\\{str(guest).upper()}"
    assert all("Name" not in dict(c.parameters) for c in pipeline.commands)
    assert set_integration_service_pipeline(VM, guest, False).commands[-1].name == \
        "Disable-VMIntegrationService"


def test_the_hosts_own_id_is_used_when_known_and_must_match_the_guid():
    (heartbeat, *_rest) = parse_integration_services(GERMAN)
    pipeline = set_integration_service_pipeline(VM, heartbeat.guid, False, heartbeat.full_id)
    assert pipeline.commands[2].parameter("Value") == heartbeat.full_id
    with pytest.raises(ValueError):
        set_integration_service_pipeline(VM, KnownIntegrationService.BACKUP.guid, True,
                                         heartbeat.full_id)
    with pytest.raises(TypeError):
        set_integration_service_pipeline(VM, "Heartbeat", True)
