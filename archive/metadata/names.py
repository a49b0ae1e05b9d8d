"""Personal names as printed in front matter: split into family and given, fix capitals.

Front matter prints names in many shapes: ``А.Т. ҚАЛИЛА``, ``Қалила А.Т.``,
``Kalila, A. T.``, ``КАЛИЛА Айгерим Тимуровна``. We keep the name as written in
``literal`` and give ``family`` in normal case (``Қалила``) and ``given`` as printed
(initials stay initials: expanding them would be guessing). Romanisation is done elsewhere.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from anyascii import anyascii

from ..lineshapes import EMAIL
from ..models import Author
from .places import names_a_place

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÀ-ÖØ-Þ"
_LO = "a-zа-яёәғқңөұүһіß-öø-ÿ"
# One initial, possibly a two-letter one (Kazakh/Uzbek "Sh.", "Zh.") or hyphenated ("Ж.-П.").
_INITIAL = rf"[{_UP}][{_LO}]?\.(?:\s?-\s?[{_UP}][{_LO}]?\.)?"
INITIALS = rf"(?:{_INITIAL}\s?){{1,3}}"
_WORD = rf"[{_UP}][{_UP}{_LO}'’]+(?:-[{_UP}][{_UP}{_LO}'’]+)?"
# Three letters at least: two capitals are a pair of initials without dots ("CV Rajagopal").
_CAPS_WORD = rf"[{_UP}][{_UP}'’]{{2,}}(?:-[{_UP}][{_UP}'’]+)?"
_TITLE_WORD = rf"[{_UP}][{_LO}'’]+(?:-[{_UP}][{_LO}'’]+)?"
_PATRONYMIC_END = rf"(?:ович|евич|ьич|овна|евна|ична|инична|ұлы|улы|қызы|кызы)(?![{_LO}])"
# Lower-case particles of a family name: Mark van de Wiel, Ludwig von Mises.
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "le", "la",
                       "ten", "ter"})
_PARTICLES = rf"(?:(?:{'|'.join(sorted(PARTICLES))})\s)*"
# Footnote markers after a name: digits, superscripts, asterisks, daggers.
_MARK = r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]*"

_FORMS = (
    # А.Т. ҚАЛИЛА / A. T. Kalila
    ("initials_first", rf"(?P<given>{INITIALS})\s?(?P<family>{_WORD}){_MARK}"),
    # Қалила А.Т. / Kalila, A.T.
    ("family_first", rf"(?P<family>{_WORD}),?\s(?P<given>{INITIALS}){_MARK}"),
    # Серікбаев Бақыт Сейітұлы / Иванов Иван Иванович: full name ending in a patronymic.
    (
        "patronymic",
        rf"(?P<family>{_TITLE_WORD})\s(?P<given>{_TITLE_WORD}\s[{_UP}][{_LO}]+{_PATRONYMIC_END})"
        rf"{_MARK}",
    ),
    # КАЛИЛА Айгерим Тимуровна: a family name in capitals, then given names.
    (
        "caps_family",
        rf"(?P<family>{_CAPS_WORD})\s(?P<given>{_TITLE_WORD}(?:\s{_TITLE_WORD})?){_MARK}",
    ),
    # John Smith¹ / Aigerim A. Kalieva²* / Aigerim Nurlanovna Bekova1: given name(s) first.
    # Without the footnote marker capitalised words are as likely a title's phrase, so the
    # marker is required.
    (
        "given_first",
        rf"(?P<given>{_TITLE_WORD}(?:\s{_TITLE_WORD})?(?:\s[{_UP}]\.)?)"
        rf"\s(?P<family>{_PARTICLES}{_TITLE_WORD})"
        r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+",
    ),
)


def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(tag, re.compile(pat)) for tag, pat in _FORMS]


_COMPILED = _compiled()
_SEPARATORS = re.compile(r"^(?:\s|,|;|&|\band\b|\bи\b|\bжәне\b|\bmen\b)*$", re.IGNORECASE)
_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична|ұлы|улы|қызы|кызы)$", re.I)
# Endings of Russian, Ukrainian and Kazakh family names (Родин, Косых, Шевченко, Толстой):
# given names rarely end so, which tells "Джосип Родин" (given first) from "Родин Джосип".
# A bare "-ий" is left out: Дмитрий and Юрий end so as well as Достоевский.
_FAMILY_ENDING = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ой|ых|их|ова|ева|ёва|ина|ына|ская|цкая|енко|ко|ук|юк|ич"
    r"|ұлы|улы|қызы|кызы)$",
    re.I,
)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Words that make a name a group of people's (a project's developers, a translation team):
# the whole name is then its sort key, not its last word.
_COLLECTIVE = re.compile(
    r"\b(?:developers|team|contributors|maintainers|authors|translators|society|association"
    r"|consortium|committee|foundation|разработчики|команда|авторы|коллектив|переводчики"
    r"|общество|ассоциация|комитет|фонд)\b",
    re.I,
)
_NOTE = re.compile(r"\s*\([^()]*\)")  # "Ilya V. Golovko (Russian)": a role, not the name
# "Name <e-mail>", "Name (e-mail)" or "Name e-mail": a name and its address.
# An address spelt out against harvesters: "leonard.michlmayr at gmail.com".
_SPELT_ADDRESS = r"[\w.+-]+\s+(?:at|<at>|\(at\)|\[at\])\s+[\w-]+(?:\s*(?:\.|dot|<dot>)\s*[\w-]+)+"
_SPELT_AT = re.compile(r"\s+(?:at|<at>|\(at\)|\[at\])\s+")
_SPELT_DOT = re.compile(r"\s*(?:\bdot\b|<dot>|\.)\s*")


def _unspelt(address: str) -> str:
    """``leonard.michlmayr at gmail.com`` → ``leonard.michlmayr@gmail.com``; an address
    written plainly is kept."""
    if "@" in address:
        return address
    local, domain = _SPELT_AT.split(address, maxsplit=1)
    return f"{local}@{_SPELT_DOT.sub('.', domain)}"


_NAMED_ADDRESS = re.compile(
    r"(?P<name>[^,;<>()@]*?)\s*(?:[<(]\s*(?:mailto:)?(?P<email>" + EMAIL.pattern
    + r")\s*[>)]|(?:\s|\s*,\s*)(?P<bare>" + EMAIL.pattern + "|" + _SPELT_ADDRESS
    + r")(?=\s*(?:[,;]|$)))"
)


_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
# Where an affiliation begins in a name field (``Roger Koenker University of Illinois``).
_AFFILIATION = re.compile(
    r"\s+(?=(?:University|Universit[äé]t?|Institute|Institut|College|Department|Dept\.|School"
    r"|Laboratory|Centre|Center|Faculty|Университет|Институт|Университеті|Академия)\b)"
)


def normal_case(word: str) -> str:
    """``ҚАЛИЛА`` → ``Қалила``, ``ИВАНОВА-ПЕТРОВА`` → ``Иванова-Петрова``; mixed case and
    initials (``J.J.``) kept."""
    if not word.isupper() or not _TWO_LETTERS.search(word):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _clean_given(given: str) -> str:
    return re.sub(r"\.\s+(?=\S)", ".", given.strip()) if "." in given else given.strip()


def _author(match: re.Match[str]) -> Author:
    literal = re.sub(_MARK + "$", "", match.group(0)).strip().rstrip(",").strip()
    family = normal_case(match.group("family"))
    return Author(family=family, given=_clean_given(match.group("given")), literal=literal)


# The title, abstract and front-matter readers ask about the same lines: half the calls
# of an ingest repeat one already made.
@lru_cache(maxsize=4096)
def _name_matches(line: str) -> tuple[re.Match[str], ...]:
    """Matches of the first name shape that covers the whole line, or ``()``."""
    text = line.strip().rstrip(",;").strip()
    if not text or len(text) > 200:
        return ()
    for _tag, pattern in _COMPILED:
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        rest, last = [], 0
        for m in matches:
            rest.append(text[last : m.start()])
            last = m.end()
        rest.append(text[last:])
        if all(_SEPARATORS.match(piece) for piece in rest):
            return tuple(matches)
    return ()


def parse_author_line(line: str) -> list[Author]:
    """The authors named on ``line``, or ``[]`` when the line is not just a list of names.

    The whole line must be names and separators (commas, ``;``, ``and``/``и``/``және``);
    a trailing comma, as printed before an affiliation on the next line, is allowed. An
    organisation is no name (``TOSHIBA Corporation``: no family name in capitals and a
    given name), nor is a country (``IBM Japan``) or a name the text layer garbled.
    """
    authors = [_author(m) for m in _name_matches(NAME_SUFFIX.sub("", line))]
    if any(_ORGANISATION_WORD.search(a.literal or "") or GARBLED.search(a.literal or "")
           or names_a_place(a.literal or "") for a in authors):
        return []
    return authors


# A letter four times over: a text layer that maps a font's small capitals to one letter
# ("Уccc Сccccccccc"), no one's name.
GARBLED = re.compile(r"([^\W\d_])\1{3}")


# Words of an organisation's name, no one's.
ORGANISATION = (
    r"universit|institut|college|clinic|school|department|group|laborator|center|centre"
    r"|company|corporation|\bcorp\b|inc\b|ltd\b|gmbh|\bsoftware\b|\bfoundation\b"
    r"|университет|институт|академи|кафедр"
)
_ORGANISATION_WORD = re.compile(ORGANISATION, re.IGNORECASE)


# A generational suffix after a name ("Walter R. Mebane, Jr."): no name of its own.
NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?(?=\s*(?:,|;|\band\b|$))")


def author_markers(line: str) -> list[str]:
    """The footnote markers after each name on an author line (``¹``, ``2*``), in order."""
    return [
        m.group(0)[len(m.group(0).rstrip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§")) :]
        for m in _name_matches(line)
    ]


def parse_name(text: str, given_first: bool | None = None) -> Author:
    """One name from a container field (``pdf-info:author``, ``dc:creator``) or a sidecar.

    Recognised shapes are split; anything else is kept whole as ``literal`` with a best
    guess: a ``Family, Given`` comma (then no ``literal``: a sort form, not a printed name),
    a patronymic (family first), else the last word is the family name for Latin script.
    Two or three Cyrillic words are family first unless the endings say otherwise
    (``Джосип Родин``) or ``given_first`` says how the rest of the list was written. A
    group's name (``Ubuntu Developers``) is its own family name.
    """
    text = " ".join(text.split())
    authors = parse_author_line(text)
    if len(authors) == 1:
        return authors[0]
    if is_collective(text):
        return collective(text)
    if "," in text:
        # "Family, Given" is a catalogue's sort form, not a name as anyone prints it: the
        # parts say all of it, and ``literal`` is kept for names as printed.
        family, _, given = text.partition(",")
        return Author(family=normal_case(family.strip()), given=given.strip() or None)
    words = text.split(" ")
    if len(words) == 1:
        return Author(literal=text)
    cyrillic = bool(_CYRILLIC.search(text))
    if written_family_first(words) or _PATRONYMIC.search(words[-1]) or (
        cyrillic and len(words) in (2, 3) and not (given_first or _given_first(words))
    ):
        return Author(family=normal_case(words[0]), given=" ".join(words[1:]), literal=text)
    return Author(family=normal_case(words[-1]), given=" ".join(words[:-1]), literal=text)


# The commonest Vietnamese family names and the middle names that follow them: a name of
# three words or more that opens with both is written family first ("Vu Van Dung").
_VIETNAMESE_FAMILIES = frozenset({
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui",
    "do", "ho", "ngo", "duong", "ly", "dinh", "truong", "doan", "lam", "trinh", "mai",
})
_VIETNAMESE_MIDDLES = frozenset({
    "van", "thi", "duc", "minh", "ngoc", "huu", "quoc", "thanh", "xuan", "dinh", "cong",
    "hong", "kim", "anh", "tuan", "quang",
})


def written_family_first(words: list[str]) -> bool:
    """A name of a language that writes the family name first, as its given names tell:
    Vietnamese (``Vu Van Dung``) or Hungarian (``Nagy Bence``)."""
    return _vietnamese_order(words) or _hungarian_order(words)


def _vietnamese_order(words: list[str]) -> bool:
    """The name is Vietnamese, written family first: ``Vu Van Dung``, ``Nguyễn Thị Lan``."""
    if len(words) < 3:
        return False
    first, second = (anyascii(w).casefold() for w in words[:2])
    return first in _VIETNAMESE_FAMILIES and second in _VIETNAMESE_MIDDLES


# Hungarian given names that are no family names: a name of two or three words that ends in
# one (and does not open with one) is written family first, as Hungarian writes names
# ("Nagy Bence", "Molnár Károly"); written the other way ("Attila Kovács") it ends in none.
_HUNGARIAN_GIVEN = frozenset({
    "bence", "karoly", "gyula", "dezso", "tibor", "laszlo", "zoltan", "istvan", "gabor",
    "ferenc", "attila", "janos", "sandor", "zsolt", "csaba", "tamas", "balazs", "akos",
    "levente", "miklos", "imre", "lajos", "geza", "bela", "endre", "odon", "gergely",
    "marton", "andras", "szabolcs", "balint", "kristof", "mate", "csongor", "botond",
    "barnabas", "nandor", "vilmos", "jeno", "erno", "kalman", "mihaly", "antal", "jozsef",
    "katalin", "erzsebet", "zsuzsanna", "ilona", "judit", "agnes", "krisztina", "eszter",
    "tunde", "zsofia", "reka", "orsolya", "gyorgyi", "piroska", "boglarka", "szilvia",
})


def _hungarian_order(words: list[str]) -> bool:
    """The name is Hungarian, written family first: ``Nagy Bence``, ``Molnár Károly``."""
    if len(words) not in (2, 3):
        return False
    first, last = (anyascii(w).casefold().strip(".,") for w in (words[0], words[-1]))
    return last in _HUNGARIAN_GIVEN and first not in _HUNGARIAN_GIVEN


def is_collective(text: str) -> bool:
    """A group of people named as one author: ``Ubuntu Developers``, ``The R Core Team``."""
    return bool(_COLLECTIVE.search(text)) and len(text.split()) <= 6


def collective(text: str) -> Author:
    return Author(family=text, literal=text)


def _given_first(words: list[str]) -> bool:
    """The last word ends like a family name and the first does not."""
    return bool(_FAMILY_ENDING.search(words[-1])) and not _FAMILY_ENDING.search(words[0])


def family_first(words: list[str]) -> bool:
    """Two Cyrillic words whose first ends like a family name and last does not
    (``Иванов Дмитрий``)."""
    return (
        len(words) == 2 and bool(_CYRILLIC.search(words[0]))
        and bool(_FAMILY_ENDING.search(words[0])) and not _FAMILY_ENDING.search(words[1])
    )


def is_personal(text: str) -> bool:
    """A name a person could bear: no digits (``L10N-russian`` is a team's handle), and not
    one word in small letters (``legendre``: a login, as a program fills in its user)."""
    if any(ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text):
        return False
    return not (text.islower() and len(text.split()) == 1)


def split_names(text: str) -> list[Author]:
    """Several names in one container field, separated by ``;``, ``and`` or commas; an
    address after a name (``Martin Scharrer <martin.scharrer@web.de>``) is its e-mail."""
    emails = {}
    for m in _NAMED_ADDRESS.finditer(text):
        emails[" ".join(m["name"].split())] = m["email"] or _unspelt(m["bare"])
    text = _NAMED_ADDRESS.sub(lambda m: m["name"], text)
    # A list that ends in its separator ("Clemens Niederberger, ") names no one after it.
    text = " ".join(_NOTE.sub("", text).split()).strip(" ,;")
    if not text:
        return []
    authors = _split_names(text)
    if len(authors) == 1 and len(emails) == 1:
        return [dataclasses.replace(authors[0], email=next(iter(emails.values())))]
    return [dataclasses.replace(a, email=emails.get(a.literal or "", a.email)) for a in authors]


_CONJUNCTIONS = frozenset({"and", "&", "и", "және", "und", "et"})


def _split_names(text: str) -> list[Author]:
    line = parse_author_line(text)
    if line:
        return line
    parts = re.split(r"\s*;\s*|\s+(?:and|и|және|&)\s+", text)
    if len(parts) == 1 and (text.count(",") >= 2 or _two_full_names(text)):
        parts = text.split(",")
    elif len(parts) > 1:
        # "A B, C D and E F": the names before "and" are a comma list of full names.
        parts = [q for p in parts for q in (p.split(",") if _full_names(p) else [p])]
    names = [" ".join(p.split()) for p in parts]
    # "Deri James, and, Peter Schaffter,": a field typed a word at a time, commas between.
    names = [p for p in names if p and p.casefold() not in _CONJUNCTIONS and is_personal(p)]
    # A name and its affiliation in one field: the name is what comes before.
    affiliations = {}
    for k, name in enumerate(names):
        cut = _AFFILIATION.search(name)
        if cut and len(name[: cut.start()].split()) >= 2:
            names[k], affiliations[k] = name[: cut.start()], name[cut.end() :]
    # One list is written one way: a name whose endings show its order shows the others'.
    given_first = any(
        _CYRILLIC.search(p) and len(p.split()) == 2 and _given_first(p.split()) for p in names
    )
    return [
        dataclasses.replace(parse_name(p, given_first), affiliation=affiliations[k])
        if k in affiliations else parse_name(p, given_first)
        for k, p in enumerate(names)
    ]


def _full_names(text: str) -> bool:
    """Every comma-separated piece is a name in natural order (two or more words)."""
    pieces = [p for p in text.split(",") if p.strip()]
    return len(pieces) >= 2 and all(len(p.split()) >= 2 for p in pieces)


def _two_full_names(text: str) -> bool:
    """``Christian Kleiber, Achim Zeileis``: two names in natural order, not one inverted
    (``Kleiber, Christian``, ``Kleiber, C.``): each side is two or more capitalised words,
    the last of them no initial (``Ilya V. Golovko, Yuri Kozlov``)."""
    sides = text.split(",")
    if len(sides) != 2:
        return False
    return all(
        len(words := side.split()) >= 2
        and all(w[:1].isupper() for w in words)
        and not words[-1].endswith(".")  # "Smith, John A.": one name, inverted
        for side in sides
    )


def latin_key(text: str) -> str:
    """Letters only, in Latin, with the spellings transliterations disagree on merged."""
    latin = anyascii(text).casefold()
    for a, b in (("kh", "h"), ("ts", "c"), ("y", "i"), ("q", "k"), ("j", "zh")):
        latin = latin.replace(a, b)
    return "".join(ch for ch in latin if ch.isalpha())
