"""The Hyper-V vocabulary: pipelines to run, parsing records into domain objects, which
action is allowed in which state, error classification. Pure: no I/O, no threads.

Every builder returns a ``remoting.Pipeline`` of structured ``Command``s (never script
text); ``render_pipeline`` shows one as the PowerShell a user would type. The names
below are re-exported from their modules for convenience.
"""

from hvmanager.hyperv.action_pipelines import action_pipeline, bulk_action_pipeline, has_bulk_form
from hvmanager.hyperv.bulk_action_outcome import BulkActionOutcome
from hvmanager.hyperv.checkpoint_queries import (apply_checkpoint_pipeline, checkpoints_pipeline,
                                                 parse_checkpoints, remove_checkpoint_pipeline)
from hvmanager.hyperv.disk_queries import disks_pipeline, parse_disks
from hvmanager.hyperv.error_classifier import (classify_errors, error_for_result, raise_for_result,
                                               reclassify)
from hvmanager.hyperv.host_info_query import host_info_pipeline, parse_host_info
from hvmanager.hyperv.integration_service_queries import (integration_services_pipeline,
                                                          parse_integration_services,
                                                          set_integration_service_pipeline)
from hvmanager.hyperv.inventory_query import (inventory_csv_pipeline, inventory_json_pipeline,
                                              inventory_pipeline, parse_inventory_csv,
                                              parse_inventory_json, single_vm_pipeline)
from hvmanager.hyperv.network_adapter_queries import (network_adapters_pipeline,
                                                      parse_network_adapters)
from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.readiness_queries import (ReadinessPart, parse_host_readiness,
                                                readiness_pipelines)
from hvmanager.hyperv.service_queries import (ServiceControl, parse_service_statuses,
                                              service_control_pipeline, service_status_pipeline)
from hvmanager.hyperv.vm_action import VmAction, allowed, allowed_actions, allowed_for_all
from hvmanager.hyperv.vm_parser import parse_vm, parse_vms
from hvmanager.hyperv.vm_property import VmProperty, selection

__all__ = [
    "BulkActionOutcome", "PowerShellErrorKind", "ReadinessPart", "ServiceControl", "VmAction",
    "VmProperty", "action_pipeline", "allowed", "allowed_actions", "allowed_for_all",
    "apply_checkpoint_pipeline", "bulk_action_pipeline", "has_bulk_form",
    "checkpoints_pipeline", "classify_errors", "disks_pipeline", "error_for_result",
    "host_info_pipeline", "integration_services_pipeline", "inventory_csv_pipeline",
    "inventory_json_pipeline", "inventory_pipeline", "network_adapters_pipeline",
    "parse_checkpoints", "parse_disks", "parse_host_info", "parse_host_readiness",
    "parse_integration_services", "parse_inventory_csv", "parse_inventory_json",
    "parse_network_adapters", "parse_service_statuses", "parse_vm", "parse_vms",
    "raise_for_result", "readiness_pipelines", "reclassify", "remove_checkpoint_pipeline",
    "render_pipeline", "selection", "service_control_pipeline", "service_status_pipeline",
    "set_integration_service_pipeline", "single_vm_pipeline",
]
