"""The simulated Hyper-V host: VMs, devices, checkpoints, services and their .NET shapes."""
