"""PowerShell over WinRM (WS-Management over HTTP or HTTPS) with pypsrp, on one worker thread."""

from __future__ import annotations

import importlib.util
import logging

from pypsrp.complex_objects import PSInvocationState, RunspacePoolState
from pypsrp.exceptions import AuthenticationError, WinRMTransportError, WSManFaultError
from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

from hvmanager.remoting import pypsrp_conversion, wire_values
from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.guarded_transport import GuardedTransport
from hvmanager.remoting.errors import FAILED_ON_HOST_TEXT, STOPPED_ON_HOST_TEXT, PowerShellError
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.result import Result
from hvmanager.remoting.stale_pool import StalePool
from hvmanager.remoting.call import Call, CallCancelled
from hvmanager.remoting.pypsrp_errors import classify
from hvmanager.remoting.threaded_session import ThreadedSession
from hvmanager.remoting.transport_errors import (
    ca_file_unreadable,
    credssp_unavailable,
    refuse_unsafe_winrm,
    runspace_not_opened,
)

log = logging.getLogger(__name__)
# pyspnego logs every NTLM/SPNEGO token at DEBUG, and an NTLM AUTHENTICATE token can be
# cracked offline for the password: whatever level the app logs at, those never get out.
logging.getLogger("spnego").setLevel(logging.INFO)

class WSManSession(ThreadedSession):
    """A runspace pool on one host over WinRM.

    HTTP always uses message encryption (Negotiate, NTLM, Kerberos or CredSSP); Basic is
    allowed only over HTTPS. All pypsrp calls run on this session's own worker thread. A
    broken pool (host restarted, connection dropped) is discarded and the next ``run`` opens
    a new one.
    """

    def __init__(self, info: ConnectionInfo, *, poll_interval_s: float = 1.0,
                 close_timeout_s: float = 3.0) -> None:
        _check_configuration(info)
        super().__init__(info.address, info.operation_timeout_s, close_timeout_s=close_timeout_s,
                         stop_grace_s=poll_interval_s + 2.0)
        self.info = info
        self._poll_interval_s = poll_interval_s
        self._wsman: WSMan | None = None
        self._pool: RunspacePool | None = None
        self._pool_used = False

    # --- worker thread -------------------------------------------------------------------

    def _open_blocking(self, call: Call) -> None:
        self._ensure_pool(call)

    def _run_blocking(self, pipeline: Pipeline, call: Call) -> Result:
        reused = self._pool is not None and self._pool_used
        return StalePool.run_reopening(lambda: self._run_once(pipeline, call), reused, self.host)

    def _run_once(self, pipeline: Pipeline, call: Call) -> Result:
        pool = self._ensure_pool(call)
        call.check()
        shell = PowerShell(pool)
        for command in pipeline.commands:
            shell.add_cmdlet(command.name)
            for name, value in command.parameters:
                shell.add_parameter(name, wire_values.to_pypsrp(value))
        self._limit_http(call)
        self._transport().begin()
        try:
            shell.begin_invoke()
        except Exception as error:
            self._discard_pool()
            if _host_never_ran_it(error):
                raise StalePool(classify(error, self.host)) from error
            raise classify(error, self.host) from error
        call.phase = "running"
        self._pool_used = True
        try:
            while shell.state == PSInvocationState.RUNNING:
                if call.cancel.is_set():
                    self._stop(shell)
                    raise CallCancelled()
                self._limit_http(call)
                shell.poll_invoke(timeout=self._poll_interval_s)
        except CallCancelled:
            raise
        except Exception as error:
            self._discard_pool()
            raise classify(error, self.host) from error
        return self._finish(shell)

    def _finish(self, shell: PowerShell) -> Result:
        errors = [pypsrp_conversion.error_info(record) for record in shell.streams.error]
        records = tuple(pypsrp_conversion.to_record(value) for value in shell.output)
        state = shell.state
        self._terminate(shell)
        if state == PSInvocationState.FAILED:
            # pypsrp appends the record that failed the pipeline last; it is the reason.
            reason = errors[-1:] or [ErrorInfo(FAILED_ON_HOST_TEXT)]
            raise PowerShellError(reason + errors[:-1], host=self.host)
        if state == PSInvocationState.STOPPED:
            raise PowerShellError([ErrorInfo(STOPPED_ON_HOST_TEXT)] + errors, host=self.host)
        return Result(records=records, errors=tuple(errors))

    def _ensure_pool(self, call: Call) -> RunspacePool:
        if self._pool is not None and self._pool.state == RunspacePoolState.OPENED:
            return self._pool
        self._discard_pool()
        call.phase = "connecting"
        wsman = self._build_wsman()
        self._wsman = wsman
        self._limit_http(call)
        self._transport().begin()
        pool = RunspacePool(wsman, min_runspaces=1, max_runspaces=1)
        try:
            pool.open()
        except Exception as error:
            self._discard_pool()
            raise classify(error, self.host, self.info.connect_timeout_s) from error
        if pool.state != RunspacePoolState.OPENED:
            self._discard_pool()
            raise runspace_not_opened(self.host)
        self._pool = pool
        self._pool_used = False
        return pool

    def _build_wsman(self) -> WSMan:
        info = self.info
        validation: bool | str = True
        if info.certificate_policy is CertificatePolicy.CA_FILE:
            validation = _readable_ca_file(str(info.ca_file), self.host)
        elif info.certificate_policy is CertificatePolicy.NO_VALIDATION:
            validation = False
        wsman = WSMan(
            info.address,
            port=info.effective_port,
            username=info.user,
            password=info.password,
            ssl=info.transport == "https",
            auth=info.auth,
            cert_validation=validation,
            # HTTP: pypsrp wraps every message (message encryption); HTTPS: TLS protects it.
            encryption="auto",
            connection_timeout=info.connect_timeout_s,
            read_timeout=info.operation_timeout_s,
            operation_timeout=20,
            # Like the Windows WinRM client (ProxyAccessType none): LAN hosts, no HTTP proxy.
            no_proxy=True,
        )
        wsman.transport = GuardedTransport(wsman.transport, self.host, info.max_response_bytes)
        return wsman

    def _transport(self) -> GuardedTransport:
        assert self._wsman is not None
        return self._wsman.transport

    def _limit_http(self, call: Call) -> None:
        """Keep each HTTP exchange within the call's deadline, so a dead host frees the worker soon."""
        if self._wsman is None:
            return
        transport = self._wsman.transport
        remaining = call.remaining(self.info.operation_timeout_s)
        transport.read_timeout = max(1.0, min(self.info.operation_timeout_s, remaining + 1.0))
        transport.connection_timeout = max(0.5, min(self.info.connect_timeout_s, remaining + 0.5))

    def _shorten_http(self, bound_s: float) -> None:
        """Cap each following HTTP exchange at ``bound_s`` (closing and stopping are best effort)."""
        if self._wsman is not None:
            transport = self._wsman.transport
            transport.read_timeout = min(transport.read_timeout, bound_s)
            transport.connection_timeout = min(transport.connection_timeout, bound_s)

    def _stop(self, shell: PowerShell) -> None:
        """Send ctrl_c for the pipeline on the host, then release it.

        Best effort within a short bound: the call is over for its caller, and a host that
        does not answer at once must not keep the worker (and a removed server's thread) busy.
        """
        self._shorten_http(1.0)
        try:
            shell.stop()
            self._terminate(shell)
        except Exception as error:  # the host is gone: the next run reopens
            log.info("stopping a pipeline on %s failed: %s", self.host, error)
            self._discard_pool()

    def _terminate(self, shell: PowerShell) -> None:
        try:
            shell.close()
        except Exception as error:
            log.info("releasing a pipeline on %s failed: %s", self.host, error)
            self._discard_pool()

    def _discard_pool(self) -> None:
        """Forget the pool without talking to the host (it may be the reason we are here)."""
        self._pool = None
        self._pool_used = False
        if self._wsman is not None:
            try:
                self._wsman.close()
            except Exception:
                pass
            self._wsman = None

    def _close_blocking(self) -> None:
        pool = self._pool
        if pool is not None and self._wsman is not None:
            self._shorten_http(2.0)
            try:
                pool.close()
            except Exception as error:
                log.info("closing the pool on %s failed: %s", self.host, error)
        self._discard_pool()



def _host_never_ran_it(error: BaseException) -> bool:
    """True for answers that prove the host did not create the pipeline.

    A fault (unknown shell), a 401, or a 400 to a message the host could not decrypt (its
    security context died with a restart) all reject the request before anything runs.
    """
    if isinstance(error, WinRMTransportError):
        return error.code in (400, 401)
    return isinstance(error, (WSManFaultError, AuthenticationError))


def _readable_ca_file(path: str, host: str) -> str:
    """The CA file, checked at every connection: requests would only say "invalid path"."""
    try:
        with open(path, "rb") as ca_file:
            ca_file.read(1)
    except OSError as error:
        raise ca_file_unreadable(host, path, str(error.strerror or error)) from None
    return path


def _check_configuration(info: ConnectionInfo) -> None:
    refuse_unsafe_winrm(info)
    if info.auth == "credssp" and importlib.util.find_spec("requests_credssp") is None:
        raise credssp_unavailable(info.address)

