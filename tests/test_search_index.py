"""An archive indexed with older search rules is re-indexed when it is next written."""

from __future__ import annotations

from pathlib import Path

from archive.ingest import ingest_paths
from archive.search import INDEX_VERSION, stem_query
from archive.store import Store

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
        store.db.execute("UPDATE paragraphs_stems SET stems = 'миротворц'")
        store.db.execute("UPDATE search_index SET version = 'terms-v1'")
        store.db.conn.commit()
        assert _found(store, "миротворец") == 0
        ingest_paths(store, [seed])  # the same bytes again: nothing new, but re-indexed
        assert store.word_forms_version() == INDEX_VERSION
        assert _found(store, "миротворец") > 0
