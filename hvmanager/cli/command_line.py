"""``hvmanager-cli vms``: the arguments, the run, the exit code.

Exit codes: 0 every host answered, 1 usage error, 2 at least one host (or file) failed —
the other hosts' rows are printed all the same, one stderr line per failure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence, TextIO

from hvmanager.cli.usage_error import UsageError
from hvmanager.cli.vms_request import FORMATS, VmsRequest

EXIT_OK, EXIT_USAGE, EXIT_HOST_FAILED = 0, 1, 2
_AUTHS = ("negotiate", "ntlm", "kerberos", "basic", "credssp")
#: Options that would put a secret on the command line (shown in process lists, shell history).
_SECRET_OPTIONS = ("--password", "-p", "--pass", "--pw")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, and never echoes unknown arguments' values."""

    def error(self, message: str) -> None:  # type: ignore[override]
        if message.startswith("unrecognized arguments:"):
            # A stray value could be a secret typed in the wrong place: name options only.
            words = message.split(":", 1)[1].split()
            options = [w.split("=", 1)[0] for w in words if w.startswith("-")]
            message = "unrecognized arguments" + (f": {' '.join(options)}" if options else "") \
                + (f" (and {len(words) - len(options)} other values)" if len(words) > len(options)
                   else "")
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The command line (documented in the README)."""
    parser = _Parser(prog="hvmanager-cli", allow_abbrev=False,
                     description="Headless Hyper-V inventory across servers.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    vms = commands.add_parser(
        "vms", allow_abbrev=False, help="list the VMs of one or more servers",
        description="List VMs of every --server (in parallel) or of Export-Clixml files.")
    vms.add_argument("--server", action="append", metavar="URL_OR_HOST",
                     help="http(s)://host:port/wsman, host, host:port, or 'local'; repeatable")
    vms.add_argument("--from-clixml", action="append", metavar="FILE",
                     help="read 'Get-VM | Export-Clixml FILE' output instead; repeatable")
    vms.add_argument("--user", help="user name (HOST\\user, .\\user, user@DOMAIN)")
    vms.add_argument("--password-env", metavar="VAR",
                     help="name of the environment variable holding the password")
    vms.add_argument("--auth", choices=_AUTHS, default="negotiate")
    vms.add_argument("--ca-file", metavar="FILE", help="CA bundle to validate HTTPS hosts with")
    vms.add_argument("--insecure", action="store_true",
                     help="do not validate HTTPS certificates (self-signed lab hosts only)")
    vms.add_argument("--columns", metavar="A,B,...",
                     help="PowerShell property names, e.g. Name,State,Generation (Host is added)")
    vms.add_argument("--format", choices=FORMATS, default="table")
    vms.add_argument("--timeout", type=float, default=30.0, metavar="S",
                     help="seconds per host, connecting included (default 30)")
    vms.add_argument("--max-parallel", type=int, default=32, metavar="N",
                     help="hosts queried at once (default 32)")
    return parser


def run(argv: Sequence[str] | None = None, out: TextIO | None = None,
        err: TextIO | None = None) -> int:
    """Parse, query, print; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or _utf8(sys.stdout)
    err = err or sys.stderr
    try:
        _refuse_secrets(argv)
        args = build_parser().parse_args(argv)
        request = VmsRequest.from_arguments(args)
    except UsageError as error:
        err.write(f"hvmanager-cli: error: {error}\n")
        return EXIT_USAGE
    from hvmanager.cli.vms_command import run_vms

    try:
        return run_vms(request, out, err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `| head`: the reader left, nothing more to say
        return EXIT_OK


def _refuse_secrets(argv: Sequence[str]) -> None:
    for item in argv:
        option = item.split("=", 1)[0]
        if option in _SECRET_OPTIONS:
            raise UsageError("passwords are never accepted on the command line; put it in an "
                             "environment variable and name it with --password-env VAR")


def _utf8(stream: TextIO) -> TextIO:
    """Pipes and files get UTF-8 (what scripts expect); consoles keep their encoding, with
    unencodable characters escaped instead of crashing the run."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return stream
    if stream.isatty():
        reconfigure(errors="backslashreplace")
    else:
        reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream
