"""pypsrp's HTTP transport behind limits a hostile host cannot talk its way around.

pypsrp reads every HTTP answer whole into memory, keeps every output object of a pipeline,
and parses each envelope with a DTD-capable parser. A host that streams gigabytes, keeps
a pipeline's output coming forever or sends a document type declaration would exhaust
memory or make the parser expand entities. This wrapper stops reading an answer once it
passes ``max_bytes``, stops a pipeline whose answers together pass it too, and refuses
any envelope with a DTD (SOAP 1.2 forbids them) before it reaches the parser.
"""

from __future__ import annotations

from typing import Any

from hvmanager.remoting.errors import ProtocolError
from hvmanager.remoting.transport_errors import answer_too_large, document_type_refused

_READ_CHUNK = 64 * 1024


class GuardedTransport:
    """Wraps a ``pypsrp.wsman._TransportHTTP``: same ``send``/``close``/``endpoint`` and
    timeouts, plus a byte budget per answer and per command (``begin`` starts a command)."""

    def __init__(self, inner: Any, host: str, max_bytes: int) -> None:
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        self._inner = inner
        self._host = host
        self.max_bytes = max_bytes
        self._used = 0
        # pypsrp builds its requests session on the first send; build it now (a private
        # method of the pinned pypsrp 0.9) to read answers through the budget hook.
        inner.session = inner._build_session()
        inner.session.hooks["response"].append(self._read_within_budget)

    # --- what pypsrp's WSMan and our session use -------------------------------------

    @property
    def endpoint(self) -> str:
        """The WinRM URL."""
        return self._inner.endpoint

    @property
    def read_timeout(self) -> float:
        """Seconds to wait for an answer."""
        return self._inner.read_timeout

    @read_timeout.setter
    def read_timeout(self, value: float) -> None:
        self._inner.read_timeout = value

    @property
    def connection_timeout(self) -> float:
        """Seconds to wait for TCP and TLS set-up."""
        return self._inner.connection_timeout

    @connection_timeout.setter
    def connection_timeout(self, value: float) -> None:
        self._inner.connection_timeout = value

    def close(self) -> None:
        """Close the HTTP session."""
        self._inner.close()

    def begin(self) -> None:
        """A new command (or pool open) starts with the whole budget."""
        self._used = 0

    def send(self, message: bytes, **kwargs: Any) -> bytes:
        """Send one envelope; the answer (decrypted) if it is within the limits."""
        body = self._inner.send(message, **kwargs)
        if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
            raise document_type_refused(self._host)
        return body

    # --- the requests hook -------------------------------------------------------------

    def _read_within_budget(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        """Read the body here, in pieces, and stop at the budget (requests would read it all)."""
        remaining = self.max_bytes - self._used
        if response._content_consumed:  # an earlier hook read it already: count it only
            self._used += len(response.content or b"")
            if self._used > self.max_bytes:
                raise self._too_large()
            return response
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > remaining:
            response.close()
            raise self._too_large()
        pieces: list[bytes] = []
        size = 0
        for piece in response.raw.stream(_READ_CHUNK, decode_content=False):
            size += len(piece)
            if size > remaining:
                response.close()
                raise self._too_large()
            pieces.append(piece)
        self._used += size
        response._content = b"".join(pieces)  # what requests' ``content`` would have read
        response._content_consumed = True
        return response

    def _too_large(self) -> ProtocolError:
        return answer_too_large(self._host, self.max_bytes)
