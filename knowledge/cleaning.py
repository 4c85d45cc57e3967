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


# Invisible characters people paste without knowing: zero-width spaces and joiners, soft hyphens,
# the BOM, and bidi controls (an RTL override reorders what a reader sees in a list or the digest).
# They break matching ("emp\u200bloyees") and let a blank-looking question through.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# C0 and C1 control characters, except tab and newline.
_CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")


def clean_input(text: str) -> str:
    """What a person typed, without invisible and control characters, stripped.

    Applied to every question and every stored team-fact field, so a text that is
    empty after cleaning is treated as empty.
    """
    return _CONTROL.sub("", _INVISIBLE.sub("", text)).strip()
