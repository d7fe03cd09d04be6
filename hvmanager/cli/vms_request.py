"""What ``hvmanager-cli vms`` was asked to do, parsed and validated (no I/O yet)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field

from hvmanager.cli.usage_error import UsageError
from hvmanager.cli.vm_columns import DEFAULT_COLUMNS, resolve_columns
from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.transport import Transport

FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class HostTarget:
    """One server to query and the label its rows and errors carry (``Host`` column)."""

    config: ServerConfig
    label: str


@dataclass(frozen=True)
class VmsRequest:
    """Servers (or CLIXML files), columns and output; the password only in memory."""

    targets: tuple[HostTarget, ...] = ()
    clixml_files: tuple[str, ...] = ()
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    output_format: str = "table"
    timeout_s: float = 30.0
    max_parallel: int = 32
    password: str | None = field(default=None, repr=False)

    @classmethod
    def from_arguments(cls, args: argparse.Namespace) -> "VmsRequest":
        """Validate parsed arguments; raises ``UsageError`` with a message for the user."""
        if bool(args.server) == bool(args.from_clixml):
            raise UsageError("give --server (one or more) or --from-clixml, not both or neither")
        if args.timeout <= 0:
            raise UsageError("--timeout must be positive")
        if args.max_parallel < 1:
            raise UsageError("--max-parallel must be at least 1")
        password = None
        if args.password_env:
            password = os.environ.get(args.password_env)
            if password is None:
                raise UsageError(f"the environment variable {args.password_env} is not set")
        if args.insecure and args.ca_file:
            raise UsageError("--insecure and --ca-file contradict each other")
        try:
            columns = resolve_columns(args.columns) if args.columns else DEFAULT_COLUMNS
        except KeyError as unknown:
            raise UsageError(str(unknown.args[0])) from None
        targets: dict[str, HostTarget] = {}
        for text in args.server or ():
            target = _target(text, args)
            targets.setdefault(target.config.key, target)  # the same server twice: once
        return cls(targets=tuple(targets.values()), clixml_files=tuple(args.from_clixml or ()),
                   columns=columns, output_format=args.format, timeout_s=args.timeout,
                   max_parallel=args.max_parallel, password=password)


def _target(text: str, args: argparse.Namespace) -> HostTarget:
    fields: dict = {"auth": AuthMethod(args.auth), "user_name": args.user or ""}
    try:
        config = ServerConfig.from_address(text, **fields)
        if config.transport is Transport.HTTPS:
            if args.insecure:
                config = ServerConfig.from_address(
                    text, certificate_validation=CertificateValidation.SKIP, **fields)
            elif args.ca_file:
                config = ServerConfig.from_address(
                    text, certificate_validation=CertificateValidation.CA_FILE, ca_file=args.ca_file,
                    **fields)
    except InvalidServerConfig as error:
        raise UsageError(f"--server {text}: {error}") from None
    return HostTarget(config, _label(config))


def _label(config: ServerConfig) -> str:
    """``hv01``, ``hv01:15985`` (a non-default port) or ``localhost``; IPv6 in brackets."""
    if config.transport is Transport.LOCAL:
        return "localhost"
    address = config.address
    if config.port is None or config.port == config.transport.default_port:
        return address
    host = f"[{address}]" if ":" in address else address
    return f"{host}:{config.port}"
