"""Our own WinRM transport: one kept-alive HTTP connection, pyspnego authentication and
message encryption, prepared WS-Management envelopes and psrpcore's PSRP client state
(used by ``remoting.winrm_session.WinRMSession``)."""
