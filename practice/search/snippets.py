"""A short extract of a text around the words that were searched for, with the places
of those words, so any front end can highlight them (the app in bold, JSON as ranges)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from practice.search.query import SearchQuery
from practice.services.validation import fold

WIDTH = 180
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    text: str
    #: (start, end) character ranges of ``text`` that matched, in order.
    highlights: tuple[tuple[int, int], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The text with each match wrapped, e.g. ``her [father]'s illness``."""
        out, at = [], 0
        for start, end in self.highlights:
            out += [self.text[at:start], before, self.text[start:end], after]
            at = end
        out.append(self.text[at:])
        return "".join(out)


def _matches(text: str, query: SearchQuery) -> list[tuple[int, int, str]]:
    """(start, end, what matched) for each word of ``text`` the query matches."""
    if text.isascii():  # most notes: lower-casing is folding, and keeps every position
        return _matches_in_folded(text.lower(), query)
    folded, starts, ends = _folded_with_places(text)
    return [(starts[a], ends[b - 1], t) for a, b, t in _matches_in_folded(folded, query)]


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _folded_with_places(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` folded a character at a time, with where each folded character came
    from (its start and end in ``text``), so matches map back to the original."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for run in _RUNS.finditer(text):
        at, piece = run.start(), run.group()
        if piece.isascii():  # a run of plain characters: lower-cased as it is
            parts.append(piece.lower())
            starts.extend(range(at, at + len(piece)))
            ends.extend(range(at + 1, at + len(piece) + 1))
        else:
            folded = _fold_char(piece)
            parts.append(folded)
            starts.extend([at] * len(folded))
            ends.extend([at + 1] * len(folded))
    return "".join(parts), starts, ends


@functools.lru_cache(maxsize=64)
def _patterns(query: SearchQuery) -> tuple[re.Pattern[str] | None, list[re.Pattern[str]]]:
    words = None
    if query.words:
        alternatives = "|".join(re.escape(w) for w in sorted(query.words, key=len, reverse=True))
        words = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*")
    phrases = [
        re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, p)) + r"(?![^\W_])")
        for p in query.phrases
    ]
    return words, phrases


def _matches_in_folded(lowered: str, query: SearchQuery) -> list[tuple[int, int, str]]:
    words, phrases = _patterns(query)
    found: dict[int, tuple[int, int, str]] = {}
    if words is not None:
        for match in words.finditer(lowered):
            term = next(t for t in query.words if match.group().startswith(t))
            found[match.start()] = (match.start(), match.end(), term)
    for phrase, pattern in zip(query.phrases, phrases, strict=True):
        for match in pattern.finditer(lowered):
            for word in _WORD.finditer(lowered, match.start(), match.end()):
                found[word.start()] = (word.start(), word.end(), " ".join(phrase))
    return [found[at] for at in sorted(found)]


def make_snippet(text: str, query: SearchQuery, *, width: int = WIDTH) -> Snippet:
    """About ``width`` characters of ``text`` (spaces and line breaks made single spaces)
    around the part with the most different searched words."""
    flat = _SPACE.sub(" ", text).strip()
    matches = _matches(flat, query)
    if len(flat) <= width:
        start, end = 0, len(flat)
    else:
        start = _best_start(matches, width)
        start = max(0, start - width // 4)
        if start > 0:
            space = flat.find(" ", start)
            start = space + 1 if 0 <= space < start + 20 else start
        end = min(len(flat), start + width)
        if end < len(flat):
            space = flat.rfind(" ", start, end)
            end = space if space > start + width // 2 else end
    body = flat[start:end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(flat) else ""
    shift = len(prefix) - start
    highlights = tuple((s + shift, e + shift) for s, e, _t in matches if s >= start and e <= end)
    return Snippet(prefix + body + suffix, highlights)


def _best_start(matches: list[tuple[int, int, str]], width: int) -> int:
    best, best_count = 0, -1
    for index, (start, _e, _t) in enumerate(matches):
        seen = {t for s, _e2, t in matches[index:] if s < start + width * 3 // 4}
        if len(seen) > best_count:
            best, best_count = start, len(seen)
    return best
