"""What was typed in the search box, as words and quoted phrases.

Each word is kept twice: in the index's form (:mod:`.folding`: what the full-text index
matches, folded further by its tokenizer, so every script is found as it is written),
and folded by :func:`practice.services.validation.fold` (case, accents, ø or ß) to mark
the words in the text shown. “Zoë”, “zoe” and “ZOE” find each other. Words match the
start of a word (“ill” finds “illness”); text in double quotes matches as a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.search.folding import index_form, index_forms, raw_words
from practice.services.validation import fold

MAX_WORDS = 20

_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class SearchQuery:
    #: Folded words, each matched as the start of a word (to mark them in a text).
    words: tuple[str, ...]
    #: Folded phrases (two words or more), matched word for word in order.
    phrases: tuple[tuple[str, ...], ...]
    #: What the index is asked: for each word, the forms it may be written in (any one
    #: matches); each phrase as typed, in the index's form.
    index_words: tuple[tuple[str, ...], ...] = ()
    index_phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.index_words and not self.index_phrases


def folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _marked(word: str) -> str:
    """A word folded for marking: one run, whatever folding does to its marks."""
    return "".join(_WORD.findall(fold(word))) or fold(word)


def parse_query(text: str) -> SearchQuery:
    """The words and phrases of ``text`` (at most :data:`MAX_WORDS` words in all)."""
    phrases: list[list[str]] = []
    words: list[str] = []
    for quoted in _QUOTED.findall(text):
        found = raw_words(quoted)
        if len(found) > 1:
            phrases.append(found)
        else:
            words.extend(found)
    words.extend(raw_words(_QUOTED.sub(" ", text).replace('"', " ")))
    budget = MAX_WORDS
    kept_phrases: list[list[str]] = []
    for phrase in phrases:
        if len(phrase) <= budget:
            kept_phrases.append(phrase)
            budget -= len(phrase)
    kept: dict[str, str] = {}
    for word in words:
        if budget <= 0:
            break
        key = index_form(word).casefold()
        if key not in kept:
            kept[key] = word
            budget -= 1
    return SearchQuery(
        words=tuple(dict.fromkeys(_marked(w) for w in kept.values())),
        phrases=tuple(tuple(_marked(w) for w in p) for p in kept_phrases),
        index_words=tuple(tuple(index_forms(w)) for w in kept.values()),
        index_phrases=tuple(tuple(index_form(w) for w in p) for p in kept_phrases),
    )
