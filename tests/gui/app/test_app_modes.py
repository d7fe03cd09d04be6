"""``python -m hvmanager`` modes as real processes: self-test, demo screenshot, --server."""

import json
import subprocess
import time
from pathlib import Path

from PySide6.QtGui import QImage

from hvmanager.simulator.lab import Lab


def test_self_test_builds_the_window_and_reports(python, app_env, tmp_path):
    started = time.monotonic()
    done = subprocess.run([python, "-m", "hvmanager", "--self-test"], env=app_env,
                          capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["self_test"] == "ok" and result["window"] == "mainWindow"
    assert result["visible"] is True and result["actions"] >= 16
    written = json.loads((tmp_path / "config" / "self-test.json").read_text())
    assert written == result
    assert elapsed < 30


def test_demo_screenshot_waits_for_every_host_and_saves_the_window(python, app_env, tmp_path):
    target = tmp_path / "shot.png"
    done = subprocess.run([python, "-m", "hvmanager", "--demo", "--screenshot", str(target)],
                          env=app_env, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    # Demo never saves servers: the user's list is untouched.
    assert not (tmp_path / "config" / "servers.json").exists()


def test_server_option_connects_for_this_session_only(python, app_env, tmp_path):
    target = tmp_path / "shot.png"
    with Lab(hosts=1, vms_per_host=2, time_scale=0.01) as lab:
        host = lab.hosts[0]
        env = dict(app_env, HV_TEST_PASSWORD=host.password)
        done = subprocess.run(
            [python, "-m", "hvmanager", "--server", f"{host.address}:{host.port}",
             "--user", host.user, "--password-env", "HV_TEST_PASSWORD",
             "--screenshot", str(target), "--timeout", "30"],
            env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not QImage(str(target)).isNull()
    assert not (tmp_path / "config" / "servers.json").exists()


def test_a_host_that_never_answers_makes_the_screenshot_time_out_with_a_reason(
        python, app_env, tmp_path):
    with Lab(hosts=1, vms_per_host=1, faults={"HV01": "blackhole"}) as lab:
        host = lab.hosts[0]
        done = subprocess.run(
            [python, "-m", "hvmanager", "--server", f"{host.address}:{host.port}",
             "--user", host.user, "--screenshot", str(tmp_path / "x.png"), "--timeout", "3"],
            env=app_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "timed out" in done.stderr and host.address in done.stderr
    assert not (tmp_path / "x.png").exists()


def app_env_log(env):
    """The app's log file under the child's config dir."""
    return Path(env["HVMANAGER_CONFIG_DIR"]) / "hvmanager.log"


def test_sigterm_closes_the_demo_and_shuts_down_within_its_bound(python, app_env):
    process = subprocess.Popen([python, "-m", "hvmanager", "--demo"], env=app_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = app_env_log(app_env)
    try:
        deadline = time.monotonic() + 30
        while "window shown" not in (log.read_text() if log.exists() else ""):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        started = time.monotonic()
        process.terminate()
        _out, err = process.communicate(timeout=20)
        elapsed = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert elapsed < 10


def test_the_log_file_is_written_in_the_config_dir(python, app_env, tmp_path):
    done = subprocess.run([python, "-m", "hvmanager", "--self-test", "--lang", "nl"],
                          env=app_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "config" / "hvmanager.log").exists()
