"""Page-sized memory goes back to the system as soon as it is freed.

glibc serves a large allocation with a mapping of its own and unmaps it on free, but
after each such free it raises that threshold to the block's size (up to 32 MB). From
then on a page's 5-30 MB buffers (the decoded scan, its working copies) come from the
heap arena of whichever thread read the page, and fragmentation keeps them resident: a
server that had read four large pages stayed at 1.5 GB. A fixed threshold (mallopt
M_MMAP_THRESHOLD, which also stops the adjustment) maps every buffer of 1 MB or more on
its own, so it leaves with its page; the pages read no slower.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
MAPPED_FROM_BYTES = 1 << 20


def map_large_buffers() -> bool:
    """Have the C library map buffers of 1 MB and more on their own; False where it is
    not glibc (nothing changes there)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, MAPPED_FROM_BYTES))
    if not done:
        log.warning("the C library refused a fixed mmap threshold; freed pages may stay")
    return done
