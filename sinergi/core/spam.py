"""Recognising online-gambling spam ("judi online", "slot gacor") in text people send to a village site.

Indonesian sites that take public input are flooded with gambling promotions; Kominfo/Komdigi blocks
millions of such pages and reports them as the most common illegal content (siaran pers Komdigi,
"pemberantasan judi online", 2023-2024). The spammers write the same few words in disguise: capitals,
digits for letters ("g4c0r", "5l0t"), spaces or dots between letters ("s l o t", "m.a.x.w.i.n").
`looks_like_gambling_spam` undoes those disguises and looks for the terms below. A match only holds
the text for a person to look at: nothing is deleted, so a false alarm costs one click.
"""

import re
import unicodedata

# Digits and symbols used in place of letters (leetspeak) in the promotions.
LOOKALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "!": "i"})  # fmt: skip

# Terms, written as they are after normalising (lower case, lookalikes replaced, no spaces or
# punctuation). Each is a word gambling promotions use and ordinary village news does not.
GAMBLING_TERMS = (
    # "slot gacor" / "slot online": slot machines; "gacor" (chatty bird) = "paying out a lot".
    "slotgacor",
    "slotonline",
    "situsslot",
    "gacor",
    # "maxwin": the maximum win of a slot game; "scatter" and "wild": slot symbols in the ads.
    "maxwin",
    "scatterhitam",
    "scatter",
    # "RTP live": the advertised "return to player" percentage of slot machines.
    "rtplive",
    "rtpslot",
    # Lottery and betting: togel (toto gelap), judi online, taruhan bola, casino.
    "togel",
    "totomacau",
    "judionline",
    "judibola",
    "judol",
    "sbobet",
    "kasinoonline",
    "casinoonline",
    # Blocked sites advertise mirrors: "link/situs alternatif", "daftar" (sign up) plus a bonus.
    "linkalternatif",
    "situsalternatif",
    "bonusnewmember",
    "depositpulsa",
    "wdtanpapotongan",
    # Brand-like words common in the campaigns.
    "zeus",
    "gatesofolympus",
    "mahjongways",
    "pragmaticplay",
)

# Short terms that are also parts of ordinary words ("slot" in "slotting" is rare, but "zeus" or
# "scatter" inside a longer word is not a promotion): these must stand as a word of their own.
WHOLE_WORD_TERMS = frozenset({"gacor", "scatter", "zeus", "togel", "judol"})


def normalise(text: str) -> str:
    """Lower case, accents and full-width forms folded, lookalike digits as letters."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().translate(LOOKALIKES)


def _squeezed(text: str) -> str:
    """Letters only: "s l o t  g.a.c.o.r" and "SLOT-GACOR" both become "slotgacor"."""
    return re.sub(r"[^a-z]", "", text)


def looks_like_gambling_spam(text: str, terms=None, whole_word_terms=None) -> bool:
    """True if `text` promotes online gambling, however it is disguised.

    `terms`/`whole_word_terms`: another list than the built-in one (the regency's, kept in
    casework.SpamTerm), written as GAMBLING_TERMS is.
    """
    if not text:
        return False
    terms = GAMBLING_TERMS if terms is None else terms
    whole_word_terms = WHOLE_WORD_TERMS if whole_word_terms is None else whole_word_terms
    plain = normalise(text)
    squeezed = _squeezed(plain)
    words = set(re.findall(r"[a-z]+", plain))
    # Letters written apart ("s l o t g a c o r"): a run of single letters, joined.
    spaced = {_squeezed(run) for run in re.findall(r"(?:\b[a-z]\b[\s.\-_*]*){3,}", plain)}
    for term in terms:
        if term in whole_word_terms:
            if term in words or term in spaced:
                return True
        elif term in squeezed:
            return True
    return False
