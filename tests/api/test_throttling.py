"""The client address the limits count (`api.throttling.client_address`): the socket's
peer, and X-Forwarded-For only as far as the hall's own proxies wrote it."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.throttling import client_address
from cases.config import Settings
from cases.hall import Hall

PROXIES = (ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("fd00::/8"))


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert client_address("198.51.100.4", ["203.0.113.9"], ()) == "198.51.100.4"
    assert client_address("10.0.0.1", ["203.0.113.9"], ()) == "10.0.0.1"


def test_from_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() -> None:
    assert client_address("10.0.0.1", ["203.0.113.9"], PROXIES) == "203.0.113.9"
    # what the client wrote itself, left of the hop our proxy added, does not count
    assert client_address("10.0.0.1", ["1.2.3.4, 203.0.113.9"], PROXIES) == "203.0.113.9"
    # a chain of our own proxies is skipped; several headers are read as one list
    assert client_address("10.0.0.1", ["1.2.3.4", "203.0.113.9, 10.2.2.2"], PROXIES) == (
        "203.0.113.9"
    )
    # a peer that is not our proxy cannot pick its address by writing the header
    assert client_address("198.51.100.4", ["10.9.9.9"], PROXIES) == "198.51.100.4"


def test_addresses_are_normalised() -> None:
    assert client_address("10.0.0.1", ["203.0.113.9:51234"], PROXIES) == "203.0.113.9"
    assert client_address("10.0.0.1", ['"[2001:db8::1]:443"'], PROXIES) == "2001:db8::/64"
    assert client_address("::ffff:198.51.100.4", [], PROXIES) == "198.51.100.4"
    # one IPv6 subscriber gets a /64: rotating inside it is one client
    assert client_address("2001:db8:1:2::a", [], ()) == client_address("2001:db8:1:2::b", [], ())
    assert client_address("2001:db8:1:2::a", [], ()) != client_address("2001:db8:1:3::a", [], ())


def test_odd_peers_and_hops() -> None:
    assert client_address("testclient", ["1.2.3.4"], PROXIES) == "testclient"
    assert client_address("", [], PROXIES) == "unknown"
    assert client_address("10.0.0.1", ["unknown"], PROXIES) == "unknown"
    assert client_address("10.0.0.1", [], PROXIES) == "10.0.0.1"  # from our proxy itself


def test_the_public_catalog_is_limited_per_client(tmp_path: Path) -> None:
    hall = Hall.open(Settings(data_dir=tmp_path, public_per_minute=2))
    try:
        with TestClient(create_app(hall=hall, worker=False)) as client:
            codes = [client.get("/api/v1/catalog").status_code for _ in range(3)]
            refused = client.get("/api/v1/catalog/SCJG-GT-001")
    finally:
        hall.close()
    assert codes == [200, 200, 429]
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "rate_limited"
