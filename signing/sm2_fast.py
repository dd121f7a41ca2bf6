"""SM2 signing (GB/T 32918.2) with a fixed-base comb: k·G as the sum of 64 precomputed
points, one per 4-bit digit of k, in Jacobian coordinates (mixed additions, one inversion
at the end). Only the signer's side; verification stays with gmalg.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import lru_cache

P = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF
A = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC
B = 0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93
N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123
G = (
    0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7,
    0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0,
)
_WINDOW = 4
_DIGITS = 256 // _WINDOW

Point = tuple[int, int] | None  # affine; None is the point at infinity


def _add(p1: Point, p2: Point) -> Point:
    """Affine addition (doubling when equal)."""
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2:
        if (y1 + y2) % P == 0:
            return None
        slope = (3 * x1 * x1 + A) * pow(2 * y1, -1, P) % P
    else:
        slope = (y2 - y1) * pow(x2 - x1, -1, P) % P
    x3 = (slope * slope - x1 - x2) % P
    return x3, (slope * (x1 - x3) - y1) % P


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Point, ...], ...]:
    """_table()[j][i] = i · 16^j · G, i in 0..15, for each of the 64 digits."""
    rows = []
    base: Point = G
    for _ in range(_DIGITS):
        row: list[Point] = [None]
        for _ in range(1, 1 << _WINDOW):
            row.append(_add(row[-1], base))
        rows.append(tuple(row))
        base = _add(row[-1], base)  # 16 · base
    return tuple(rows)


def base_multiply(k: int) -> tuple[int, int]:
    """k · G in affine coordinates, 0 < k < N."""
    table = _table()
    x = y = z = 0
    started = False
    for j in range(_DIGITS):
        point = table[j][(k >> (_WINDOW * j)) & 0xF]
        if point is None:
            continue
        x2, y2 = point
        if not started:
            x, y, z, started = x2, y2, 1, True
            continue
        zz = z * z % P
        h = (x2 * zz - x) % P
        r = (y2 * zz * z - y) % P
        if h == 0:  # the same point or its negative: leave the fast path
            inv = pow(z, -1, P)
            current = (x * inv * inv % P, y * inv * inv * inv % P)
            summed = _add(current, point)
            if summed is None:
                started = False
                continue
            x, y, z = summed[0], summed[1], 1
            continue
        hh = h * h % P
        hhh = h * hh % P
        v = x * hh % P
        x3 = (r * r - hhh - 2 * v) % P
        y = (r * (v - x3) - y * hhh) % P
        x, z = x3, z * h % P
    if not started:
        raise ValueError("k · G is the point at infinity")
    inv = pow(z, -1, P)
    inv2 = inv * inv % P
    return x * inv2 % P, y * inv2 * inv % P


def _bytes(n: int) -> bytes:
    return n.to_bytes(32, "big")


def generate() -> tuple[bytes, bytes]:
    """(private scalar, public point 04 || x || y)."""
    d = secrets.randbelow(N - 2) + 1  # d in [1, n-2]: 1 + d must be invertible
    x, y = base_multiply(d)
    return _bytes(d), b"\x04" + _bytes(x) + _bytes(y)


def _digest(point: bytes, message: bytes, uid: bytes) -> int:
    """e = SM3(Z || M), Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA)."""
    entl = (len(uid) * 8).to_bytes(2, "big")
    z = hashlib.new(
        "sm3",
        entl + uid + _bytes(A) + _bytes(B) + _bytes(G[0]) + _bytes(G[1]) + point[1:],
    ).digest()
    return int.from_bytes(hashlib.new("sm3", z + message).digest(), "big")


def sign(secret: bytes, point: bytes, message: bytes, uid: bytes) -> tuple[int, int]:
    """(r, s) of the SM2 signature of `message` by the key (`secret`, `point`)."""
    d = int.from_bytes(secret, "big")
    e = _digest(point, message, uid)
    inverse = pow(1 + d, -1, N)
    while True:
        k = secrets.randbelow(N - 1) + 1
        x1, _ = base_multiply(k)
        r = (e + x1) % N
        if r == 0 or r + k == N:
            continue
        s = inverse * (k - r * d) % N
        if s:
            return r, s
