"""Per-store caches that follow the store's writes.

Every write bumps :attr:`graph.store.EmbeddedStore.generation`; a value built
from the store is kept with the generation it was built at and rebuilt when
the counter has moved. While one thread rebuilds, the others keep answering
from the previous value (stale by one write, never blocked for seconds).

>>> class FakeStore:
...     generation = 0
>>> st = FakeStore()
>>> builds = []
>>> def build(store):
...     builds.append(store.generation)
...     return f"built at {store.generation}"
>>> cached(st, "demo", build), cached(st, "demo", build)
('built at 0', 'built at 0')
>>> st.generation = 1
>>> cached(st, "demo", build), builds
('built at 1', [0, 1])
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class _Slot:
    __slots__ = ("generation", "lock", "value")

    def __init__(self) -> None:
        self.generation: int | None = None
        self.value: Any = None
        self.lock = threading.Lock()


_SLOTS: weakref.WeakKeyDictionary[Any, dict[str, _Slot]] = weakref.WeakKeyDictionary()
_EPOCHS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def store_generation(store: object) -> int | None:
    """The store's write counter; None for a backend that has none (never cached)."""
    value = getattr(store, "generation", None)
    return value if isinstance(value, int) else None


def store_version(store: object) -> str:
    """A token that changes with every write and differs between two openings of a store
    (the write counter restarts at 0): what ETags are made of."""
    with _GUARD:
        epoch = _EPOCHS.get(store)
        if epoch is None:
            epoch = _EPOCHS[store] = uuid.uuid4().hex[:8]
    return f"{epoch}.{store_generation(store)}"


def cached(store: object, key: str, build: Callable[[Any], T]) -> T:
    """``build(store)``, kept until the store's generation moves on."""
    generation = store_generation(store)
    if generation is None:
        return build(store)
    with _GUARD:
        slot = _SLOTS.setdefault(store, {}).setdefault(key, _Slot())
    if slot.generation == generation:
        return slot.value
    if slot.value is None:
        slot.lock.acquire()
    elif not slot.lock.acquire(blocking=False):
        return slot.value  # someone is rebuilding: answer from the last build
    try:
        if slot.generation != generation:
            value = build(store)
            slot.value, slot.generation = value, generation
        return slot.value
    finally:
        slot.lock.release()
