"""The faults of the matrix: how each is caused, what the user must see, how it ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from integration.core.lab_helpers import config_for

from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.hyperv.vm_action import VmAction


@dataclass
class Ctx:
    """One test's lab, app and affected host."""

    lab: Any
    app: Any
    host: Any
    key: str
    notes: dict = field(default_factory=dict)

    @property
    def session(self) -> Any:
        return self.app.inventory.session(self.key)

    def status(self) -> HostStatus:
        return self.app.status(self.key) or HostStatus()


def _error(kind: str) -> Callable[[Ctx], bool]:
    return lambda ctx: ctx.status().state is HostState.ERROR and ctx.status().error_kind == kind


def _fault(kind: str, **options: Any) -> Callable[[Ctx], None]:
    return lambda ctx: ctx.host.set_fault(kind, **options)


def _clear(ctx: Ctx) -> None:
    ctx.host.clear_faults()


def _nothing(ctx: Ctx) -> None:
    pass


def _press_refresh(ctx: Ctx) -> None:
    ctx.session.refresh_soon()  # F5: errors only the user can fix wait for it


def _restarted_with(kind: str) -> Callable[[Ctx], None]:
    def inject(ctx: Ctx) -> None:
        ctx.host.set_fault(kind)
        ctx.lab.restart_host(ctx.host.name)  # connections drop; the next handshake meets it
    return inject


def _reconnect(password: str | None = None, **overrides: Any) -> Callable[[Ctx], None]:
    def reconnect(ctx: Ctx) -> None:
        ctx.app.reconnect(config_for(ctx.host, **overrides),
                          ctx.host.password if password is None else password)
    return reconnect


def _usable(ctx: Ctx) -> bool:
    return ctx.status().state.is_usable and not ctx.status().error_kind


def _delete_then_act(ctx: Ctx) -> None:
    vm = ctx.app.rows(ctx.key)[0]
    ctx.host.model.remove_vm(vm.vm_id)  # someone deleted it after our last refresh
    results = ctx.app.run(ctx.session.run_action(VmAction.START, [vm.vm_id]))
    ctx.notes.update(vm=vm, result=results[0])


def _deleted_shown(ctx: Ctx) -> bool:
    result, vm = ctx.notes["result"], ctx.notes["vm"]
    gone = all(row.vm_id != vm.vm_id for row in ctx.app.rows(ctx.key))
    return _usable(ctx) and not result.ok and result.error_kind == "ObjectNotFound" and gone


def _rename_behind(ctx: Ctx) -> None:
    vm = ctx.app.rows(ctx.key)[0]
    ctx.host.model.rename_vm(vm.vm_id, "renamed behind our back")
    ctx.notes.update(vm=vm, row=ctx.app.models.table.row_of(ctx.key, vm.vm_id))


def _renamed_shown(ctx: Ctx) -> bool:
    vm = ctx.notes["vm"]
    row = ctx.app.models.table.row_of(ctx.key, vm.vm_id)
    return row == ctx.notes["row"] and ctx.app.models.table.vm_at(row).name == "renamed behind our back"


def _stop_vmms(ctx: Ctx) -> None:
    ctx.host.model.set_service_running("vmms", False)


def _start_vmms(ctx: Ctx) -> None:
    ctx.host.model.set_service_running("vmms", True)


def _vmms_shown(ctx: Ctx) -> bool:
    return ctx.status().state is HostState.SERVICE_STOPPED and not ctx.app.rows(ctx.key)


def _restart(ctx: Ctx) -> None:
    ctx.lab.restart_host(ctx.host.name)


def _refreshed_after_restart(ctx: Ctx) -> bool:
    return _usable(ctx) and ctx.app.refreshed_since(ctx.key, ctx.notes["injected"])


def _slow_but_fine(ctx: Ctx) -> bool:
    status = ctx.status()
    return _usable(ctx) and ctx.app.refreshed_since(ctx.key, ctx.notes["injected"]) \
        and (status.refresh_duration_s or 0) >= 0.15


def _nothing_listed(ctx: Ctx) -> bool:
    # expat refuses the entity expansion; pypsrp keeps the text as a plain string, which is
    # no VM: the host is listed as having none, nothing was expanded.
    return _usable(ctx) and ctx.app.refreshed_since(ctx.key, ctx.notes["injected"]) \
        and not ctx.app.rows(ctx.key)


def _tolerated(ctx: Ctx) -> bool:
    names = sorted(str(vm.name) for vm in ctx.app.rows(ctx.key))
    # Four objects: one without a usable Id is dropped; the others show what parses.
    return _usable(ctx) and len(names) == 3 and "fine name" in names


@dataclass(frozen=True)
class FaultCase:
    """``inject`` causes the fault, ``shows`` says the host displays it (``words`` in its
    tooltip; ``|`` separates wordings that depend on when the fault struck), ``clear`` ends it, ``recover`` is what the user does then (nothing: the
    session recovers by itself)."""

    name: str
    inject: Callable[[Ctx], None]
    shows: Callable[[Ctx], bool]
    words: str
    clear: Callable[[Ctx], None] = _clear
    recover: Callable[[Ctx], None] = _nothing
    how: str = "by itself"
    transport: str = "http"


CASES = (
    FaultCase("blackhole", _fault("blackhole"), _error("timeout"), "did not answer|did not finish"),
    FaultCase("refused", _fault("refused"), _error("unreachable"), "refused the connection"),
    FaultCase("reset mid-Receive", _fault("reset"), _error("unreachable"), "dropped the connection"),
    FaultCase("HTTP 500 garbage", _fault("http500"), _error("protocol"), "HTTP 500"),
    FaultCase("malformed XML", _fault("malformed_xml"), _error("protocol"),
              "not valid PowerShell Remoting"),
    FaultCase("slow cmdlet (3 s)", _fault("slow_cmdlets", delay_s=3.0), _error("timeout"),
              "did not finish within"),
    FaultCase("latency 150 ms", _fault("latency", latency_ms=150), _slow_but_fine, "Connected"),
    FaultCase("auth failure", _reconnect("not the password"), _error("auth"),
              "rejected the credentials", clear=_nothing, recover=_reconnect(),
              how="connect again with the password"),
    FaultCase("certificate name mismatch", _restarted_with("wrong_name_cert"), _error("certificate"),
              "issued to another name", recover=_press_refresh, how="F5 after the fix",
              transport="https"),
    FaultCase("expired certificate", _restarted_with("expired_cert"), _error("certificate"),
              "has expired", recover=_press_refresh, how="F5 after the fix", transport="https"),
    FaultCase("self-signed, no opt-out",
              _reconnect(certificate_validation=CertificateValidation.SYSTEM_STORE, ca_file=""),
              _error("certificate"), "not trusted", clear=_nothing,
              recover=_reconnect(certificate_validation=CertificateValidation.SKIP, ca_file=""),
              how="connect again with the opt-out", transport="https"),
    FaultCase("vmms stopped", _stop_vmms, _vmms_shown, "(vmms) is not running", clear=_start_vmms),
    FaultCase("VM deleted before an action", _delete_then_act, _deleted_shown, "Connected",
              clear=_nothing),
    FaultCase("VM renamed", _rename_behind, _renamed_shown, "Connected", clear=_nothing),
    FaultCase("host restarted", _restart, _refreshed_after_restart, "Connected", clear=_nothing),
    FaultCase("huge response", _fault("huge_response"), _error("protocol"), "sent more than"),
    FaultCase("entity XML (DTD)", _fault("entity_xml"), _error("protocol"),
              "document type declaration"),
    FaultCase("entity XML inside CLIXML", _fault("entity_xml", where="clixml"), _nothing_listed,
              "Virtual machines: 0"),
    FaultCase("deeply nested XML", _fault("deep_xml"), _error("protocol"),
              "not valid PowerShell Remoting"),
    FaultCase("wrong property types", _fault("wrong_types"), _tolerated, "Connected"),
    FaultCase("endless Receive", _fault("endless_receive"), _error("protocol"), "sent more than"),
)
