"""The engine pool spreads calls over its instances and runs them at the same time."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from cases.config import Settings
from cases.hall import make_ocr_engine
from ocr import Engine, Line
from ocr.pool import EnginePool
from ocr.rapid import RapidOcrEngine


class _Gate(Engine):
    """An engine that waits until `n` calls are inside it at once (or times out)."""

    name = "gate"

    def __init__(self, barrier: threading.Barrier) -> None:
        self.barrier = barrier
        self.calls = 0

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.calls += 1
        self.barrier.wait(timeout=5)  # BrokenBarrierError unless both run concurrently
        return []


def test_pool_runs_instances_concurrently() -> None:
    barrier = threading.Barrier(2)
    engines: list[_Gate] = []

    def factory() -> _Gate:
        engines.append(_Gate(barrier))
        return engines[-1]

    pool = EnginePool(factory, 2)
    image = np.zeros((10, 10, 3), np.uint8)
    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(lambda _: pool.recognise(image), range(4)))
    assert results == [[]] * 4
    assert [e.calls for e in engines] == [2, 2]


def test_pool_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        EnginePool(lambda: _Gate(threading.Barrier(1)), 0)


def test_settings_build_one_single_threaded_engine_per_worker(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_ocr_engine(Settings(data_dir=tmp_path, ocr_workers=2))
    assert isinstance(engine, EnginePool) and engine.size == 2
    single = make_ocr_engine(Settings(data_dir=tmp_path, ocr_workers=1))
    assert isinstance(single, RapidOcrEngine)


class _Upright(Engine):
    name = "upright"

    def recognise(self, image: np.ndarray) -> list[Line]:
        raise AssertionError("the vote should have been used")

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float]:
        return [], 0.9


def test_pool_forwards_the_orientation_vote_or_falls_back() -> None:
    image = np.zeros((10, 10, 3), np.uint8)
    assert EnginePool(_Upright, 1).recognise_upright(image) == ([], 0.9)
    plain = EnginePool(lambda: _Gate(threading.Barrier(1)), 1)
    assert plain.recognise_upright(image) == ([], None)


def _threads(engine: RapidOcrEngine) -> int:
    return int(engine._params["EngineConfig.onnxruntime.intra_op_num_threads"])


def test_threads_follow_the_cpus_this_process_may_use(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A worker pinned to one core (taskset) reads with one thread, not the machine's
    count: two pinned workers must not spin two threads each on one core."""
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {1})
    pinned = make_ocr_engine(Settings(data_dir=tmp_path, ocr_workers=1))
    assert isinstance(pinned, RapidOcrEngine) and _threads(pinned) == 1
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2, 3})
    pool = make_ocr_engine(Settings(data_dir=tmp_path, ocr_workers=2))
    assert isinstance(pool, EnginePool)
    assert [_threads(e) for e in pool._engines if isinstance(e, RapidOcrEngine)] == [2, 2]
