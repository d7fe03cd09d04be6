import uuid
from datetime import datetime

from hvmanager.domain.checkpoint import Checkpoint
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.domain.network_adapter import NetworkAdapter
from hvmanager.domain.service_state import ServiceState


def test_known_integration_services_by_guid():
    assert len(KnownIntegrationService) == 6
    guid = uuid.UUID("84eaae65-2f2e-45f5-9bb5-0e857dc8eb47")
    assert KnownIntegrationService.from_guid(guid) is KnownIntegrationService.HEARTBEAT
    service = IntegrationService(guid, None, "Takt", True)
    assert service.label == "Heartbeat"
    assert IntegrationService(uuid.uuid4(), None, "Custom", False).label == "Custom"
    assert not KnownIntegrationService.GUEST_SERVICES.default_enabled


def test_enum_fallbacks():
    assert HeartbeatStatus.parse(None, 6) is HeartbeatStatus.OK_APPLICATIONS_HEALTHY
    assert HeartbeatStatus.parse("nocontact") is HeartbeatStatus.NO_CONTACT
    assert HeartbeatStatus.parse("x", 42) is HeartbeatStatus.UNKNOWN
    assert ServiceState.parse(None, 4) is ServiceState.RUNNING
    assert ServiceState.parse("StopPending").is_pending


def test_checkpoint_tree_orders_children_and_survives_orphans_and_cycles():
    a, b, c, d = (uuid.UUID(int=i) for i in range(1, 5))
    vm = uuid.UUID(int=99)
    items = [
        Checkpoint(c, vm, "v", "child2", parent_id=a, creation_time=datetime(2026, 1, 3)),
        Checkpoint(b, vm, "v", "child1", parent_id=a, creation_time=datetime(2026, 1, 2)),
        Checkpoint(a, vm, "v", "root", creation_time=datetime(2026, 1, 1)),
        Checkpoint(d, vm, "v", "orphan", parent_id=uuid.UUID(int=77)),
    ]
    tree = CheckpointTree.build(items)
    assert [c.name for c in tree.roots()] == ["root", "orphan"]
    assert [(depth, c.name) for depth, c in tree.walk()] == [
        (0, "root"), (1, "child1"), (1, "child2"), (0, "orphan")]
    loop = CheckpointTree.build([Checkpoint(a, vm, "v", "x", parent_id=b),
                                 Checkpoint(b, vm, "v", "y", parent_id=a)])
    assert list(loop.walk()) == []


def test_mac_display():
    adapter = NetworkAdapter(None, "v", "Network Adapter", mac_address="00155D012345")
    assert adapter.mac_address_display == "00-15-5D-01-23-45"
