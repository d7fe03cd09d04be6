"""Parse records the remoting layer builds from CLIXML as a host sends it.

Guards the seam between the two layers: if remoting's Record shapes drift, the
parsers' assumptions fail here rather than in a window.
"""

import uuid
from datetime import timedelta

from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.integration_service_queries import parse_integration_services
from hvmanager.hyperv.vm_parser import parse_vm
from hvmanager.hyperv.vm_property import selection
from hvmanager.remoting import psrpcore_conversion

VM_ID = "0a6c3f5e-2b1d-4c7e-9f80-1234567890ab"

SELECTED = f"""\
<Obj RefId="0"><TN RefId="0"><T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T>\
<T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>\
<ToString>@{{Id={VM_ID}; Name=it's "db"; State=Saved}}</ToString><MS>\
<G N="Id">{VM_ID}</G>\
<S N="Name">it's "db"</S>\
<Obj N="State" RefId="1"><TN RefId="1"><T>Microsoft.HyperV.PowerShell.VMState</T><T>System.Enum</T>\
<T>System.ValueType</T><T>System.Object</T></TN><ToString>Saved</ToString><I32>6</I32></Obj>\
<I32 N="Generation">1</I32>\
<S N="Version">5.0</S>\
<TS N="Uptime">PT0S</TS>\
<Nil N="Heartbeat" />\
<I64 N="MemoryStartup">1073741824</I64>\
<B N="DynamicMemoryEnabled">false</B>\
</MS></Obj>"""

COMPONENT = f"""\
<Obj RefId="0"><TN RefId="0"><T>Selected.Microsoft.HyperV.PowerShell.VMIntegrationComponent</T>\
<T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS>\
<G N="VMId">{VM_ID}</G><S N="VMName">db</S><S N="Name">Zeitsynchronisierung</S>\
<S N="Id">Microsoft:{VM_ID.upper()}\\2497F4DE-E9FA-4204-80E4-4B75C46419C0</S>\
<B N="Enabled">false</B><Nil N="PrimaryStatusDescription" /><Nil N="SecondaryStatusDescription" />\
</MS></Obj>"""


def record(xml):
    return psrpcore_conversion.to_record(psrpcore_conversion.decode_clixml_element(xml))


def test_a_selected_vm_from_clixml():
    vm = parse_vm(record(SELECTED), "hv03", selection(
        ["Generation", "Version", "Uptime", "Heartbeat", "MemoryStartup", "DynamicMemoryEnabled"]))
    assert vm.vm_id == uuid.UUID(VM_ID) and vm.name == "it's \"db\""
    assert vm.state is VMState.SAVED and vm.generation == 1 and vm.version == "5.0"
    assert vm.uptime == timedelta(0) and vm.memory_startup == 1024 ** 3
    assert vm.dynamic_memory_enabled is False
    assert vm.is_fetched("heartbeat") and vm.heartbeat is None


def test_a_german_integration_service_from_clixml():
    (service,) = parse_integration_services([record(COMPONENT)])
    assert service.known is KnownIntegrationService.TIME_SYNCHRONIZATION
    assert service.vm_id == uuid.UUID(VM_ID) and service.enabled is False
    assert service.primary_status is None
