"""Facts about the simulated host machine itself: OS, edition, hardware, Hyper-V readiness."""

from __future__ import annotations

from dataclasses import dataclass, field

_GB = 1024 ** 3

#: Optional features of Get-WindowsOptionalFeature -FeatureName Microsoft-Hyper-V*:
#: (FeatureName, DisplayName, Description).
HYPERV_FEATURES: tuple[tuple[str, str, str], ...] = (
    ("Microsoft-Hyper-V-All", "Hyper-V",
     "Hyper-V services and management tools."),
    ("Microsoft-Hyper-V", "Hyper-V Platform",
     "Provides the services that you can use to create and manage virtual machines and their resources."),
    ("Microsoft-Hyper-V-Tools-All", "Hyper-V Management Tools",
     "Includes GUI and command-line tools for managing Hyper-V."),
    ("Microsoft-Hyper-V-Management-PowerShell", "Hyper-V Module for Windows PowerShell",
     "Includes Windows PowerShell cmdlets for managing Hyper-V."),
    ("Microsoft-Hyper-V-Hypervisor", "Hyper-V Hypervisor",
     "Hyper-V Hypervisor."),
    ("Microsoft-Hyper-V-Services", "Hyper-V Services",
     "Provides the services that you can use to create and manage virtual machines and their resources."),
    ("Microsoft-Hyper-V-Management-Clients", "Hyper-V GUI Management Tools",
     "Includes the Hyper-V Manager snap-in and Virtual Machine Connection tool."),
)


@dataclass
class HostInfo:
    """Mutable facts a test may change (e.g. ``hypervisor_present = False``)."""

    caption: str = "Microsoft Windows Server 2025 Datacenter"
    edition_id: str = "ServerDatacenter"
    product_name: str = "Windows Server 2025 Datacenter"
    installation_type: str = "Server"
    version: str = "10.0.26100"
    build: str = "26100"
    display_version: str = "24H2"
    operating_system_sku: int = 8
    logical_processors: int = 16
    memory_capacity: int = 64 * _GB
    processor_name: str = "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz"
    manufacturer: str = "Dell Inc."
    model: str = "PowerEdge R650"
    domain: str = "WORKGROUP"
    part_of_domain: bool = False
    hypervisor_present: bool = True
    #: As Win32_Processor reports them; they read False while a hypervisor runs.
    virtualization_firmware_enabled: bool = False
    vm_monitor_mode_extensions: bool = False
    second_level_address_translation: bool = False
    features: dict[str, bool] = field(default_factory=lambda: {f[0]: True for f in HYPERV_FEATURES})
    supported_vm_versions: tuple[str, ...] = (
        "5.0", "6.2", "7.0", "7.1", "8.0", "8.1", "8.2", "8.3", "9.0", "9.1", "9.2", "9.3",
        "10.0", "11.0", "12.0")
    virtual_hard_disk_path: str = "C:\\ProgramData\\Microsoft\\Windows\\Virtual Hard Disks"
    virtual_machine_path: str = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V"

    @classmethod
    def for_profile(cls, profile: str, seed_value: int) -> HostInfo:
        """A server for ``standard``; a student's Windows 11 Pro PC for ``legacy``."""
        if profile == "legacy":
            return cls(caption="Microsoft Windows 11 Pro", edition_id="Professional",
                       product_name="Windows 10 Pro",  # Windows 11 still says 10 here
                       installation_type="Client", operating_system_sku=48,
                       logical_processors=8, memory_capacity=32 * _GB,
                       processor_name="AMD Ryzen 7 5800U with Radeon Graphics",
                       manufacturer="LENOVO", model="20XF004WMH")
        return cls(logical_processors=(16, 24, 32, 48)[seed_value % 4],
                   memory_capacity=(64, 128, 192, 256)[seed_value % 4] * _GB)
