"""Keyset pagination: opaque cursors over a list in a stable order.

A cursor is the base64url of the sort key of the last item of a page; the
next page starts after that key, so pages neither repeat nor skip an item
while the list stays the same, and a client cannot forge an offset.

>>> rows = [("a", 1), ("b", 2), ("c", 3)]
>>> first, cursor = page(rows, key=lambda r: r[0], limit=2)
>>> first, cursor
([('a', 1), ('b', 2)], 'WyJiIl0')
>>> page(rows, key=lambda r: r[0], limit=2, cursor=cursor)
([('c', 3)], None)
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from graph.errors import DkgError

T = TypeVar("T")


class CursorError(DkgError):
    """A pagination cursor that this server did not hand out."""


def encode_cursor(key: Any) -> str:
    """The opaque cursor for a sort key.

    >>> encode_cursor(("2026-02-27", "event/x"))
    'WyIyMDI2LTAyLTI3IiwiZXZlbnQveCJd'
    """
    key = list(key) if isinstance(key, tuple | list) else [key]
    raw = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    """The sort key inside a cursor.

    >>> decode_cursor("WyJiIl0")
    ('b',)
    >>> decode_cursor("not a cursor")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.paging.CursorError: the cursor 'not a cursor' is not one this server handed out: ...
    """
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or not key or not all(
        isinstance(k, str | int | float) and not isinstance(k, bool) for k in key
    ):
        raise CursorError(
            f"the cursor {cursor[:60]!r} is not one this server handed out: use the cursor "
            "from the previous page's Link or X-Next-Cursor header, or leave it out to start "
            "again"
        )
    return tuple(key)


def page(
    items: Sequence[T], key: Callable[[T], Any], *, limit: int, cursor: str | None = None
) -> tuple[list[T], str | None]:
    """One page of ``items`` (sorted by ``key``) after ``cursor``, and the next cursor."""
    start = 0
    if cursor:
        after = decode_cursor(cursor)
        keys = [_as_tuple(key(item)) for item in items]
        try:
            start = bisect_right(keys, after)
        except TypeError:
            raise CursorError(
                f"the cursor {cursor[:60]!r} does not belong to this list: leave it out to "
                "start again") from None
    chunk = list(items[start:start + limit])
    more = start + limit < len(items)
    return chunk, (encode_cursor(_as_tuple(key(chunk[-1]))) if more and chunk else None)


def _as_tuple(key: Any) -> tuple:
    return tuple(key) if isinstance(key, tuple | list) else (key,)
