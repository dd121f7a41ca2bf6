from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scanning.escl_sim import EsclSimulator
from tests.scanning.sane_env import (
    Saned,
    debian_test_config,
    net_backend_config,
    test_backend_config,
)


@pytest.fixture(scope="session")
def sane_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return test_backend_config(tmp_path_factory.mktemp("sane-test"))


@pytest.fixture(scope="session")
def debian_sane_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Debian's stock test.conf: the device's scan area is 200 × 200 mm, smaller than A4."""
    return debian_test_config(tmp_path_factory.mktemp("sane-debian"))


@pytest.fixture(scope="session")
def debian_sane_config_a4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Debian's stock test.conf with only geometry_max raised (300 mm), so A4 fits."""
    return debian_test_config(tmp_path_factory.mktemp("sane-debian-a4"), geometry_max=300)


@pytest.fixture(scope="session")
def saned(tmp_path_factory: pytest.TempPathFactory, sane_config: Path) -> Iterator[Path]:
    """saned serving the test backend on loopback; yields the client's config dir."""
    server = Saned(sane_config, tmp_path_factory.mktemp("saned") / "saned.log")
    try:
        yield net_backend_config(tmp_path_factory.mktemp("sane-net"))
    finally:
        server.stop()


@pytest.fixture
def escl() -> Iterator[EsclSimulator]:
    sim = EsclSimulator().start()
    try:
        yield sim
    finally:
        sim.stop()
