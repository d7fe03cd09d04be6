"""Out-of-process mode: PSRP over stdin/stdout with the OutOfProc packet framing of ``powershell.exe -s``."""
