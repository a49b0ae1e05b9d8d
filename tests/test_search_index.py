"""An archive indexed with older search rules is re-indexed when it is next written."""

from __future__ import annotations

from pathlib import Path

from migrations import database_before

from archive import search
from archive.ingest.run import ingest_paths, refresh_word_forms
from archive.search import INDEX_VERSION, stem_query, stem_text
from archive.store import Store, ranked

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _found(store: Store, query: str) -> int:
    sql = "SELECT count(*) FROM paragraphs_stems WHERE paragraphs_stems MATCH ?"
    return int(store.db.execute(sql, [stem_query(query)]).fetchone()[0])


def test_old_index_is_rebuilt_on_the_next_ingest(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    with Store.open(tmp_path) as store:
        ingest_paths(store, [seed])
        assert store.word_forms_version() == INDEX_VERSION
        assert _found(store, "миротворец") > 0
        # As an archive indexed by the previous rules: Snowball stems, an older version.
        store.rebuild_word_forms(lambda text, lang: "миротворц", "terms-v1")
        store.db.conn.commit()
        assert _found(store, "миротворец") == 0
        ingest_paths(store, [seed])  # the same bytes again: nothing new, but re-indexed
        assert store.word_forms_version() == INDEX_VERSION
        assert _found(store, "миротворец") > 0


def test_edits_and_tombstones_leave_a_sound_contentless_index(tmp_path: Path) -> None:
    """The index keeps no copy of its terms: the store takes a paragraph's out by computing
    them again, and FTS5's own check finds the index sound afterwards."""
    seed = next(SEEDS.glob("001_*.txt"))
    paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    edited = [p.replace("миротворц", "миротворческ", 1) for p in paragraphs]
    assert edited != paragraphs
    # The same article with the peacekeepers' word changed and its last paragraphs gone.
    (tmp_path / "edited.txt").write_text("\n\n".join(edited[:-3]), encoding="utf-8")
    with Store.open(tmp_path / "home") as store:
        ingest_paths(store, [seed])
        before = _found(store, "миротворец")
        [second] = ingest_paths(store, [tmp_path / "edited.txt"]).files
        assert second.status == "new_version", second
        assert store.integrity_problems() == []
        assert 0 <= _found(store, "миротворец") < before
        live = store.db.execute("SELECT count(*) FROM paragraphs WHERE status = 'live'")
        indexed = store.db.execute("SELECT count(*) FROM paragraphs_stems_docsize")
        assert live.fetchone()[0] == indexed.fetchone()[0]
        tombstones = store.db.execute("SELECT count(*) FROM paragraphs WHERE status != 'live'")
        assert tombstones.fetchone()[0] > 0


def test_an_archive_with_a_copy_of_its_terms_upgrades(tmp_path: Path) -> None:
    from archive.store.schema import migrate

    db = database_before(tmp_path / "archive.db", "0010_word_forms_contentless")
    db.execute("INSERT INTO sources (key) VALUES ('a-2024')")
    for n, text in enumerate(["Миротворцы ООН", "Бітімгершілік миссиялар", "Другое"], 1):
        db.execute("INSERT INTO paragraphs (id, source, seq, text, lang, status) "
                   "VALUES (?, 'a-2024', ?, ?, 'ru', 'live')", [f"a-2024-p{n}", n, text])
        db.execute("INSERT INTO paragraphs_stems (rowid, stems) VALUES (?, ?)",
                   [n, stem_text(text, "ru")])
    db.conn.commit()
    assert migrate(db)[0] == "0010_word_forms_contentless"
    sql = "SELECT rowid FROM paragraphs_stems WHERE paragraphs_stems MATCH ?"
    assert [r[0] for r in db.execute(sql, [stem_query("миротворец")])] == [1]
    assert db.execute("SELECT stems FROM paragraphs_stems").fetchall() == [(None,)] * 3
    db.execute("INSERT INTO paragraphs_stems(paragraphs_stems) VALUES ('integrity-check')")


def test_sources_of_an_older_archive_get_their_word_forms(tmp_path: Path) -> None:
    """Migration 0013 adds the sources' word-form index empty; serving or ingesting fills it
    (``refresh_word_forms``), and the paragraphs' index is left as it was."""
    db = database_before(tmp_path / "archive.db", "0013_source_word_forms")
    db.execute(
        "INSERT INTO sources (key, title, language, abstracts, keywords, author_names) "
        "VALUES ('a-2024', 'Бітімгершілік миссиялар', 'kk', ?, ?, '[\"Қалила Асқар\"]')",
        ['{"ru": "Участие миротворцев в миссиях ООН"}', '{"en": ["peacekeeping"]}'],
    )
    db.execute("UPDATE search_index SET version = ? WHERE name = 'paragraphs_stems'",
                [INDEX_VERSION])
    db.conn.commit()
    db.close()

    def found(store: Store, query: str) -> list[int]:
        tiers = search.tiers(query, table="sources")
        assert tiers is not None
        return ranked.best_rowids(store.conn, *tiers)

    with Store.open(tmp_path) as store:
        assert store.word_forms_version("sources_stems") is None
        assert found(store, "миротворец") == []
        refresh_word_forms(store, paragraphs=False)
        assert store.word_forms_version("sources_stems") == INDEX_VERSION
        # a title's form, an abstract's Russian form, an English keyword, an author's name
        for query in ("бітімгершілікке", "миротворец", "peacekeepers", "Қалила"):
            assert found(store, query) == [1], query
        assert store.integrity_problems() == []
