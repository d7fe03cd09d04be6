"""The dialogs of the desktop app: Connect to Server, Integration Services, Hyper-V Service,
Host Readiness, Columns, Rename, confirmations, action results and the error report.

Each dialog takes what it needs through its constructor (a ``HostSession``-like object,
a ``CredentialStore``...), runs host work as asyncio tasks it owns (never blocking the
Qt thread) and is opened with ``open()`` or ``show()``, never ``exec()`` inside a
coroutine. See the "dialogs API" section of ``docs/team-brief.md``.
"""
