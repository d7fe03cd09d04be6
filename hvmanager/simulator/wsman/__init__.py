"""The WinRM endpoint: HTTP(S), authentication, message encryption, WS-Man shell operations."""
