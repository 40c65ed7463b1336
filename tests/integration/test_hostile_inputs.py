"""Hostile files, full disks, interrupted builds and bad arguments (issue 17, items 4,
5, 8 and 9): only regular files are read, every skip is a problem, outputs are whole
or absent, and no traceback reaches the user."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.ingest.readers import read_articles
from graph.outputs import write_whole
from graph.pipeline.build import build
from graph.records import Article, Problem
from graph.settings import Settings
from graph.store.embedded import LOCK_NOTE
from tests.conftest import SAMPLE, sample_copies

pytestmark = pytest.mark.integration
GOOD = SAMPLE.read_text(encoding="utf-8")


def cli(*args: str | bytes, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, timeout=timeout)


def test_fifos_unreadable_folders_and_huge_html_are_problems_not_hangs(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden-article.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "x.txt")  # opening it for reading would block forever
    (folder / "huge.html").write_bytes(b"<html><body>" + b"<p>Egypt said so.</p>" * 300_000 + b"</body></html>")
    if os.geteuid() == 0:  # root reads any folder: make this one fail the way a permission error does
        real = os.scandir

        def scandir(path=".", *args):
            if Path(path) == folder / "locked":
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path, *args)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        (folder / "locked").chmod(0)
    try:
        started = time.monotonic()
        found = list(read_articles([folder], max_chars=1_000_000))
        assert time.monotonic() - started < 10
    finally:
        (folder / "locked").chmod(0o755)
    problems = {Path(p.where).name: p.message for p in found if isinstance(p, Problem)}
    assert "named pipe" in problems["x.txt"]
    assert "more than the limit" in problems["huge.html"]
    assert "cannot read the folder" in problems["locked"]
    assert [Path(a.path or "").name for a in found if isinstance(a, Article)] == ["good.txt"]


@pytest.mark.model
def test_strict_build_fails_on_a_skipped_fifo_and_writes_the_good_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "x.txt")
    proc = cli("build", str(folder), "--store", str(tmp_path / "store"), "--strict", timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert b"named pipe" in proc.stderr and b"wrote 1" in proc.stderr


FULL_DISK = """
import errno, os, sys
import graph.outputs
def no_space(fd):
    raise OSError(errno.ENOSPC, "No space left on device")
graph.outputs.os.fsync = no_space
from graph.cli import main
sys.argv = ["stancegraph", *sys.argv[1:]]
main()
"""


def test_a_full_disk_leaves_the_old_output_and_no_part_file(sample_store_dir, tmp_path):
    for command, name in (("export", "graph.trig"), ("view", "view.html")):
        target = tmp_path / name
        target.write_text("the previous good file", encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", FULL_DISK, command, "--store", str(sample_store_dir), "-o", str(target)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 2 and "no space left on the device" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
        assert target.read_text(encoding="utf-8") == "the previous good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "view.html"]


def test_write_whole_names_the_reason(tmp_path):
    with pytest.raises(OSError, match="no such folder"):
        write_whole(tmp_path / "missing" / "x.trig", b"data")
    with pytest.raises(OSError, match=r"it is a folder|permission denied"):
        write_whole(tmp_path, b"data")


@pytest.mark.model
def test_a_full_disk_during_a_build_says_what_was_kept(tmp_path, monkeypatch):
    import graph.pipeline.writer as writer_module
    from graph.errors import NoSpaceError

    folder = sample_copies(tmp_path / "in", 4)
    real, calls = writer_module.write_articles, []

    def fills_up(store, batch, minter, edges=None):
        calls.append(len(batch))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "IO error: No space left on device")
        real(store, batch, minter, edges)

    monkeypatch.setattr(writer_module, "write_articles", fills_up)
    store = tmp_path / "store"
    with pytest.raises(NoSpaceError, match=r"no space left .* 2 articles were written whole and kept"):
        build([folder], Settings(store=store, write_batch=2))
    assert not (store / LOCK_NOTE).exists()
    monkeypatch.setattr(writer_module, "write_articles", real)
    assert build([folder], Settings(store=store, write_batch=2)).written == 2  # the rerun completes it


@pytest.mark.model
def test_a_failure_in_the_last_write_ends_the_build_instead_of_hanging_it(tmp_path, monkeypatch):
    """The writer's final batch is written after the main thread has said it is done: an
    error there must reach the main thread, not leave the writer waiting for more."""
    import threading

    import graph.pipeline.writer as writer_module
    from graph.errors import NoSpaceError

    folder = sample_copies(tmp_path / "in", 3)
    real, calls = writer_module.write_articles, []

    def fills_up_last(store, batch, minter, edges=None):
        calls.append(len(batch))
        if len(calls) > 1:  # the second write of 2 + 1 articles is the final one
            raise OSError(errno.ENOSPC, "IO error: No space left on device")
        real(store, batch, minter, edges)

    monkeypatch.setattr(writer_module, "write_articles", fills_up_last)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            build([folder], Settings(store=tmp_path / "store", write_batch=2))
        except BaseException as exc:  # handed to the test thread
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "the build hung after its last write failed"
    assert len(failures) == 1 and isinstance(failures[0], NoSpaceError)
    assert "2 articles were written whole and kept" in str(failures[0])


@pytest.mark.model
def test_sigterm_ends_a_build_with_a_count_and_no_lock_note(tmp_path):
    folder = sample_copies(tmp_path / "in", 60)
    store = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(folder), "--store", str(store)], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not (store / LOCK_NOTE).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(4)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and "Traceback" not in stderr, stderr
    assert "articles were written whole and kept" in stderr and "run the same command again" in stderr
    assert not (store / LOCK_NOTE).exists()


def test_bad_arguments_get_a_message_and_exit_2(sample_store_dir, tmp_path):
    store = str(sample_store_dir)
    cases = [
        ("query", "--name", "statements-by-actor", "--param", b"actor=\xff\xfe", "--store", store),
        ("export", "--store", store, "-o", str(tmp_path / "no" / "such" / "x.trig")),
        ("view", "--store", store, "-o", str(tmp_path / "no" / "such" / "x.html")),
        ("query", "--file", str(tmp_path / "missing.rq"), "--store", store),
        ("query", "SELECT * WHERE { ?s ?p ?o }", "--store", "http://127.0.0.1:9/"),
    ]
    for args in cases:
        proc = cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert b"Traceback" not in proc.stderr and b"error" in proc.stderr, (args, proc.stderr)


@pytest.mark.model
def test_format_characters_stay_out_of_actor_names(tmp_path):
    text = (
        "Talks stall\n\n"
        "The \u202eForeign Ministry of Egypt\u202c said on Monday that talks would resume. "
        "Egyptian Foreign Minister Sameh \u2066Shoukry\u2069 said the plan was dead.\n\n"
        "Shoukry later told reporters that Is\u200brael had to withdraw.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    build([tmp_path / "a.txt"], Settings(store=store))
    proc = cli("actors", "--format", "json", "--store", str(store))
    names = (
        [row["label"] + " " + " ".join(row["aliases"]) for row in json.loads(proc.stdout)]
        if proc.returncode == 0
        else []
    )
    assert names, proc.stderr
    assert not [n for n in names if any(ord(c) in (0x202E, 0x202C, 0x2066, 0x2069, 0x200B) for c in n)]
    assert sum("Shoukry" in n for n in names) == 1
