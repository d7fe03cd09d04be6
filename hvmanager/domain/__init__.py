"""Frozen dataclasses and enums for Hyper-V objects; stdlib only, no I/O.

Import from the modules (``from hvmanager.domain.virtual_machine import VirtualMachine``)
or from this package, which re-exports every public name.
"""

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.checkpoint import Checkpoint
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.controller_type import ControllerType
from hvmanager.domain.feature_state import FeatureState
from hvmanager.domain.hard_disk_drive import HardDiskDrive
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.host_info import HostInfo
from hvmanager.domain.host_readiness import HostReadiness, edition_supports_hyper_v
from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.domain.network_adapter import NetworkAdapter
from hvmanager.domain.optional_feature import OptionalFeature
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.service_start_type import ServiceStartType
from hvmanager.domain.service_state import ServiceState
from hvmanager.domain.service_status import ServiceStatus
from hvmanager.domain.transport import Transport
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmChange, VmDiff, diff, index_by_id
from hvmanager.domain.vm_state import VMState

__all__ = [
    "AuthMethod", "CertificateValidation", "Checkpoint", "CheckpointTree", "CheckpointType",
    "ControllerType", "FeatureState", "HardDiskDrive", "HeartbeatStatus", "HostInfo",
    "HostReadiness", "IntegrationService", "InvalidServerConfig", "KnownIntegrationService",
    "NetworkAdapter", "OptionalFeature", "ServerConfig", "ServiceStartType", "ServiceState",
    "ServiceStatus", "Transport", "VMState", "VirtualMachine", "VmChange", "VmDiff", "diff",
    "edition_supports_hyper_v", "index_by_id",
]
