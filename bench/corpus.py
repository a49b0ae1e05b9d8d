"""Vocabularies of real text for the synthetic archives of the benchmarks (``synthetic.py``).

Words come from the repository's gold files, which hold real Kazakh, Russian and English
paragraphs, each tagged with its language (``tests/golden/*.json``: the seeds, journal
articles, news), and from the real documents in ``tests/data`` as the archive reads them
(saved news pages; English papers and handouts from Debian's packages, whose two slowest
to read, a Russian reference card made of tables and a vignette, are left out);
bibliographic values come from the metadata gold (``*.meta.json``): authors, journals, UDC
and GRNTI codes, keywords. Text is made by a word-bigram chain per
language, so word frequencies follow the real text's (a few words very common, most rare)
while sentences are new, and paragraphs are not repeats of a few hundred sentences.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LANGUAGES = ("kk", "ru", "en")
_SENTENCE_END = re.compile(r"[.!?…]$")
_LONGEST_SENTENCE = 40  # words; a chain that wanders on is cut here


class Chain:
    """A word-bigram model of one language's text: each word is followed by a word that
    followed it in the real text, as often as it did there."""

    def __init__(self, texts: list[str]) -> None:
        self.starts: list[str] = []
        self.following: dict[str, list[str]] = defaultdict(list)
        for text in texts:
            words = text.split()
            if not words:
                continue
            self.starts.append(words[0])
            for here, after in itertools.pairwise(words):
                self.following[here].append(after)
                if _SENTENCE_END.search(here):
                    self.starts.append(after)

    def sentence(self, rng: random.Random) -> str:
        word = rng.choice(self.starts)
        words = [word]
        while not _SENTENCE_END.search(word) and len(words) < _LONGEST_SENTENCE:
            nexts = self.following.get(word)
            if not nexts:
                break
            word = rng.choice(nexts)
            words.append(word)
        text = " ".join(words)
        return text if _SENTENCE_END.search(text) else text.rstrip(",;:—-") + "."

    def text(self, rng: random.Random, size: int) -> str:
        """Sentences until the text holds at least ``size`` bytes of UTF-8."""
        sentences = [self.sentence(rng)]
        used = len(sentences[0].encode())
        while used < size:
            sentences.append(self.sentence(rng))
            used += len(sentences[-1].encode()) + 1
        return " ".join(sentences)

    def words(self, rng: random.Random, count: int) -> str:
        """``count`` words in a row, as a heading or a title reads: no final stop."""
        word = rng.choice(self.starts)
        words = [word]
        while len(words) < count and (nexts := self.following.get(word)):
            word = rng.choice(nexts)
            words.append(word)
        return " ".join(words).rstrip(".,;:—-")


@dataclass
class Pools:
    """Real values to draw from, per language where the value has one."""

    chains: dict[str, Chain]
    authors: list[dict[str, Any]] = field(default_factory=list)
    journals: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    keywords: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    udc: list[str] = field(default_factory=list)
    grnti: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)


def _paragraph_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for path in sorted(GOLDEN.glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for paragraph in data["paragraphs"] if isinstance(data, dict) else data:
            if paragraph.get("lang") in texts and paragraph.get("role") != "reference":
                texts[paragraph["lang"]].append(paragraph["text"])
    return texts


DOCUMENTS = (
    *(ROOT / "tests" / "data" / "realworld" / name for name in (
        "lmtest-intro.pdf", "pic-tufte-handout.pdf", "pub-els5p.pdf", "sci-gastex.pdf")),
    *sorted((ROOT / "tests" / "data" / "html").glob("*.html")),
)
_PROSE = {"body", "list_item", "abstract", "caption", "footnote"}


def _document_texts(texts: dict[str, list[str]]) -> None:
    from archive.ingest.analyse import analyse

    for path in DOCUMENTS:
        for block in analyse(path.read_bytes()).segmentation.blocks:
            if block.lang in texts and block.role in _PROSE:
                texts[block.lang].append(block.text)


def _add_metadata(pools: Pools, fields: dict[str, Any]) -> None:
    for author in fields.get("authors") or []:
        if author.get("family") and author not in pools.authors:
            pools.authors.append(author)
    for lang, name in (fields.get("journals") or {}).items():
        if name not in pools.journals[lang]:
            pools.journals[lang].append(name)
    for lang, words in (fields.get("keywords") or {}).items():
        pools.keywords[lang].extend(w for w in words if w not in pools.keywords[lang])
    pools.udc.extend(c for c in fields.get("udc") or [] if c not in pools.udc)
    pools.grnti.extend(c for c in fields.get("grnti") or [] if c not in pools.grnti)
    if fields.get("publisher") and fields["publisher"] not in pools.publishers:
        pools.publishers.append(fields["publisher"])


@lru_cache(maxsize=1)
def pools() -> Pools:
    """The chains and value pools, read once per process."""
    texts = _paragraph_texts()
    _document_texts(texts)
    found = Pools({lang: Chain(lang_texts) for lang, lang_texts in texts.items()})
    for path in sorted(GOLDEN.glob("*.meta.json")):
        _add_metadata(found, json.loads(path.read_text(encoding="utf-8"))["fields"])
    return found


_CYRILLIC = re.compile("[\u0400-\u04ff]")


class SentencePool:
    """Chain-made sentences with their word-form terms and normal form worked out once.

    A paragraph of pooled sentences of one language (a list of their numbers) costs a join
    instead of stemming and normalising its text again: its terms are its sentences' terms
    joined, its ``norm-v1`` form their normal forms joined (a sentence ends with a stop and
    a space follows it, so no rule of either reaches across). A word's terms depend on the
    paragraph's language only, except a Cyrillic word's in a paragraph of another language,
    where they depend on its share of Kazakh letters: so the English sentences hold no
    Cyrillic. ``tests/test_synthetic_archive.py`` checks both against ``stem_text`` and
    ``fingerprint``.
    """

    def __init__(self, chains: dict[str, Chain], per_language: int, seed: int = 7) -> None:
        from archive.ids import normalise
        from archive.search import stem_text

        rng = random.Random(seed)
        self.texts: list[str] = []
        self.terms: list[str] = []
        self.by_language: dict[str, range] = {}
        for lang in LANGUAGES:
            start = len(self.texts)
            while len(self.texts) - start < per_language:
                text = chains[lang].sentence(rng)
                if lang == "en" and _CYRILLIC.search(text):
                    continue
                self.texts.append(text)
                self.terms.append(stem_text(text, lang))
            self.by_language[lang] = range(start, len(self.texts))
        self.norms = [normalise(t) for t in self.texts]

    def pick(self, rng: random.Random, lang: str, size: int) -> tuple[int, ...]:
        """Sentences of ``lang`` until they hold at least ``size`` bytes of UTF-8."""
        numbers = self.by_language[lang]
        picked = [rng.choice(numbers)]
        used = len(self.texts[picked[0]].encode())
        while used < size:
            picked.append(rng.choice(numbers))
            used += len(self.texts[picked[-1]].encode()) + 1
        return tuple(picked)

    def text(self, pieces: tuple[int, ...]) -> str:
        return " ".join(self.texts[n] for n in pieces)

    def stems(self, pieces: tuple[int, ...]) -> str:
        """The terms of a paragraph of these sentences, in the sentences' language."""
        return " ".join(t for n in pieces if (t := self.terms[n]))

    def fingerprint(self, pieces: tuple[int, ...]) -> str:
        from archive.ids.normalise import normal_fingerprint

        return normal_fingerprint("".join(self.norms[n] for n in pieces))


@lru_cache(maxsize=2)
def sentence_pool(per_language: int, seed: int = 7) -> SentencePool:
    """The pool of ``pools()``'s chains, made once per process for each size and seed."""
    return SentencePool(pools().chains, per_language, seed)
