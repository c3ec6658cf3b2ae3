"""Text cells made safe for spreadsheet programs, and read back as they were typed.

A CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is
taken by Excel, LibreOffice and Google Sheets as a formula when the file is opened, so a
client's name or note written as ``=HYPERLINK(…)`` would run as one. Every text cell the
app writes to a CSV that starts so gets a leading apostrophe, the spreadsheets' own sign
for "this is text"; plain numbers (``-40.00``, ``+3``) are left alone, since a spreadsheet
reads them as the numbers they are. Importing a spreadsheet removes that apostrophe
again, so a list exported and imported comes back as typed.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_ESCAPED = re.compile(r"'(?=[=+\-@\t\r])")


def formula_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run as a formula."""
    if text.startswith(_TRIGGERS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def from_spreadsheet(text: str) -> str:
    """A cell as typed: the apostrophe :func:`formula_safe` (or a person) put before a
    formula sign taken off."""
    return text[1:] if _ESCAPED.match(text) else text
