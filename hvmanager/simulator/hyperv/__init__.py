"""The simulated Hyper-V host: VMs, devices, checkpoints, services and their .NET shapes.

Where the behaviour comes from (besides ../shared/hyperv-reference.md):

- Property names, order and .NET types: the public generated stubs of the Hyper-V module
  2.0.0.0; type-name chains (VirtualMachine : VirtualMachineBase : ComputeResource :
  VirtualizationObject) and ToString ("VirtualMachine (Name = 'x') [Id = '...']",
  "HardDiskDrive (Name = '...', VMName = 'x') [VMId = '...']") from the public decompiled
  module (VirtualizationObject.ToString with its identifier attributes).
- Which state change is allowed from which state: the module's transition map
  (``state_rules``). It differs from the reference's [unverified] table: Start also resumes a
  Paused VM; Turn Off is allowed from Saved but not from transitional states; Reset only from
  Running; an action whose target is the current state is a warning, not an error.
- Integration services: Shutdown, Key-Value Pair Exchange and Guest Service Interface are the
  subclasses ShutdownComponent, DataExchangeComponent, GuestServiceInterfaceComponent; German
  names from real ``Get-VMIntegrationService`` output ("Herunterfahren", "Austausch von
  Schlüsselwertepaaren", not the longer forms some documents give).
- Serialisation depth: objects travel at depth 1, so nested objects (HardDrives, NetworkAdapters,
  VMIntegrationService, ComPort1, ...) are their ToString, collections a list of those; enums are
  objects with type names, ToString and I32, as the reference requires. Select-Object writes note
  properties one level deeper, so selected nested properties come whole.

Time is lazy: a transition stores its end and is applied the first time anyone looks.
``time_scale`` multiplies every duration; uptime is real elapsed time.
"""
