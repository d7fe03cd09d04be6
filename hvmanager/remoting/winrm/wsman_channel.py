"""The WinRM shell operations of one session over one kept-alive HTTP connection.

Create, Command, Send, Receive, Signal and Delete go out as prepared envelopes, sealed
with the connection's NTLM/SPNEGO context over HTTP (TLS protects them over HTTPS), and
come back parsed. A new TCP connection authenticates on its first request: the blank
first leg, then the last leg carrying that request. Every answer of one command counts
against one byte budget (``begin_command``).
"""

from __future__ import annotations

import base64
import uuid

from hvmanager.remoting.winrm import message_sealer
from hvmanager.remoting.winrm.authenticator import Authenticator, AuthRejected
from hvmanager.remoting.winrm.envelopes import EnvelopeBuilder
from hvmanager.remoting.winrm.http_connection import HttpConnection, HttpResponse, ResponseTooLarge
from hvmanager.remoting.winrm.message_sealer import MessageSealer
from hvmanager.remoting.winrm.reply_parser import MalformedReply, Reply, ReplyParser
from hvmanager.remoting.winrm.wire_errors import FaultReceived, HttpStatusError

_SOAP = b"Content-Type: application/soap+xml;charset=UTF-8\r\n"
_SEALED = b"Content-Type: " + message_sealer.CONTENT_TYPE.encode("ascii") + b"\r\n"
# Time the host may take beyond a Receive's OperationTimeout before we call it dead.
_POLL_GRACE_S = 5.0


class WSManChannel:
    """Shell operations as coroutines, on the network loop (one exchange at a time)."""

    def __init__(self, connection: HttpConnection, authenticator: Authenticator, envelopes: EnvelopeBuilder,
                 *, seal: bool, max_bytes: int) -> None:
        self._connection = connection
        self._auth = authenticator
        self._envelopes = envelopes
        self._seal = seal and not authenticator.is_basic
        self._parser = ReplyParser()
        self._sealer: MessageSealer | None = None
        self._authenticated_generation = 0
        self.max_bytes = max_bytes
        self._used = 0
        #: Seconds one exchange may take (the session shortens it near a call's deadline).
        self.timeout_s = 60.0
        #: Exchanges made (the benchmark counts them).
        self.exchanges = 0

    # --- shell operations -----------------------------------------------------------------

    async def create(self, shell_id: uuid.UUID, creation: bytes) -> None:
        """Create the shell with the pool's first PSRP data."""
        await self._exchange(*self._envelopes.create(shell_id, base64.b64encode(creation)))

    async def command(self, shell_id: uuid.UUID, command_id: uuid.UUID, first: bytes) -> None:
        """Create a pipeline with its first PSRP data."""
        await self._exchange(*self._envelopes.command(shell_id, command_id, base64.b64encode(first)))

    async def send(self, shell_id: uuid.UUID, command_id: uuid.UUID | None, data: bytes) -> None:
        """More PSRP data for the pool or a pipeline."""
        await self._exchange(*self._envelopes.send(shell_id, command_id, base64.b64encode(data)))

    async def receive(self, shell_id: uuid.UUID, command_id: uuid.UUID | None, poll_s: float) -> Reply | None:
        """Output of the pool or a pipeline, waiting up to ``poll_s`` on the host; None when
        the long poll ended without any (``w:TimedOut``)."""
        # The host must end its long poll well before our read gives up on it: a short
        # exchange bound (near a call's deadline) shortens the poll too.
        poll_s = max(0.05, min(poll_s, self.timeout_s / 2))
        message_id, envelope = self._envelopes.receive(shell_id, command_id, poll_s)
        try:
            return await self._exchange(message_id, envelope, timeout_s=poll_s + _POLL_GRACE_S)
        except FaultReceived as fault:
            if fault.fault.timed_out:
                return None
            raise

    async def signal(self, shell_id: uuid.UUID, command_id: uuid.UUID, code: str) -> None:
        """Signal a pipeline (stop or terminate)."""
        await self._exchange(*self._envelopes.signal(shell_id, command_id, code))

    async def delete(self, shell_id: uuid.UUID) -> None:
        """Delete the shell."""
        await self._exchange(*self._envelopes.delete(shell_id))

    @property
    def seals_directly(self) -> bool:
        """True when this connection's messages are sealed by ``NtlmSeal`` (not pyspnego)."""
        return self._sealer is not None and self._sealer.direct

    @property
    def connect_timeout_s(self) -> float:
        """Seconds a new TCP (and TLS) connection may take."""
        return self._connection.connect_timeout_s

    @connect_timeout_s.setter
    def connect_timeout_s(self, value: float) -> None:
        self._connection.connect_timeout_s = value

    def begin_command(self) -> None:
        """A new command (or pool open) starts with the whole byte budget."""
        self._used = 0

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def shutdown(self) -> None:
        """End an exchange in flight now and connect no more (the session is closing)."""
        self._connection.shutdown()

    # --- one exchange ---------------------------------------------------------------------

    async def _exchange(self, message_id: str, envelope: bytes, timeout_s: float | None = None) -> Reply:
        connection = self._connection
        if await connection.ensure_connected():
            self._auth.reset()
            self._sealer = None
        timeout = self.timeout_s if timeout_s is None else min(self.timeout_s, timeout_s)
        if self._auth.is_basic:
            response = await self._post(self._auth.basic_header + _SOAP, envelope, timeout)
        elif self._authenticated_generation != connection.generation:
            response = await self._authenticate(envelope, timeout)
        else:
            response = await self._post_envelope(b"", envelope, timeout)
        return self._read(response, message_id)

    async def _authenticate(self, envelope: bytes, timeout: float) -> HttpResponse:
        first = self._auth.first_leg(self._connection.peer_certificate())
        challenge = await self._post(first + _SOAP, b"", timeout)
        if challenge.status != 401:
            raise HttpStatusError(challenge.status)
        last = self._auth.last_leg(challenge.header("www-authenticate"))
        if self._seal:
            self._sealer = MessageSealer(self._auth.context)
        response = await self._post_envelope(last, envelope, timeout)
        if response.status == 401:
            raise AuthRejected("the host refused the credentials")
        self._auth.confirm(response.header("www-authenticate"))
        self._authenticated_generation = self._connection.generation
        return response

    async def _post_envelope(self, headers: bytes, envelope: bytes, timeout: float) -> HttpResponse:
        if self._sealer is not None:
            return await self._post(headers + _SEALED, self._sealer.seal(envelope), timeout)
        return await self._post(headers + _SOAP, envelope, timeout)

    async def _post(self, headers: bytes, body: bytes, timeout: float) -> HttpResponse:
        self.exchanges += 1
        remaining = self.max_bytes - self._used
        if remaining <= 0:
            raise ResponseTooLarge()
        response = await self._connection.post(headers, body, timeout_s=timeout, max_bytes=remaining)
        self._used += len(response.body)
        return response

    def _read(self, response: HttpResponse, message_id: str) -> Reply:
        status = response.status
        if status == 401:
            raise AuthRejected("the host refused the request's authentication")
        body = response.body
        content_type = response.header("content-type").lower()
        if content_type.startswith(("multipart/encrypted", "multipart/x-multi-encrypted")):
            if self._sealer is None:
                raise MalformedReply("an encrypted answer on a connection without message encryption")
            body = self._sealer.open(body)
        if status not in (200, 500) or not body:
            raise HttpStatusError(status)
        try:
            reply = self._parser.parse(body)
        except MalformedReply:
            if status != 200:
                raise HttpStatusError(status) from None
            raise
        if reply.fault is not None:
            raise FaultReceived(reply.fault, status)
        if status != 200:
            raise HttpStatusError(status)
        if reply.relates_to != message_id:
            raise MalformedReply("the answer relates to another request")
        return reply
