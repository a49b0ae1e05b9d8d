"""What an ingest reads of the paragraphs already stored goes through an index of the source
or of the fingerprints: never every live paragraph of the archive, for each file written."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.run import ingest_paths
from archive.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _plan(store: Store, sql: str) -> str:
    return " ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_no_read_of_an_ingest_walks_every_live_paragraph(tmp_path: Path) -> None:
    with Store.open(tmp_path / "home") as store:
        ingest_paths(store, [SEEDS / "000_d613d50ca8d86847.txt"])
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)  # SQL with its values in place
        try:
            report = ingest_paths(store, [SEEDS / "001_0956fffff0b724be.txt"])
        finally:
            store.conn.set_trace_callback(None)
        assert [f.status for f in report.files] == ["new"]
        reads = [sql for sql in statements
                 if "FROM paragraphs WHERE" in sql and not sql.startswith("--")]
        # The two reads that once walked the whole status index: the source's paragraph
        # count, and the sources that share a fingerprint with the new file.
        assert any("count(*) FROM paragraphs WHERE source" in sql for sql in reads)
        assert any("WHERE fingerprint IN" in sql for sql in reads)
        for sql in reads:
            plan = _plan(store, sql)
            assert "SCAN paragraphs" not in plan, (sql, plan)
            assert "idx_paragraphs_status (status=?)" not in plan, (sql, plan)
