"""Killed while saving: the saved servers are the old list or the new one, never broken,
and the temp files of killed writers do not pile up."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from server_store_writer import generation

from hvmanager.settings.server_store import ServerStore

WRITER = Path(__file__).with_name("server_store_writer.py")
REPO = Path(__file__).resolve().parents[3]
PARALLEL = 8
ROUNDS = 3


def _temp_files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.startswith(".servers.json.")]


def _start_writer(directory: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(WRITER.parent)])}
    return subprocess.Popen([sys.executable, str(WRITER), str(directory)], env=environment,
                            stdout=subprocess.PIPE, text=True)


def _kill_inside_a_write(writer: subprocess.Popen[str], directory: Path) -> None:
    # The moment this writer's own temp file shows up, its write is under way.
    mine = f".servers.json.{writer.pid}-"
    limit = time.monotonic() + 2.0
    while time.monotonic() < limit:
        if any(name.startswith(mine) for name in os.listdir(directory)):
            break
    writer.send_signal(signal.SIGKILL)


def test_sigkill_at_random_moments_leaves_old_or_new_list(tmp_path):
    lists = {generation(0), generation(1)}
    directories = [tmp_path / f"writer{n}" for n in range(PARALLEL)]
    for directory in directories:
        ServerStore(directory / "servers.json").save(generation(0))
    chance = random.Random()
    seen, mid_write_kills, kills = set(), 0, 0
    for _ in range(ROUNDS):
        writers = [_start_writer(directory) for directory in directories]
        try:
            for writer in writers:
                assert writer.stdout.readline().strip() == "ready"
            deadline = time.monotonic()
            for index, (writer, directory) in enumerate(zip(writers, directories)):
                # Each writer saves for a random while (several saves), then dies: half at
                # a random moment, half as soon as one of its writes is seen under way.
                deadline += chance.uniform(0.02, 0.12)
                time.sleep(max(0.0, deadline - time.monotonic()))
                if index % 2:
                    _kill_inside_a_write(writer, directory)
                else:
                    writer.send_signal(signal.SIGKILL)
        finally:
            for writer in writers:
                writer.kill()
                writer.wait(10)
                writer.stdout.close()
        for directory in directories:
            kills += 1
            leftovers = _temp_files(directory)
            # A killed writer's temp file is removed by the next writer's first save: at
            # most the last kill's one is ever there.
            assert len(leftovers) <= 1, leftovers
            mid_write_kills += bool(leftovers)
            result = ServerStore(directory / "servers.json").load()
            assert result.problem is None, result.problem
            assert result.servers in lists, f"{len(result.servers)} servers, a mix"
            seen.add(result.servers[0].address)
            assert sorted(p.name for p in directory.iterdir() if not p.name.startswith(".")) \
                == ["servers.json"]
    # The kills did land inside writes, and the writers got to both lists.
    print(f"{kills} kills, {mid_write_kills} inside a write")
    assert mid_write_kills > 0, f"no kill of {kills} hit a write"
    assert len(seen) == 2
    for directory in directories:
        store = ServerStore(directory / "servers.json")
        store.save(store.load().servers)
        assert _temp_files(directory) == []
