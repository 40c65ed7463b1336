"""Readers during a build see complete batches (issue 16): the ontology first, each
batch's statements, positions and derived edges together, and counts that agree."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import api
from graph.pipeline.build import build
from graph.settings import Settings
from graph.store.embedded import open_store

pytestmark = pytest.mark.model

ARTICLES = [
    "Iran accused Israel of sabotage at the Natanz site, the foreign ministry said on Monday.",
    "Russia criticised Ukraine for the strike on Belgorod, the Kremlin spokesman said.",
    "China accused Japan of provocation in the East China Sea on Tuesday.",
    "Turkey condemned Sweden over the protest in Stockholm, the foreign ministry said.",
    "Egypt urged Ethiopia to stop filling the dam before a deal, the ministry said.",
    "Pakistan accused India of violating the ceasefire in Kashmir on Friday.",
]


def snapshot(store_path: Path) -> tuple[int, int, int, int] | None:
    """(articles, statements from stats, rows of `statements`, rows of `hostility`) from
    one snapshot (a pyoxigraph store opened read-only: every call reads the same state),
    or None while the store cannot be opened yet."""
    try:
        store = open_store(store_path, read_only=True).store
    except Exception:  # the build has not created it yet
        return None
    stats = api.stats(store)
    statements = len(api.run_query(store, name="statements").rows())
    hostility = len(api.run_query(store, name="hostility").rows())
    return stats["articles"], stats["statements"], statements, hostility


def test_a_reader_during_a_build_sees_whole_batches(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number, text in enumerate(ARTICLES):
        (folder / f"a{number}.txt").write_text(text + "\n", encoding="utf-8")
    states: set[tuple[int, int, int, int]] = set()
    for count in range(1, len(ARTICLES) + 1):  # the state after each one-article batch
        part = tmp_path / f"part-{count}"
        part.mkdir()
        for number in range(count):
            (part / f"a{number}.txt").write_text(ARTICLES[number] + "\n", encoding="utf-8")
        build([part], Settings(store=tmp_path / f"ref-{count}", write_batch=1))
        found = snapshot(tmp_path / f"ref-{count}")
        assert found is not None and found[1] == found[2]  # stats and `statements` agree
        states.add(found)
    config = tmp_path / "one.toml"
    config.write_text("write_batch = 1\n", encoding="utf-8")
    store = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(folder), "--store", str(store), "--config", str(config)],
        stderr=subprocess.DEVNULL,
    )
    seen = []
    while process.poll() is None:
        found = snapshot(store)
        if found is not None and found[0] > 0:
            seen.append(found)
        time.sleep(0.05)
    seen.append(snapshot(store))
    assert process.returncode == 0
    assert all(state in states for state in seen), (seen, states)
    assert seen[-1] == max(states)
