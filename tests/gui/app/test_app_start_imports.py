"""What the app imports before its window is shown, and what it imports after."""

import json
import subprocess

from hvmanager.simulator.lab import Lab

TRANSPORTS = ("psrpcore", "spnego", "hvmanager.remoting.winrm_session",
              "hvmanager.remoting.outofproc_session")

# The app as ``python -m hvmanager`` builds it (with the ``Arguments`` the script names),
# watched by a ``watch`` function the script defines; prints what ``watch`` saw.
APP = """
import asyncio, json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hvmanager.app.app_runner import AppRunner
from hvmanager.app.arguments import Arguments
from hvmanager.app.batched_event_loop import BatchedEventLoop
app = QApplication(sys.argv[:1])
loop = BatchedEventLoop(app)
asyncio.set_event_loop(loop)
runner = AppRunner(app, loop, ARGUMENTS)
seen = {}
deadline = time.monotonic() + 20
WATCH
QTimer.singleShot(0, watch)
code = runner.run()
print(json.dumps(dict(seen, exit_code=code)))
"""


def _app_script(arguments: str, watch: str) -> str:
    return APP.replace("ARGUMENTS", arguments).replace("WATCH", watch)


# Without servers: which transport modules were imported when the window was shown, and
# after a while.
TRANSPORTS_LATER = _app_script("Arguments()", """
TRANSPORTS = %r
def imported():
    return [name for name in TRANSPORTS if name in sys.modules]
def watch():
    desktop = runner.desktop
    if desktop is None or desktop.window is None or not desktop.window.isVisible():
        QTimer.singleShot(1, watch)
        return
    seen.setdefault("at_window_shown", imported())
    if len(imported()) == len(TRANSPORTS) or time.monotonic() > deadline:
        seen["later"] = imported()
        runner.finish(0)
        return
    QTimer.singleShot(50, watch)
""" % (TRANSPORTS,))


def test_importing_the_app_imports_no_transport(python, app_env):
    code = ("import sys, json, hvmanager.app.app_runner; print(json.dumps(sorted("
            f"name for name in {TRANSPORTS!r} if name in sys.modules)))")
    done = subprocess.run([python, "-c", code], env=app_env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_without_servers_the_transports_are_imported_after_the_window_is_shown(python, app_env):
    done = subprocess.run([python, "-c", TRANSPORTS_LATER], env=app_env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exit_code"] == 0
    assert result["at_window_shown"] == []
    assert result["later"] == list(TRANSPORTS)


# ``hvmanager --server A --server B ... --user U --password-env HV_TEST_PASSWORD``: the
# transports imported when the window was shown, the window once every good server refreshed.
SERVERS = _app_script(
    'Arguments(servers=tuple(sys.argv[2:]), user=sys.argv[1], password_env="HV_TEST_PASSWORD")', """
TRANSPORTS = %r
def watch():
    desktop = runner.desktop
    window = desktop.window if desktop is not None else None
    if window is not None and window.isVisible():
        seen.setdefault("at_window_shown", [name for name in TRANSPORTS if name in sys.modules])
    done = window is not None and window.isVisible() and desktop.inventory.sessions and all(
        s.status.last_refresh is not None for s in desktop.inventory.sessions) \\
        and desktop.models.table.rowCount() == 6 and "2 of 2" in window.status.work_label.text()
    if done or time.monotonic() > deadline:
        seen["rows"] = desktop.models.table.rowCount()
        seen["problem"] = window.status.problem_label.text()
        seen["work"] = window.status.work_label.text()
        runner.finish(0)
        return
    QTimer.singleShot(50, watch)
""" % (TRANSPORTS,))


def test_command_line_servers_have_their_transports_before_the_window_shows_and_connect(python, app_env):
    with Lab(hosts=2, vms_per_host=3, time_scale=0.01) as lab:
        env = dict(app_env, HV_TEST_PASSWORD=lab.hosts[0].password)
        addresses = [f"{host.address}:{host.port}" for host in lab.hosts]
        done = subprocess.run([python, "-c", SERVERS, lab.hosts[0].user, addresses[0],
                               "bad host:x", addresses[1]],
                              env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exit_code"] == 0
    # The window shows both good servers' rows, knows both, and says which address was refused.
    assert result["rows"] == 6
    assert "2 of 2" in result["work"]
    assert "bad host:x" in result["problem"]
    # Imported before the window was shown, not in its first loop turn.
    assert result["at_window_shown"] == list(TRANSPORTS)
