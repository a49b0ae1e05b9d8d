"""Word lists the hyphenation repair falls back on when a document gives no evidence of its
own: first halves of compounds, and how suffixes begin, in Kazakh, Russian and English."""

from __future__ import annotations

# First halves of compounds common enough in the corpus's languages to decide when the
# document itself has no other evidence (Kazakh paired words, Russian compound adjectives).
KNOWN_HEADS = frozenset(
    (
        "іс", "жай", "жан", "өзін", "әскери", "саяси", "қоғамдық", "әлеуметтік",
        "экономикалық", "құқықтық", "ұйымдық", "ғылыми", "техникалық", "ақпараттық", "мәдени",
        "тарихи", "халықаралық", "военно", "социально", "научно", "политико", "экономико",
        "историко", "финансово", "административно", "уголовно", "гражданско", "общественно",
        "культурно", "нормативно", "организационно", "self", "non", "well", "cross",
    )
)  # fmt: skip
# Productive first halves that only count when what follows starts like a word of its own
# (``интернет-ресурстарында``, ``оқ-дәрілерді``): short or common, so never alone.
PRODUCTIVE_HEADS = frozenset(
    ("интернет", "веб", "онлайн", "медиа", "бизнес", "вице", "экс", "оқ", "қару", "web", "e")
)
# How suffixes begin (Kazakh plural, possessive and derivational endings; Russian and English
# inflections): a line-end remainder that starts like this continues a word.
SUFFIX_OPENINGS = tuple(
    (
        "лар", "лер", "дар", "дер", "тар", "тер", "ның", "нің", "дың", "дің", "тың", "тің",
        "нан", "нен", "дан", "ден", "тан", "тен", "мен", "бен", "пен", "лық", "лік", "дық",
        "дік", "тық", "тік", "сыз", "сіз", "ған", "ген", "қан", "кен", "шы", "ші", "сы", "сі",
        "лы", "лі", "ым", "ім", "ың", "ің", "ыз", "із", "ып", "іп", "ул", "уш", "уы", "уі",
        "ла", "ле", "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его",
        "ому", "ему", "ами", "ями", "ых", "их", "ом", "ем", "ов", "ев", "ам", "ям", "ах", "ях",
        "ing", "tion", "ment", "ness", "ed", "ly", "er", "es",
    )
)  # fmt: skip
# Kazakh case endings, negation and aorist end the word or take one more short ending
# («-дағы», «-мады»), so they only mark a short remainder: «кешектерін» opens like the dative
# «-ке» and «бағдарламалар» like the negation «-ба», but both are words.
SHORT_OPENINGS = (
    "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та",
    "те", "ма", "ме", "ба", "бе", "па", "пе", "ар", "ер",
)  # fmt: skip
