"""The .NET enums the simulated host sends, as psrpcore enum types.

Each enum serialises as PowerShell sends an enum: an ``<Obj>`` with the type-name chain
``<EnumType>``, ``System.Enum``, ``System.ValueType``, ``System.Object``, a ``ToString``
(the member name) and the ``I32`` value. ``rehydrate=False`` keeps psrpcore's global type
registry untouched, so a psrpcore client in the same process still sees plain objects.
"""

from __future__ import annotations

from psrpcore.types import PSEnumBase, PSType

_HV = "Microsoft.HyperV.PowerShell."


@PSType([_HV + "VMState"], rehydrate=False)
class VMState(PSEnumBase):
    """Module 2.0.0.0 numbers (hyperv-reference.md)."""

    Other = 1
    Running = 2
    Off = 3
    Stopping = 4
    Saved = 6
    Paused = 9
    Starting = 10
    Reset = 11
    Saving = 32773
    Pausing = 32776
    Resuming = 32777
    FastSaved = 32779
    FastSaving = 32780
    ForceShutdown = 32781
    ForceReboot = 32782
    Hibernated = 32783
    ComponentServicing = 32784
    RunningCritical = 32785
    OffCritical = 32786
    StoppingCritical = 32787
    SavedCritical = 32788
    PausedCritical = 32789
    StartingCritical = 32790
    ResetCritical = 32791
    SavingCritical = 32792
    PausingCritical = 32793
    ResumingCritical = 32794
    FastSavedCritical = 32795
    FastSavingCritical = 32796


@PSType([_HV + "VMHeartbeatStatus"], rehydrate=False)
class VMHeartbeatStatus(PSEnumBase):
    Unknown = 0
    Disabled = 1
    NoContact = 2
    Error = 3
    LostCommunication = 4
    OkApplicationsUnknown = 5
    OkApplicationsHealthy = 6
    OkApplicationsCritical = 7
    Paused = 8


@PSType([_HV + "CheckpointType"], rehydrate=False)
class CheckpointType(PSEnumBase):
    Disabled = 2
    Production = 3
    ProductionOnly = 4
    Standard = 5


@PSType([_HV + "VMReplicationState"], rehydrate=False)
class VMReplicationState(PSEnumBase):
    Disabled = 0
    ReadyForInitialReplication = 1
    InitialReplicationInProgress = 2
    WaitingForInitialReplication = 3
    Replicating = 4


@PSType([_HV + "VMReplicationHealthState"], rehydrate=False)
class VMReplicationHealthState(PSEnumBase):
    NotApplicable = 0
    Normal = 1
    Warning = 2
    Critical = 3


@PSType([_HV + "VMReplicationMode"], rehydrate=False)
class VMReplicationMode(PSEnumBase):
    none = 0  # psrpcore writes the member "none" as "None"
    Primary = 1
    Replica = 2
    TestReplica = 3
    ExtendedReplica = 4


@PSType([_HV + "ControllerType"], rehydrate=False)
class ControllerType(PSEnumBase):
    IDE = 0
    SCSI = 1
    PMEM = 2


@PSType([_HV + "SnapshotType"], rehydrate=False)
class SnapshotType(PSEnumBase):
    Standard = 0
    Recovery = 1
    Planned = 2
    Missing = 5
    Replica = 6
    AppConsistentReplica = 7
    SyncedReplica = 8


@PSType([_HV + "StartAction"], rehydrate=False)
class StartAction(PSEnumBase):
    Nothing = 2
    StartIfRunning = 3
    Start = 4


@PSType([_HV + "StopAction"], rehydrate=False)
class StopAction(PSEnumBase):
    TurnOff = 2
    Save = 3
    ShutDown = 4


@PSType([_HV + "VirtualMachineType"], rehydrate=False)
class VirtualMachineType(PSEnumBase):
    RealizedVirtualMachine = 3
    PlannedVirtualMachine = 4


@PSType([_HV + "VirtualMachineSubType"], rehydrate=False)
class VirtualMachineSubType(PSEnumBase):
    Unknown = 0
    Generation1 = 1
    Generation2 = 2


@PSType([_HV + "CriticalErrorAction"], rehydrate=False)
class CriticalErrorAction(PSEnumBase):
    none = 0
    Pause = 1


@PSType([_HV + "EnhancedSessionTransportType"], rehydrate=False)
class EnhancedSessionTransportType(PSEnumBase):
    VMBus = 0
    HvSocket = 1


@PSType([_HV + "VMOperationalStatus"], rehydrate=False)
class VMOperationalStatus(PSEnumBase):
    """The values a healthy VM shows [subset]."""

    Ok = 2
    Degraded = 3
    PredictiveFailure = 5
    InService = 11
    Stressed = 4
    Dormant = 15


@PSType([_HV + "VMIntegrationComponentOperationalStatus"], rehydrate=False)
class VMIntegrationComponentOperationalStatus(PSEnumBase):
    Ok = 2
    Degraded = 3
    Error = 6
    NonRecoverableError = 7
    NoContact = 12
    LostCommunication = 13
    ProtocolMismatch = 32775
    ApplicationCritical = 32782
    CommunicationTimedOut = 32783
    CommunicationFailed = 32784
    Disabled = 32896


@PSType(["System.ServiceProcess.ServiceControllerStatus"], rehydrate=False)
class ServiceControllerStatus(PSEnumBase):
    Stopped = 1
    StartPending = 2
    StopPending = 3
    Running = 4
    ContinuePending = 5
    PausePending = 6
    Paused = 7


@PSType(["System.ServiceProcess.ServiceStartMode"], rehydrate=False)
class ServiceStartMode(PSEnumBase):
    Boot = 0
    System = 1
    Automatic = 2
    Manual = 3
    Disabled = 4


@PSType(["System.ServiceProcess.ServiceType"], rehydrate=False)
class ServiceType(PSEnumBase):
    KernelDriver = 1
    FileSystemDriver = 2
    Adapter = 4
    RecognizerDriver = 8
    Win32OwnProcess = 16
    Win32ShareProcess = 32
    InteractiveProcess = 256


@PSType(["Microsoft.Dism.Commands.FeatureState"], rehydrate=False)
class FeatureState(PSEnumBase):
    """DISM's DismPackageFeatureState numbers [unverified names for 1, 3, 5-7]."""

    NotPresent = 0
    DisablePending = 1
    Disabled = 2
    DisabledWithPayloadRemoved = 3
    Enabled = 4
    EnablePending = 5
    Superseded = 6
    PartiallyInstalled = 7
