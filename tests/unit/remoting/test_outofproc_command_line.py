import os
import sys

from hvmanager.remoting.outofproc_session import ENVIRONMENT_VARIABLE, local_command_line


def test_default_command_line_starts_powershell_in_server_mode():
    argv = local_command_line({})
    assert argv[1:] == ["-NoLogo", "-NoProfile", "-NonInteractive", "-s"]
    assert argv[0] == ("powershell.exe" if os.name == "nt" else "pwsh")


def test_override_is_split_like_a_shell_would():
    argv = local_command_line({ENVIRONMENT_VARIABLE: f'"{sys.executable}" -m hvmanager.simulator --stdio '
                                                      f'--name "my host"'})
    assert argv == [sys.executable, "-m", "hvmanager.simulator", "--stdio", "--name", "my host"]
