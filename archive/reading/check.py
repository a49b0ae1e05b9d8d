"""Checking a draft's citations against the archive.

``find_citations`` reads a Markdown or plain-text draft and returns every paragraph ID in it
(``kalila-2024-p17``, ``kalila-2024-p6b``, ``kalila-2024 ¶17``, ``kalila-2024 ¶ 17``, any
case), with its 1-based line and column and the quotation that goes with it: the nearest
quotation (``«…»``, ``“…”``, ``„…“``, ``"…"``) in the same paragraph of the draft, before or
after the ID, within ``QUOTE_REACH`` characters, that is not nearer to another ID.

``check_citations`` resolves each ID (the caller supplies the resolver, usually the store)
and reports, as ``Finding`` values: unknown IDs with the nearest valid ones; IDs whose
paragraph was edited, split, merged or deleted since it was issued; and quotations no
longer found in the cited text (``norm-v1`` containment: case, spacing, hyphenation, quote
and dash styles do not matter; ``…`` or ``[…]`` inside a quotation stands for omitted text),
with a word diff against the closest passage. Deciding the exit code is the CLI's business.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from archive.ids import label_sort_key, normalise, parse_paragraph_id
from archive.store.records import Resolution, ResolutionState

QUOTE_REACH = 200
# Any letters, so a malformed label such as "17a" is reported rather than skipped.
_LABEL = r"\d+[a-z]*"
_ID = re.compile(
    rf"(?<![\w-])(?P<key>[a-z0-9]+(?:-[a-z0-9]+)+)(?:-p|[ \u00a0]?¶[ \u00a0]?)(?P<label>{_LABEL})"
    r"(?![\w-])",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")
_BLANK = re.compile(r"\n[ \t]*\n")
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")

Severity = Literal["error", "warning"]
FindingKind = Literal[
    "unknown-id", "edited", "split", "merged", "deleted", "quote-mismatch", "quote-outdated"
]


@dataclass(frozen=True, slots=True)
class DraftCitation:
    """One paragraph ID found in a draft. ``id`` is canonical (``key-p<label>``)."""

    id: str
    key: str
    label: str
    line: int
    column: int
    raw: str
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    severity: Severity
    citation: DraftCitation
    message: str
    suggestions: tuple[str, ...] = ()
    diff: str | None = None


def _quote_for(
    cites: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> list[tuple[int, int] | None]:
    """For each citation span, the nearest quotation span not nearer to another citation."""

    def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(b[0] - a[1], a[0] - b[1], 0)

    owner: dict[int, list[int]] = {}
    for q, span in enumerate(quotes):
        # Ties go to the citation after the quotation: «…» (kalila-2024-p17) is the usual form.
        best = min(
            range(len(cites)), key=lambda c: (gap(cites[c], span), cites[c][0] < span[0])
        )
        if gap(cites[best], span) <= QUOTE_REACH:
            owner.setdefault(best, []).append(q)
    out: list[tuple[int, int] | None] = []
    for c, span in enumerate(cites):
        mine = owner.get(c, [])
        out.append(
            quotes[min(mine, key=lambda q: (gap(span, quotes[q]), quotes[q][0] > span[0]))]
            if mine
            else None
        )
    return out


def find_citations(draft: str) -> list[DraftCitation]:
    """Every paragraph ID in *draft*, in order, with line, column and nearby quotation."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", draft)]
    blocks = [0] + [m.end() for m in _BLANK.finditer(draft)] + [len(draft) + 1]
    found: list[DraftCitation] = []
    for start, stop in pairwise(blocks):
        text = draft[start:stop]
        matches = list(_ID.finditer(text))
        if not matches:
            continue
        cites = [m.span() for m in matches]
        quotes = [
            q.span()
            for q in _QUOTES.finditer(text)
            if not any(q.start() <= c0 and c1 <= q.end() for c0, c1 in cites)
        ]
        for m, quote in zip(matches, _quote_for(cites, quotes), strict=True):
            key, label = m.group("key").lower(), m.group("label").lower()
            offset = start + m.start()
            row = bisect.bisect_right(line_starts, offset) - 1
            body = text[quote[0] + 1 : quote[1] - 1] if quote else None
            found.append(
                DraftCitation(
                    id=f"{key}-p{label}",
                    key=key,
                    label=label,
                    line=row + 1,
                    column=offset - line_starts[row] + 1,
                    raw=m.group(0),
                    quote=" ".join(body.split()) if body is not None else None,
                )
            )
    return found


def quote_in(quote: str, text: str) -> bool:
    """True when every part of *quote* (split at ellipses) occurs in *text*, in order."""
    haystack = normalise(text)
    pos = 0
    parts = [normalise(p) for p in _ELLIPSIS.split(quote)]
    if not any(parts):
        return True
    for part in parts:
        if not part:
            continue
        at = haystack.find(part, pos)
        if at < 0:
            return False
        pos = at + len(part)
    return True


def word_diff(quote: str, text: str, context: int = 4) -> str:
    """``[-quoted-]{+actual+}`` word diff of *quote* against its closest passage in *text*."""
    qwords, twords = quote.split(), text.split()
    qkeys, tkeys = [normalise(w) for w in qwords], [normalise(w) for w in twords]
    sm = difflib.SequenceMatcher(None, tkeys, qkeys, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if blocks:
        # Widen the passage where the quotation's ends do not match, with a little slack.
        first, last = blocks[0], blocks[-1]
        head, tail = first.b, len(qwords) - last.b - last.size
        lo = max(0, first.a - head - (2 if head else 0))
        hi = min(len(twords), last.a + last.size + tail + (2 if tail else 0))
    else:
        lo, hi = 0, len(twords)
    window = tkeys[lo:hi]
    ops = difflib.SequenceMatcher(None, qkeys, window, autojunk=False).get_opcodes()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            words = qwords[i1:i2]
            if len(words) > 2 * context:
                words = [*words[:context], "…", *words[-context:]]
            out.extend(words)
            continue
        if i2 > i1:
            out.append("[-" + " ".join(qwords[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(twords[lo + j1 : lo + j2]) + "+}")
    return " ".join(out)


def nearest_ids(wanted: str, known_ids: Sequence[str], limit: int = 5) -> tuple[str, ...]:
    """Valid IDs close to *wanted*: same source, nearest labels first; then by edit distance."""
    parsed = parse_paragraph_id(wanted)
    out: list[str] = []
    if parsed:
        key, label = parsed
        try:
            number = label_sort_key(label)[0]
        except ValueError:
            number = 0
        same = []
        for kid in known_ids:
            p = parse_paragraph_id(kid)
            if p and p[0] == key:
                same.append((abs(label_sort_key(p[1])[0] - number), label_sort_key(p[1]), kid))
        out.extend(kid for *_, kid in sorted(same)[:3])
    # Only a mistyped ID needs the fuzzy matcher: a citation that resolves never loads it.
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    close = process.extract(
        wanted, known_ids, scorer=Levenshtein.distance, limit=limit, score_cutoff=3
    )
    for kid, _, _ in sorted(close, key=lambda t: (t[1], t[0])):
        if kid not in out:
            out.append(kid)
    return tuple(out[:limit])


def _check_quote(
    cite: DraftCitation, res: Resolution, resolve: Callable[[str], Resolution | None]
) -> Finding | None:
    quote = cite.quote
    if not quote:
        return None
    texts = [res.text or ""]
    if res.status in {"split", "merged"}:
        texts += [r.text or "" for i in res.into if (r := resolve(i)) is not None]
    if any(quote_in(quote, t) for t in texts):
        return None
    if res.first_text and quote_in(quote, res.first_text):
        return Finding(
            "quote-outdated",
            "warning",
            cite,
            f"the quotation matches {cite.id} as first issued, not its current text",
            diff=word_diff(quote, res.text or ""),
        )
    return Finding(
        "quote-mismatch",
        "error",
        cite,
        f"the quotation is not in {cite.id}",
        diff=word_diff(quote, res.text or res.first_text or ""),
    )


def check_citations(
    citations: Sequence[DraftCitation],
    resolve: Callable[[str], Resolution | None],
    known_ids: Sequence[str],
) -> list[Finding]:
    """Findings for *citations*, in draft order (a citation may give several)."""
    findings: list[Finding] = []
    for cite in citations:
        res = resolve(cite.id)
        if res is None:
            near = nearest_ids(cite.id, known_ids)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            findings.append(
                Finding("unknown-id", "error", cite, f"unknown paragraph ID {cite.id}{hint}", near)
            )
            continue
        into = ", ".join(res.into)
        status_messages: dict[ResolutionState, tuple[FindingKind, Severity, str]] = {
            "edited": ("edited", "warning", f"{cite.id} was edited since it was issued"),
            "split": ("split", "warning", f"{cite.id} was split; its text continues in {into}"),
            "merged": ("merged", "warning", f"{cite.id} was merged into {into}"),
            "deleted": ("deleted", "error", f"{cite.id} was deleted; it resolves to its last text"),
        }
        if res.state in status_messages:
            kind, severity, message = status_messages[res.state]
            findings.append(Finding(kind, severity, cite, message, res.into))
        quote_finding = _check_quote(cite, res, resolve)
        if quote_finding:
            findings.append(quote_finding)
    return findings
