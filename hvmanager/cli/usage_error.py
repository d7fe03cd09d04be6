"""A command line the CLI cannot run (exit code 1)."""

from __future__ import annotations


class UsageError(Exception):
    """Wrong or contradicting arguments; the message says which, never echoing secrets."""
