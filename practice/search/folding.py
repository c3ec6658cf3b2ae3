"""Searched words in the form the note index holds them, in every script.

The index (``note_search``, migration 0004) replaces a few Latin letters that have no
separable accent (ø → o, ß → ss…) and its tokenizer (FTS5 ``unicode61 remove_diacritics
2``) folds case in every script and accents on Latin letters only. A searched word is
given to the index with the same Latin replacements and otherwise as typed, so FTS5
folds and splits it exactly as it folded and split the note: “Сергей” finds Сергей,
“नमस्ते” finds नमस्ते, “שלום” finds שלום.

Two scripts are commonly typed without their accents, so a word in them is also asked
in the forms the note may hold: Greek without or with its tonos (“Νικος” finds Νίκος,
and the other way round), and Russian е for ё (“Елкин” finds Ёлкин).
"""

from __future__ import annotations

import unicodedata

#: Latin letters the index's triggers replace before tokenizing (as 0004 does).
INDEX_LETTERS: dict[str, str] = {
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ħ": "h",
    "Ħ": "h",
    "ı": "i",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "þ": "th",
    "Þ": "th",
    "ß": "ss",
    "ẞ": "ss",
}
_TABLE = str.maketrans(INDEX_LETTERS)
#: At most this many forms of one word are asked.
MAX_FORMS = 12

_GREEK_VOWELS = "αεηιουω"
_ACUTE = "\u0301"
_GREEK_MARKS = {"\u0301", "\u0308", "\u0344"}  # tonos (acute), dialytika, both


def index_form(text: str) -> str:
    """``text`` with the Latin letters replaced as the triggers replace them (NFC first,
    as every text the app saves is)."""
    return unicodedata.normalize("NFC", text).translate(_TABLE)


def _is_greek(char: str) -> bool:
    return "\u0370" <= char <= "\u03ff"


def _greek_forms(word: str) -> list[str]:
    """The word without Greek accents, and with a tonos on each vowel in turn (from the
    last)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _GREEK_MARKS and kept and _is_greek(kept[-1]):
            continue
        kept.append(char)
    plain = unicodedata.normalize("NFC", "".join(kept))
    forms = [plain]
    # The stress falls on one of the last three syllables: those forms come first.
    for at in reversed(range(len(plain))):
        if plain[at] in _GREEK_VOWELS:
            forms.append(unicodedata.normalize("NFC", plain[: at + 1] + _ACUTE + plain[at + 1 :]))
    return forms


def _yo_forms(word: str) -> list[str]:
    """The word with ё as е, and with each е as ё in turn."""
    plain = word.lower().replace("ё", "е")
    return [plain] + [plain[:at] + "ё" + plain[at + 1 :] for at, c in enumerate(plain) if c == "е"]


def index_forms(word: str) -> list[str]:
    """Every form of ``word`` to ask the index for (the word as typed first)."""
    typed = index_form(word)
    forms = [typed]
    if any(_is_greek(c) for c in typed):
        forms += _greek_forms(typed)
    if any(c in "еёЕЁ" for c in typed):
        forms += [f for form in list(forms) for f in _yo_forms(form)]
    unique = list(dict.fromkeys(f.lower() if f is not typed else f for f in forms))
    return unique[:MAX_FORMS]


def _in_word(char: str) -> bool:
    # Letters, marks (vowel signs, viramas) and digits make up a word in any script.
    category = unicodedata.category(char)
    return category[0] in "LMN" or category == "Co"


def raw_words(text: str) -> list[str]:
    """The words of ``text`` as typed: runs of letters, marks and digits."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if _in_word(char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words
