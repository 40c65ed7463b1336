"""``build --dask local`` on a real local cluster of two worker processes gives exactly
the quads of a single-process build."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time

import pytest

from graph.paths import SAMPLES_DIR
from graph.pipeline.build import build
from graph.settings import Settings
from tests.conftest import SHARED
from tests.factories import quads

pytestmark = pytest.mark.model


def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SAMPLES_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    extra = SHARED / "corpus" / "bbc-2004-2005" / "politics"
    for path in sorted(extra.glob("*.txt"))[:20] if extra.is_dir() else []:
        shutil.copy(path, folder / path.name)
    for number in range(3):  # the repository alone is enough for the test
        (folder / f"hand-{number}.txt").write_text(
            f"Talks resume {number}\n\nEgypt urged Israel to allow aid convoys into Gaza, officials said on "
            f"day {number}. “We will not accept delays,” said Qatar's foreign minister.\n",
            encoding="utf-8",
        )
    return folder


def test_dask_build_gives_the_single_process_quads(tmp_path):
    folder = corpus(tmp_path)
    single = build([folder], Settings(store=tmp_path / "single"))
    spread = build([folder], Settings(store=tmp_path / "dask", dask="local", workers=2))
    assert spread.written == single.written >= 4 and spread.statements == single.statements
    assert quads(tmp_path / "dask") == quads(tmp_path / "single")


def kill_a_busy_worker(client, killed: list[int]) -> None:
    """SIGKILL the process of the first worker seen running a shard (its nanny restarts it)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        busy = [address for address, tasks in client.processing().items() if tasks]
        if busy:
            pids = client.run(os.getpid, workers=busy[:1])
            pid = pids[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.05)


def test_a_killed_dask_worker_loses_nothing(tmp_path):
    """A worker process killed in the middle of a shard: the scheduler runs its shards again
    elsewhere and the store holds exactly the quads of a single-process build."""
    from dask.distributed import Client, LocalCluster

    folder = corpus(tmp_path)
    single = build([folder], Settings(store=tmp_path / "single"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            killed: list[int] = []
            killer = threading.Thread(target=kill_a_busy_worker, args=(client, killed))
            killer.start()
            spread = build([folder], Settings(store=tmp_path / "dask", dask=cluster.scheduler_address, workers=2))
            killer.join()
    assert killed, "no worker was seen running a shard"
    assert spread.written == single.written and spread.statements == single.statements
    assert quads(tmp_path / "dask") == quads(tmp_path / "single")
