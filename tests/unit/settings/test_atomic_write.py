import os
import subprocess
import sys
import time

from hvmanager.settings.atomic_write import STALE_AFTER_S, remove_stale_temp_files, write_atomically


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_temp_files_of_writers_that_are_gone_are_removed(tmp_path):
    path = tmp_path / "servers.json"
    dead = tmp_path / f".servers.json.{_dead_pid()}-abc.tmp"
    mine = tmp_path / f".servers.json.{os.getpid()}-abc.tmp"
    alive = tmp_path / f".servers.json.{os.getppid()}-abc.tmp"
    old_unnamed = tmp_path / ".servers.json.k2j4h5g3.tmp"   # an earlier release's name
    new_unnamed = tmp_path / ".servers.json.z9y8x7w6.tmp"
    other_file = tmp_path / ".window.ini.123-abc.tmp"
    for file in (dead, mine, alive, old_unnamed, new_unnamed, other_file):
        file.write_bytes(b"half a write")
    an_hour_ago = time.time() - STALE_AFTER_S - 60
    os.utime(old_unnamed, (an_hour_ago, an_hour_ago))
    # On Windows a pid cannot be asked about safely: there the dead writer's file goes by age.
    expected = [dead, old_unnamed] if os.name == "posix" else [old_unnamed]
    assert sorted(remove_stale_temp_files(path)) == sorted(expected)
    assert remove_stale_temp_files(path) == []
    assert not dead.exists() and not old_unnamed.exists()
    assert mine.exists() and alive.exists() and new_unnamed.exists() and other_file.exists()


def test_a_write_clears_what_a_killed_writer_left(tmp_path):
    path = tmp_path / "servers.json"
    leftover = tmp_path / f".servers.json.{_dead_pid()}-abc.tmp"
    leftover.write_bytes(b"{")
    write_atomically(path, b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["servers.json"]
