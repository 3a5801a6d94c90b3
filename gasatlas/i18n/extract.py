"""A Babel extraction method for Python that also finds messages inside f-strings.

Babel's own ``python`` method reads tokens, and before Python 3.12 an f-string is one token: the
``gettext("Source", lang)`` inside ``f"<dt>{gettext('Source', lang)}</dt>"`` would be missed. This method
walks the syntax tree instead, where an f-string's calls are calls like any other. ``babel.cfg`` names it.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import DEFAULT_KEYWORDS

KEYWORDS = {**DEFAULT_KEYWORDS, "pN_": ((1, "c"), 2)}
"""gettext's own functions and the marker with a context (``pybabel extract -k pN_:1c,2``)."""
Extracted = tuple[int, str, tuple[str | None, ...], list[str]]


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def extract_python(
    fileobj: IO[bytes], keywords: Collection[str], _comment_tags: Collection[str], options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Every call of a keyword function in source order, with its literal string arguments (``None`` for any
    other argument); Babel picks the message, plural and context out of them by the keyword's specification.
    The catalog keeps no translator comments."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    calls = sorted((node for node in ast.walk(tree) if isinstance(node, ast.Call) and _name(node) in keywords),
                   key=lambda call: (call.lineno, call.col_offset))
    for call in calls:
        arguments = tuple(argument.value if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                          else None for argument in call.args)
        yield call.lineno, str(_name(call)), arguments, []
