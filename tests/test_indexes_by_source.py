"""Reads of one source's rows use an index (migrations 0018, 0019), not a scan of the table."""

from __future__ import annotations

from pathlib import Path

from migrations import database_before

from archive.store.schema import migrate


def test_a_sources_lineage_is_read_by_index(tmp_path: Path) -> None:
    db = database_before(tmp_path / "archive.db", "0018_lineage_by_source")
    assert migrate(db)[0] == "0018_lineage_by_source"
    plans = {
        sql: " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ["a-2024", "x"]))
        for sql in (
            "SELECT DISTINCT paragraph_id FROM paragraph_versions WHERE source = ? "
            "AND paragraph_id != ? ORDER BY id",
            "SELECT max(id) FROM paragraph_versions WHERE source = ? AND ? IS NOT NULL "
            "GROUP BY paragraph_id",
        )
    }
    for sql, plan in plans.items():
        assert "idx_paragraph_versions_source_paragraph_id" in plan, sql


def test_a_sources_artifacts_are_counted_by_index(tmp_path: Path) -> None:
    # Datasette's row page of a source counts the rows of each table that refers to it.
    db = database_before(tmp_path / "archive.db", "0019_artifacts_by_source")
    assert migrate(db) == ["0019_artifacts_by_source"]
    plan = " ".join(row[3] for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM artifacts WHERE source = ?", ["a-2024"]))
    assert "idx_artifacts_source" in plan
