"""The cyclic garbage collector paused while a document is read or extracted (``collector_paused``).

A module of its own, below ``parse`` and ``pipeline``, since both pause it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many extractions have the cyclic collector paused, and whether to resume it after the
    last one (it may have been off before): threads may extract at once (the web's fact-check)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.resume = False


_PAUSES = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is read or extracted; also a decorator.

    The pipeline makes no reference cycles (a 2 MB text left none to collect), so the collector
    only costs: every time the objects alive grew by a quarter it walked all of them, and a long
    document's records are many (a fifth of a 5 MB text's time went to it). Reading allocates
    many short-lived objects (a dict per PDF char), each batch of which set off a young
    collection: a sixth of reading a PDF. Reference counting still frees everything at once but
    the cycles pdfminer's objects make (a few thousand per PDF, none for HTML or text); those,
    and whatever cycle another thread makes meanwhile, are collected by the first collection
    after the last pause ends (they are all young: none ran during the pause).
    """
    with _PAUSES.lock:
        if _PAUSES.count == 0:
            _PAUSES.resume = gc.isenabled()
            gc.disable()
        _PAUSES.count += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.count -= 1
            if _PAUSES.count == 0 and _PAUSES.resume:
                gc.enable()
