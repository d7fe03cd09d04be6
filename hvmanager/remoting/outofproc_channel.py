"""The out-of-process PowerShell transport: packets over a child's stdin and stdout.

``powershell.exe -s`` (server mode) reads one XML element per line on stdin and writes one
per line on stdout: ``<Data Stream='Default' PSGuid='...'>base64 PSRP fragments</Data>``,
acknowledged by ``<DataAck PSGuid='...' />``; ``<Command>`` announces a pipeline
(``<CommandAck>``), ``<Signal>`` stops one (``<SignalAck>``), ``<Close>`` closes a pipeline or,
with the empty GUID, the whole session (``<CloseAck>``). The empty GUID addresses the pool.
The child is started with ``subprocess.Popen`` (asyncio subprocesses do not work under
qasync on Windows); a reader thread turns stdout lines into packets.
"""

from __future__ import annotations

import base64
import binascii
import os
import queue
import subprocess
import threading
import uuid
from xml.etree import ElementTree

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.remoting.errors import HostUnreachable, ProtocolError
from hvmanager.remoting.outofproc_packet import Packet

EMPTY_GUID = uuid.UUID(int=0)
_EOF = object()
_STDERR_TAIL = 4000
_HINT_START = QT_TRANSLATE_NOOP(
    "RemotingErrors",
    "On Windows, check that Windows PowerShell (powershell.exe) is installed; "
    "HVMANAGER_LOCAL_POWERSHELL can name another PowerShell command line.")
_LOCAL_COMPUTER = QT_TRANSLATE_NOOP("RemotingErrors", "the local computer")
_PACKET_TAGS = {"Data", "DataAck", "Command", "CommandAck", "Signal", "SignalAck", "Close", "CloseAck"}


class OutOfProcChannel:
    """A PowerShell child process in server mode and the packet framing on its pipes."""

    def __init__(self, argv: list[str], label: str = str(_LOCAL_COMPUTER)) -> None:
        self.argv = list(argv)
        self.label = label
        self._process: subprocess.Popen | None = None
        self._packets: queue.SimpleQueue = queue.SimpleQueue()
        self._stderr = bytearray()
        self._stderr_reader: threading.Thread | None = None
        self._write_lock = threading.Lock()

    def start(self) -> None:
        """Start the child; raise ``HostUnreachable`` when it cannot be started."""
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
        try:
            self._process = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                bufsize=0, creationflags=flags)
        except OSError as error:
            text = QT_TRANSLATE_NOOP("RemotingErrors", "PowerShell could not be started ({program}: {why}).")
            raise HostUnreachable(text.format(program=self.argv[0], why=str(error.strerror or error)),
                                  _HINT_START, self.label) from error
        process = self._process
        threading.Thread(target=self._read_stdout, args=(process,), daemon=True,
                         name="hvmanager-outofproc-stdout").start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, args=(process,), daemon=True,
                                               name="hvmanager-outofproc-stderr")
        self._stderr_reader.start()

    @property
    def running(self) -> bool:
        """True while the child process lives."""
        return self._process is not None and self._process.poll() is None

    def send_data(self, data: bytes, stream: str, guid: uuid.UUID) -> None:
        """Send PSRP fragments for the pool (empty GUID) or a pipeline."""
        encoded = base64.b64encode(data).decode("ascii")
        self._write(f"<Data Stream='{stream}' PSGuid='{guid}'>{encoded}</Data>")

    def send_control(self, kind: str, guid: uuid.UUID) -> None:
        """Send ``Command``, ``Signal`` or ``Close`` for a pipeline or the pool."""
        self._write(f"<{kind} PSGuid='{guid}' />")

    def receive(self, timeout: float) -> Packet | None:
        """The next packet, or None when none came within ``timeout`` seconds."""
        try:
            item = self._packets.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        if item is _EOF:
            self._packets.put(_EOF)  # every later receive sees the end too
            raise self._ended_error()
        if isinstance(item, Exception):
            raise item
        return item

    def terminate(self, timeout: float) -> None:
        """End the child: close its stdin, then terminate, then kill, each bounded."""
        process = self._process
        if process is None:
            return
        for stream in (process.stdin,):
            try:
                stream.close()
            except OSError:
                pass
        for action in (None, process.terminate, process.kill):
            if action is not None:
                try:
                    action()
                except OSError:
                    pass
            try:
                process.wait(timeout / 3)
                break
            except subprocess.TimeoutExpired:
                continue
        for stream in (process.stdout, process.stderr):
            try:
                stream.close()
            except OSError:
                pass

    def kill(self) -> None:
        """Kill the child without waiting (safe to call from any thread)."""
        if self._process is not None and self._process.poll() is None:
            try:
                self._process.kill()
            except OSError:
                pass

    def stderr_tail(self) -> str:
        """The last few lines the child wrote on stderr (for error messages)."""
        return bytes(self._stderr).decode("utf-8", "replace").strip()

    def _write(self, line: str) -> None:
        process = self._process
        if process is None or process.stdin is None:
            raise self._ended_error()
        try:
            with self._write_lock:
                process.stdin.write(line.encode("ascii") + b"\n")
                process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as error:
            raise self._ended_error() from error

    def _ended_error(self) -> HostUnreachable:
        code = self._process.poll() if self._process is not None else None
        if code is None and self._process is not None:
            try:
                code = self._process.wait(0.5)
            except subprocess.TimeoutExpired:
                code = None
        if code is not None and self._stderr_reader is not None:
            # The child has ended: its stderr reaches end-of-file soon; let the reader
            # collect the last words (a loaded machine may not have scheduled it yet).
            self._stderr_reader.join(1.0)
        tail = self.stderr_tail()
        who = self.who()
        if code is not None and tail:
            text = QT_TRANSLATE_NOOP("RemotingErrors",
                                     "The PowerShell process for {host} ended (exit code {code}): {output}")
        elif code is not None:
            text = QT_TRANSLATE_NOOP("RemotingErrors", "The PowerShell process for {host} ended (exit code {code}).")
        elif tail:
            text = QT_TRANSLATE_NOOP("RemotingErrors", "The PowerShell process for {host} ended: {output}")
        else:
            text = QT_TRANSLATE_NOOP("RemotingErrors", "The PowerShell process for {host} ended.")
        return HostUnreachable(text.format(host=who, code=code, output=tail[-500:]), _HINT_START, self.label)

    def who(self) -> str | Message:
        """The label as a message parameter: "the local computer" is translated."""
        return _LOCAL_COMPUTER if self.label == str(_LOCAL_COMPUTER) else self.label

    def _read_stdout(self, process: subprocess.Popen) -> None:
        try:
            for raw in process.stdout:
                line = raw.strip().removeprefix(b"\xef\xbb\xbf")  # a UTF-8 BOM may open the stream
                if line:
                    self._packets.put(_parse(line, self.who(), self.label))
        except (OSError, ValueError):
            pass
        self._packets.put(_EOF)

    def _read_stderr(self, process: subprocess.Popen) -> None:
        try:
            while chunk := process.stderr.read(1024):
                self._stderr += chunk
                del self._stderr[:-_STDERR_TAIL]
        except (OSError, ValueError):
            pass


def _parse(line: bytes, who: str | Message, label: str) -> Packet | Exception:
    """Decode one line into a ``Packet`` (or the ``ProtocolError`` to raise for it)."""
    try:
        element = ElementTree.fromstring(line)
        if element.tag not in _PACKET_TAGS:
            raise ValueError(f"unknown packet <{element.tag}>")
        guid = uuid.UUID(element.attrib["PSGuid"])
        data = base64.b64decode(element.text or "", validate=True) if element.tag == "Data" else b""
        return Packet(element.tag, guid, element.attrib.get("Stream", "Default"), data)
    except (ElementTree.ParseError, KeyError, ValueError, binascii.Error) as error:
        shown = line[:200].decode("utf-8", "replace")
        text = QT_TRANSLATE_NOOP("RemotingErrors", "The PowerShell process for {host} wrote something that is "
                                 "not a PowerShell Remoting packet ({error}): {shown}")
        hint = QT_TRANSLATE_NOOP("RemotingErrors",
                                 "Check HVMANAGER_LOCAL_POWERSHELL: it must start PowerShell in server mode (-s).")
        return ProtocolError(text.format(host=who, error=str(error), shown=repr(shown)), hint, label)
