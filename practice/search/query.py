"""What was typed in the search box, as folded words and quoted phrases.

Folding is :func:`practice.services.validation.fold` (case, accents, and letters such as
ø or ß), the same folding the index applies to the texts, so “Zoë”, “zoe” and “ZOE” find
each other. Words match the start of a word (“ill” finds “illness”); text in double
quotes matches as a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.services.validation import fold

MAX_WORDS = 20

_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class SearchQuery:
    #: Folded words, each matched as the start of a word.
    words: tuple[str, ...]
    #: Folded phrases (two words or more), matched word for word in order.
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases


def folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def parse_query(text: str) -> SearchQuery:
    """The words and phrases of ``text`` (at most :data:`MAX_WORDS` words in all)."""
    phrases: list[tuple[str, ...]] = []
    words: list[str] = []
    for quoted in _QUOTED.findall(text):
        found = folded_words(quoted)
        if len(found) > 1:
            phrases.append(tuple(found))
        else:
            words.extend(found)
    words.extend(folded_words(_QUOTED.sub(" ", text).replace('"', " ")))
    kept: list[str] = []
    budget = MAX_WORDS
    kept_phrases: list[tuple[str, ...]] = []
    for phrase in phrases:
        if len(phrase) <= budget:
            kept_phrases.append(phrase)
            budget -= len(phrase)
    for word in dict.fromkeys(words):
        if budget <= 0:
            break
        kept.append(word)
        budget -= 1
    return SearchQuery(tuple(kept), tuple(kept_phrases))
