from hvmanager.domain.feature_state import FeatureState
from hvmanager.domain.service_start_type import ServiceStartType
from hvmanager.domain.service_state import ServiceState
from hvmanager.hyperv.host_info_query import host_info_pipeline, parse_host_info
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.readiness_queries import (ReadinessPart, parse_host_readiness,
                                                readiness_pipelines)
from hvmanager.hyperv.service_queries import (ServiceControl, parse_service_statuses,
                                              service_control_pipeline, service_status_pipeline)
from hvmanager.remoting.record import Record

from hyperv_host_records import enum_record


def test_services_by_name_with_translated_display_names():
    records = [
        Record(properties={"Name": "vmms", "DisplayName": "Hyper-V-Verwaltung für virtuelle Computer",
                           "Status": enum_record("System.ServiceProcess.ServiceControllerStatus", "Stopped", 1),
                           "StartType": enum_record("System.ServiceProcess.ServiceStartMode", "Automatic", 2)}),
        Record(properties={"Name": "vmcompute", "DisplayName": "Hyper-V Host Compute Service",
                           "Status": 4, "StartType": "Manual"}),
    ]
    statuses = parse_service_statuses(records)
    assert statuses["vmms"].state is ServiceState.STOPPED and not statuses["vmms"].running
    assert statuses["vmms"].start_type is ServiceStartType.AUTOMATIC
    assert statuses["vmcompute"].running and statuses["vmcompute"].start_type is ServiceStartType.MANUAL
    assert render_pipeline(service_status_pipeline()) == \
        "Get-Service -Name vmms, vmcompute | Select-Object -Property Name, DisplayName, Status, StartType"
    assert render_pipeline(service_control_pipeline(ServiceControl.RESTART)) == \
        "Restart-Service -Name vmms"


def test_host_info():
    record = Record(properties={"Name": "HV01", "FullyQualifiedDomainName": "hv01.lab.local",
                                "LogicalProcessorCount": 16, "MemoryCapacity": 68719476736,
                                "SupportedVmVersions": ["9.0", "10.0"]})
    info = parse_host_info([record])
    assert info.name == "HV01" and info.logical_processor_count == 16
    assert info.supported_vm_versions == ("9.0", "10.0")
    assert parse_host_info([]) is None
    assert render_pipeline(host_info_pipeline()).startswith("Get-VMHost | Select-Object -Property Name")


def test_readiness_combines_parts_and_survives_a_failed_one():
    pipelines = readiness_pipelines()
    assert set(pipelines) == set(ReadinessPart)
    assert render_pipeline(pipelines[ReadinessPart.FEATURES]).startswith(
        "Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V*")
    assert render_pipeline(pipelines[ReadinessPart.COMPUTER_SYSTEM]) == \
        "Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object -Property HypervisorPresent"
    feature_state = "Microsoft.Dism.Commands.FeatureState"
    readiness = parse_host_readiness({
        ReadinessPart.COMPUTER_SYSTEM: [Record(properties={"HypervisorPresent": False})],
        ReadinessPart.PROCESSOR: [
            Record(properties={"VirtualizationFirmwareEnabled": True, "VMMonitorModeExtensions": True,
                               "SecondLevelAddressTranslationExtensions": True}),
            Record(properties={"VirtualizationFirmwareEnabled": False, "VMMonitorModeExtensions": True,
                               "SecondLevelAddressTranslationExtensions": True})],
        ReadinessPart.OPERATING_SYSTEM: [Record(properties={
            "Caption": "Microsoft Windows 11 Home", "Version": "10.0.22631", "OperatingSystemSKU": 101})],
        ReadinessPart.FEATURES: [Record(properties={
            "FeatureName": "Microsoft-Hyper-V-All",
            "State": enum_record(feature_state, "Disabled", 0)})],
    })
    assert readiness.edition_id == "Core" and readiness.edition_supported is False
    assert readiness.firmware_virtualization_enabled is False  # one socket without VT-x
    assert readiness.feature("microsoft-hyper-v-all").state is FeatureState.DISABLED
    assert readiness.ready is False
    nothing = parse_host_readiness({})
    assert nothing.hypervisor_present is None and nothing.ready is None
