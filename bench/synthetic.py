"""Synthetic sources for the benchmarks: what a file of a source holds, drawn from real text.

Each source is a journal article (a news item one time in seven) with metadata drawn from
real values (``corpus.Pools``): titles, abstracts and keywords in Kazakh, Russian and English,
one to four authors, journal, year, issue, pages, DOI, UDC and GRNTI codes. Its first file
holds a title, an author line, abstracts and keywords, section headings, body paragraphs
(lognormal lengths, about 660 bytes of UTF-8 on average), list items, captions, footnotes
and references. One source in four has a second file (a re-issue) and one in twelve a third,
each with a few paragraphs edited, and at times one deleted, one inserted, two merged or one
split (``reissue``). Everything is a pure function of the source's number and the seed.

``archive_build.py`` turns these into write plans and writes them as an ingest does.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from corpus import LANGUAGES, Pools, SentencePool

from archive.extract.html import EXTRACTOR as HTML_EXTRACTOR
from archive.extract.html import MEDIA_TYPE as HTML
from archive.extract.pdf import EXTRACTOR as PDF_EXTRACTOR
from archive.extract.pdf import MEDIA_TYPE as PDF
from archive.ids import mint_source_key
from archive.models import Artifact, Block, Candidate
from archive.origins import InText, Origin
from archive.origins import Part as TextPart

# A word as rare as a name or a term is in a real corpus: in one source in 2,000 (about one
# paragraph in 100,000), so searching for it measures a search with a handful of hits.
RARE_WORD = "Жасыратынбітімгерлер"
RARE_EVERY = 2_000
_SOURCE_LANGUAGES = ("kk",) * 9 + ("ru",) * 7 + ("en",) * 4
_HEADINGS = {
    "kk": ("Кіріспе", "Әдістер", "Нәтижелер", "Талқылау", "Қорытынды"),
    "ru": ("Введение", "Методы", "Результаты", "Обсуждение", "Заключение"),
    "en": ("Introduction", "Methods", "Results", "Discussion", "Conclusion"),
}
_REFERENCES = {"kk": "Әдебиеттер тізімі", "ru": "Список литературы", "en": "References"}
_SURNAME_ENDINGS = ("ов", "ова", "ев", "ева", "ин", "ина", "бек", "бекова", "ұлы", "қызы")
_PAGE_BYTES = 3_500  # text on a printed page of a journal


# (role, lang, text, pooled sentences or None): a paragraph before it is placed on a page.
Part = tuple[str, str | None, str, tuple[int, ...] | None]


@dataclass(frozen=True, slots=True)
class FileDraft:
    """One file of a source as the archive would read it; ``pieces`` gives, for each block
    made of pooled sentences, their numbers (``corpus.SentencePool``), else None."""

    name: str
    media_type: str
    extractor: str
    blocks: tuple[Block, ...]
    pieces: tuple[tuple[int, ...] | None, ...]
    artifacts: tuple[Artifact, ...]
    candidates: tuple[Candidate, ...]
    url: str | None = None

    @property
    def sha256(self) -> str:
        """Stands for the digest of the file's bytes: unique to its name and text."""
        digest = hashlib.sha256(self.name.encode())
        for block in self.blocks:
            digest.update(block.text.encode())
        return digest.hexdigest()

    @property
    def size(self) -> int:
        return sum(len(b.text.encode()) for b in self.blocks) * 3  # a PDF holds fonts too

    @property
    def pages(self) -> int:
        return len({b.page for b in self.blocks})


@dataclass(frozen=True, slots=True)
class SourceDraft:
    key: str
    lang: str
    files: tuple[FileDraft, ...]


def _surname(rng: random.Random, pools: Pools) -> dict[str, Any]:
    """A real author seven times in ten; else a name made of a real word's letters and a
    surname's ending, so that keys spread as a real archive's do."""
    if rng.random() < 0.3:
        return dict(rng.choice(pools.authors))
    chain = pools.chains[rng.choice(("kk", "ru"))]
    root = ""
    while len(root) < 4 or not root.isalpha():
        root = rng.choice(chain.starts).strip(".,;:«»()").lower()
    family = root[:6].capitalize() + rng.choice(_SURNAME_ENDINGS)
    given = rng.choice(pools.authors)["given"]
    return {"family": family, "given": given, "literal": f"{given} {family}",
            "affiliation": None, "email": None, "orcid": None}


def _candidates(facts: dict[str, Any]) -> list[Candidate]:
    """A file's metadata as its front matter states it (and its PDF info, less trusted)."""
    lang, news = facts["lang"], facts["news"]
    front = InText(TextPart.FRONT_MATTER, 1)
    found = [
        Candidate("authors", facts["authors"], front, priority=80),
        Candidate("year", facts["year"], front, priority=80),
        Candidate("language", lang, Origin.TEXT, priority=20),
        Candidate("languages", list(facts["languages"]), Origin.TEXT, priority=20),
        Candidate("kind", "article-newspaper" if news else "article-journal", Origin.INFERRED,
                  priority=10),
        Candidate("title", facts["titles"][lang], Origin.PDF_INFO, lang, priority=40),
    ]
    found += [Candidate("title", title, front, code, priority=80)
              for code, title in facts["titles"].items()]
    if news:
        found += [Candidate("url", facts["url"], Origin.HTML_META, priority=70),
                  Candidate("publisher", facts["publisher"], Origin.HTML_META, priority=70),
                  Candidate("date", facts["date"], Origin.HTML_META, priority=70)]
        return found
    found += [Candidate("journal", facts["journal"], Origin.RUNNING_HEADER, lang, priority=60),
              Candidate("doi", facts["doi"], front, priority=80),
              Candidate("issue", facts["issue"], Origin.RUNNING_HEADER, priority=60),
              Candidate("volume", facts["volume"], Origin.RUNNING_HEADER, priority=60),
              Candidate("first_page", facts["first_page"], Origin.RUNNING_FOOTER, priority=60),
              Candidate("last_page", facts["last_page"], Origin.RUNNING_FOOTER, priority=60),
              Candidate("udc", facts["udc"], front, priority=80),
              Candidate("grnti", facts["grnti"], front, priority=80)]
    found += [Candidate("keywords", words, front, code, priority=80)
              for code, words in facts["keywords"].items()]
    found += [Candidate("abstract", text, InText(TextPart.ABSTRACT), code, priority=75)
              for code, text in facts["abstracts"].items()]
    return found


def _facts(rng: random.Random, pools: Pools, sentences: SentencePool,
           index: int) -> dict[str, Any]:
    lang = rng.choice(_SOURCE_LANGUAGES)
    news = rng.random() < 1 / 7
    year = rng.randint(1995, 2025)
    languages = (lang,) if news else LANGUAGES
    chains = pools.chains
    facts: dict[str, Any] = {
        "lang": lang, "news": news, "year": year, "languages": languages,
        "authors": [_surname(rng, pools) for _ in range(1 if news else rng.randint(1, 4))],
        "titles": {code: chains[code].words(rng, rng.randint(5, 14)) for code in languages},
        "first_page": rng.randint(3, 180),
    }
    if news:
        site = rng.choice(pools.publishers)
        facts |= {"publisher": site, "date": f"{year}-{rng.randint(1, 12):02d}-"
                  f"{rng.randint(1, 28):02d}", "url": f"https://{site.lower()}/news/{index}"}
        return facts
    journal = rng.choice(pools.journals[lang] or pools.journals["kk"])
    pieces = {code: sentences.pick(rng, code, rng.randint(500, 1100)) for code in languages}
    facts |= {
        "journal": journal, "issue": str(rng.randint(1, 4)), "volume": str(rng.randint(1, 90)),
        "doi": f"10.{rng.randint(1000, 99999)}/{year}.{index}",
        "udc": [rng.choice(pools.udc)], "grnti": [rng.choice(pools.grnti)],
        "keywords": {code: rng.sample(pools.keywords[code], min(5, len(pools.keywords[code])))
                     for code in languages},
        "abstract_pieces": pieces,
        "abstracts": {code: sentences.text(ns) for code, ns in pieces.items()},
    }
    return facts


def _body_size(rng: random.Random) -> int:
    # Lognormal, median 660 bytes, mean about 770: most paragraphs a few sentences long,
    # a few of them a page long.
    return max(80, min(9_000, int(rng.lognormvariate(6.5, 0.55))))


def _prose(rng: random.Random, sentences: SentencePool, role: str, lang: str) -> Part:
    size = _body_size(rng) if role == "body" else rng.randint(60, 300)
    pieces = sentences.pick(rng, lang, size)
    return role, lang, sentences.text(pieces), pieces


def _body(rng: random.Random, pools: Pools, sentences: SentencePool, lang: str,
          index: int) -> list[Part]:
    """The article's sections and references, in reading order."""
    out: list[Part] = []
    for number, heading in enumerate(_HEADINGS[lang], 1):
        out.append(("heading", lang, f"{number}. {heading}" if rng.random() < 0.5 else heading,
                    None))
        for _ in range(rng.randint(3, 12)):
            # now and then a quotation or a gloss in another of the three languages
            code = rng.choice(LANGUAGES) if rng.random() < 0.05 else lang
            kind = rng.random()
            role = "list_item" if kind < 0.06 else "caption" if kind < 0.09 else (
                "footnote" if kind < 0.11 else "body")
            out.append(_prose(rng, sentences, role, code))
    if index % RARE_EVERY == 0:
        role, code, text, _ = out[1]
        out[1] = (role, code, f"{text} {RARE_WORD}.", None)
    out.append(("heading", lang, _REFERENCES[lang], None))
    journals = pools.journals["kk"] + pools.journals["ru"]
    out += [(
        "reference", lang,
        f"{n}. {_surname(rng, pools)['literal']} "
        f"{pools.chains[lang].words(rng, rng.randint(6, 12))} // {rng.choice(journals)}. – "
        f"{rng.randint(1995, 2025)}. – № {rng.randint(1, 4)}. – С. {rng.randint(3, 200)}.",
        None,
    ) for n in range(1, rng.randint(4, 12))]
    return out


def _front(facts: dict[str, Any]) -> list[Part]:
    """The opening: title, authors, then abstract and keywords in each of the article's
    languages."""
    lang = facts["lang"]
    names = ", ".join(a["literal"] for a in facts["authors"])
    out: list[Part] = [("front_matter", lang, facts["titles"][lang], None),
                       ("front_matter", lang, names, None)]
    if facts["news"]:
        return out
    for code in facts["languages"]:
        out.append(("abstract", code, facts["abstracts"][code], facts["abstract_pieces"][code]))
        out.append(("keywords", code, "; ".join(facts["keywords"][code]), None))
    return out


def _paged(facts: dict[str, Any], parts: list[Part]) -> list[Block]:
    """Blocks with their printed pages and sections (the nearest heading above)."""
    blocks: list[Block] = []
    used, section = 0, None
    for role, lang, text, _ in parts:
        if role == "heading":
            section = text
        page = facts["first_page"] + used // _PAGE_BYTES
        blocks.append(Block(text=text, role=role, page=page, lang=lang,  # type: ignore[arg-type]
                            section=None if role == "front_matter" else section))
        used += len(text.encode())
    return blocks


def _artifacts(facts: dict[str, Any], blocks: list[Block]) -> tuple[Artifact, ...]:
    """The running header and the page number of each page, as the cleaner keeps them."""
    head = facts.get("journal") or facts.get("publisher") or ""
    pages = sorted({b.page for b in blocks if b.page is not None})
    found: list[Artifact] = []
    for physical, page in enumerate(pages, 1):
        found.append(Artifact("running-header", f"{head} № {facts.get('issue', 1)}", physical,
                              page))
        found.append(Artifact("page-number", str(page), physical, page))
    return tuple(found)


def _file(facts: dict[str, Any], parts: list[Part], number: int,
          candidates: list[Candidate]) -> FileDraft:
    stem = f"source-{facts['index']:07d}" + (f"-v{number}" if number > 1 else "")
    blocks = _paged(facts, parts)
    pieces = tuple(part[3] for part in parts)
    if facts["news"]:
        return FileDraft(f"{stem}.html", HTML, HTML_EXTRACTOR, tuple(blocks), pieces, (),
                         tuple(candidates), facts["url"])
    return FileDraft(f"{stem}.pdf", PDF, PDF_EXTRACTOR, tuple(blocks), pieces,
                     _artifacts(facts, blocks), tuple(candidates))


def _bodies(parts: list[Part]) -> list[int]:
    """Body paragraphs made of pooled sentences, the ones a re-issue edits."""
    return [i for i, part in enumerate(parts) if part[0] == "body" and part[3]]


def _with(part: Part, pieces: tuple[int, ...], sentences: SentencePool) -> Part:
    return part[0], part[1], sentences.text(pieces), pieces


def _merge_two(parts: list[Part], sentences: SentencePool) -> None:
    """The last two body paragraphs in a row, of one language, become one."""
    body = set(_bodies(parts))
    pairs = [i for i in sorted(body) if i + 1 in body and parts[i][1] == parts[i + 1][1]]
    if pairs:
        i = pairs[-1]
        joined = (parts[i][3] or ()) + (parts[i + 1][3] or ())
        parts[i : i + 2] = [_with(parts[i], joined, sentences)]


def _split_one(parts: list[Part], sentences: SentencePool) -> None:
    """The middle body paragraph is cut in two between sentences."""
    body = _bodies(parts)
    if not body:
        return
    i = body[len(body) // 2]
    pieces = parts[i][3] or ()
    if len(pieces) > 1:
        half = len(pieces) // 2
        parts[i : i + 1] = [_with(parts[i], pieces[:half], sentences),
                            _with(parts[i], pieces[half:], sentences)]


def reissue(rng: random.Random, sentences: SentencePool, parts: list[Part]) -> list[Part]:
    """A later file of the same work: a sentence rewritten in one body paragraph in twenty,
    and at times two paragraphs merged, one split, one deleted or one inserted (each step
    draws its chance first, so that a short work skipping a step draws as a long one does)."""
    out = list(parts)
    body = _bodies(out)
    for i in rng.sample(body, max(1, len(body) // 20)) if body else ():
        pieces = list(out[i][3] or ())
        pieces[rng.randrange(len(pieces))] = sentences.pick(rng, out[i][1] or "kk", 1)[0]
        out[i] = _with(out[i], tuple(pieces), sentences)
    if rng.random() < 0.3:
        _merge_two(out, sentences)
    if rng.random() < 0.3:
        _split_one(out, sentences)
    if rng.random() < 0.3 and len(_bodies(out)) > 1:
        del out[_bodies(out)[1]]
    if rng.random() < 0.5 and len(_bodies(out)) > 2:
        at = _bodies(out)[2]
        out.insert(at, _prose(rng, sentences, "body", out[at][1] or "kk"))
    return out


def source_key(pools: Pools, sentences: SentencePool, index: int, taken: set[str],
               seed: int = 7) -> str:
    """The key of source number ``index``, minted against ``taken`` (which it joins): keys
    are minted in order, and the rest of a source can then be made anywhere."""
    facts = _facts(random.Random(f"{seed}-{index}"), pools, sentences, index)
    key = mint_source_key(facts["authors"][0]["family"], facts["year"], None, None, taken)
    taken.add(key)
    return key


def source(pools: Pools, sentences: SentencePool, index: int, key: str,
           seed: int = 7) -> SourceDraft:
    """Source number ``index``, keyed ``key`` (``source_key``), with its files."""
    rng = random.Random(f"{seed}-{index}")
    facts = _facts(rng, pools, sentences, index) | {"index": index}
    lang = facts["lang"]
    parts = _front(facts)
    if facts["news"]:
        parts += [_prose(rng, sentences, "body", lang) for _ in range(rng.randint(5, 20))]
    else:
        parts += _body(rng, pools, sentences, lang, index)
    facts["last_page"] = _paged(facts, parts)[-1].page
    candidates = _candidates(facts)
    files = [_file(facts, parts, 1, candidates)]
    for number in (2, 3):
        if rng.random() >= (0.25 if number == 2 else 1 / 3):
            break
        parts = reissue(rng, sentences, parts)
        files.append(_file(facts, parts, number, candidates))
    return SourceDraft(key, lang, tuple(files))
