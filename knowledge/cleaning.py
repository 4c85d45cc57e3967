"""Cleaning of article text, shared by quote validation and quote display.

Article 001 is Traditional Chinese with a pinyin reading after many characters
(``中國(guó)``).  Quotes are stored and shown *without* those readings, so the same
cleaning is applied to the article before a quote is looked up in it.
"""

from __future__ import annotations

import re
import unicodedata

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A reading is a parenthesised lower-case syllable carrying at least one tone mark.
# Requiring the tone mark keeps real parentheticals such as "(ARR)" or "(Andrew Ng)".
_PINYIN = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")
_SPACES = re.compile(r"\s+")


def strip_pinyin(text: str) -> str:
    """Remove pinyin readings such as ``(guó)`` that follow characters."""
    return _PINYIN.sub("", text)


def clean_text(text: str) -> str:
    """Pinyin readings removed, NFKC applied and every whitespace run folded to one space."""
    text = unicodedata.normalize("NFKC", strip_pinyin(unicodedata.normalize("NFC", text)))
    return _SPACES.sub(" ", text).strip()
