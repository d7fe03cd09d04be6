"""hvmanager-cli: headless inventory across servers (table, CSV or JSON).

Kept tiny: ``main`` imports the command line only when called, and the transports only
when a server is queried, so ``--help`` and ``--from-clixml`` start fast.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``hvmanager-cli``; returns the exit code (0 ok, 1 usage, 2 a host failed)."""
    from hvmanager.cli.command_line import run

    return run(argv)
