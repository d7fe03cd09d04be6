"""hvmanager: a Hyper-V Manager for many servers at once."""

__version__ = "0.1.0"
