"""The command line of the desktop app."""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class Arguments:
    """Parsed ``hvmanager`` arguments.

    ``servers`` are connected for this session only (never saved); ``password_env`` names
    the environment variable holding their password (never the password itself on the
    command line, where ``ps`` would show it).
    """

    demo: bool = False
    screenshot: str = ""
    self_test: bool = False
    servers: tuple[str, ...] = ()
    user: str = ""
    password_env: str = ""
    language: str = ""
    timeout_s: float = 60.0

    @classmethod
    def parse(cls, argv: list[str] | None = None) -> "Arguments":
        """Parse ``argv`` (default: ``sys.argv[1:]``); exits with usage on errors."""
        parser = argparse.ArgumentParser(
            prog="hvmanager", description="A Hyper-V Manager for many servers at once.")
        parser.add_argument("--demo", action="store_true",
                            help="start an embedded lab of simulated Hyper-V hosts and "
                                 "connect to it")
        parser.add_argument("--screenshot", metavar="FILE", default="",
                            help="with --demo or --server: save the window as PNG once every "
                                 "host was refreshed, then exit")
        parser.add_argument("--self-test", action="store_true",
                            help="build the window, run one event-loop tick, report and exit")
        parser.add_argument("--server", action="append", default=[], metavar="ADDRESS",
                            help="connect to this server for this session (repeatable)")
        parser.add_argument("--user", default="", help="user name for --server")
        parser.add_argument("--password-env", default="", metavar="VAR",
                            help="environment variable holding the password for --server")
        parser.add_argument("--lang", choices=("en", "nl"), default="",
                            help="user interface language (default: saved choice or system)")
        parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                            help="with --screenshot: give up after this many seconds")
        namespace = parser.parse_args(argv)
        if namespace.screenshot and not (namespace.demo or namespace.server):
            parser.error("--screenshot needs --demo or --server")
        if namespace.password_env and not namespace.server:
            parser.error("--password-env needs --server")
        return cls(demo=namespace.demo, screenshot=namespace.screenshot,
                   self_test=namespace.self_test, servers=tuple(namespace.server),
                   user=namespace.user, password_env=namespace.password_env,
                   language=namespace.lang, timeout_s=namespace.timeout)
