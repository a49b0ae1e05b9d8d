"""The command line's typer application: every command, its options and its help.

The short read commands' work is in ``plain``, shared with the quick way in; errors
become messages and exit codes through ``_fail`` (``plain.fail``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from .. import __version__
from ..errors import ArchiveError
from ..limits import DEFAULT_LIMITS, Limits
from . import plain

if TYPE_CHECKING:
    from ..store import Store

app = typer.Typer(
    name="archive",
    help="A document archive and provenance tracker: ingest sources, cite stable paragraph IDs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
metadata_app = typer.Typer(help="Curate metadata with sidecar files.", no_args_is_help=True)
app.add_typer(metadata_app, name="metadata")

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

_state: dict[str, Path] = {}
T = TypeVar("T")


def _home() -> Path:
    return _state["home"]


def _fail(exc: ArchiveError) -> NoReturn:
    raise typer.Exit(plain.fail(exc).exit_code)


def _run(command: Callable[[], int]) -> None:
    """Run one of the commands shared with the quick way in (``plain``)."""
    try:
        code = command()
    except plain.Failed as failed:
        code = failed.exit_code
    if code:
        raise typer.Exit(code)


def _open_store(*, create: bool = False) -> Any:
    from ..store import Store

    try:
        return Store.open(_home(), create=create)
    except ArchiveError as exc:
        _fail(exc)


def _with_store(action: Callable[[Any], T], *, create: bool = False) -> T:
    """Run ``action`` on the open archive; its ``ArchiveError`` becomes a message and exit.

    Only ``ingest`` creates an archive: any other command on a home without one says so.
    """
    store = _open_store(create=create)
    try:
        return action(store)
    except ArchiveError as exc:
        _fail(exc)
    finally:
        store.close()


_print_json = plain.print_json


@app.callback()
def main(
    home: Annotated[Path, typer.Option(
        "--home", envvar="ARCHIVE_HOME", help="Archive home: database and object store.",
    )] = Path("data"),
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    """archive: keep sources, their provenance and citable paragraphs."""
    if version:
        out.print(f"archive {__version__}")
        raise typer.Exit(0)
    _state["home"] = home


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and directories (recursive).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction workers.")] = 1,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="ADDRESS",
        help="Analyse on this Dask cluster's workers (tcp://HOST:8786); written here.",
    )] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="Add the files to this existing source.")] = None,
    metadata_dir: Annotated[Path, typer.Option(
        "--metadata", envvar="ARCHIVE_METADATA", help="Folder of metadata sidecars.",
    )] = Path("metadata"),
    max_mb: Annotated[float, typer.Option(
        "--max-mb", min=0, envvar="ARCHIVE_MAX_MB",
        help="Refuse files larger than this many megabytes (MiB).",
    )] = DEFAULT_LIMITS.max_mb,
    min_letters: Annotated[int, typer.Option(
        "--min-letters", min=0, envvar="ARCHIVE_MIN_LETTERS",
        help="Refuse files with fewer letters of text than this.",
    )] = DEFAULT_LIMITS.min_letters,
) -> None:
    """Ingest files: keep the bytes, extract text, metadata and paragraphs."""
    _run(lambda: plain.ingest(
        _home(), paths, as_json=as_json, jobs=jobs, cluster=cluster, source=source,
        metadata_dir=metadata_dir,
        limits=Limits.of(max_mb, min_letters)))


@app.command()
def show(
    key: Annotated[str, typer.Argument(help="Source key, e.g. kalila-2024.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also say how each paragraph's label was decided, and which rule "
        "opened it (the newest file read again).")] = False,
) -> None:
    """Show a source: metadata with origins, files and paragraphs."""
    _run(lambda: plain.show(_home(), key, as_json=as_json, explain=explain))


@app.command()
def cite(
    paragraph_id: Annotated[str, typer.Argument(help="Paragraph ID, e.g. kalila-2024-p17.")],
    style: Annotated[str, typer.Option(
        "--style", help="gost, apa, chicago, bibtex or csl-json.")] = "gost",
    quote: Annotated[bool, typer.Option("--quote", help="Include the paragraph's text.")] = False,
) -> None:
    """Print a citation for any paragraph ID ever issued: the reference-list entry, then the
    in-text or footnote form that points at the paragraph. Reasons the citation could mislead
    go to stderr."""
    _run(lambda: plain.cite(_home(), paragraph_id, style=style, quote=quote))


@app.command("export")
def export_(
    keys: Annotated[list[str] | None, typer.Argument(
        help="Source keys (default: every source, or those --query finds).")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", help="csl-json, bibtex, ris or bagit.")] = "csl-json",
    query: Annotated[str | None, typer.Option(
        "--query", help="Export the sources whose metadata or text match these words.")] = None,
    out_path: Annotated[Path | None, typer.Option(
        "--out", help="Write here (default: stdout); for bagit, a new directory (required).",
    )] = None,
) -> None:
    """Export sources for reference managers (CSL-JSON, BibTeX, RIS) or as a BagIt bag."""
    from ..export import check_format, references, select

    try:
        check_format(fmt)
    except ArchiveError as exc:
        _fail(exc)
    if fmt == "bagit" and out_path is None:
        _fail(ArchiveError("bagit needs a directory to write the bag to", hint="give --out DIR"))

    def run(store: Any) -> str | None:
        chosen = select(store.conn, keys or [], query)
        if fmt == "bagit":
            from ..export.bag import write_bag

            assert out_path is not None
            write_bag(store.conn, chosen, out_path, store.objects.read)
            return None
        return references(store.conn, chosen, fmt)

    text = _with_store(run)
    if text is None:
        err.print(f"wrote bag {out_path}", markup=False)
    elif out_path is None:
        sys.stdout.write(text)
    else:
        try:
            out_path.write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(ArchiveError(f"{out_path}: cannot write: {exc.strerror or exc}"))


@app.command("import")
def import_(
    bag: Annotated[Path, typer.Argument(help="A bag written by archive export --format bagit.")],
) -> None:
    """Rebuild an archive from a bag: the same sources, files, paragraph IDs, lineage and
    events. The archive home must hold no sources yet."""
    from ..upkeep.restore import import_bag

    keys = _with_store(lambda store: import_bag(store, bag), create=True)
    out.print(f"imported {len(keys)} source(s): {', '.join(keys)}", markup=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any form, \"a phrase\", prefix*, "
                                               "-excluded, OR.")],
    exact: Annotated[bool, typer.Option("--exact", help="The words as written.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="Only this role.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Hits to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    sources: Annotated[bool, typer.Option(
        "--sources", help="Find sources by their titles, abstracts, keywords and authors."
    )] = False,
) -> None:
    """Find paragraphs (or sources): every form of the words (Kazakh typed on a Russian
    keyboard too), best first, as the published tables' search boxes find them."""
    from . import searching  # the search's analysers load only for a search

    if sources:
        if source or lang or role:
            plain.warn("--source, --lang and --role filter paragraphs, not sources")
            raise typer.Exit(2)
        _run(lambda: searching.search_sources(_home(), query, exact=exact, limit=limit,
                                              as_json=as_json))
        return
    _run(lambda: searching.search(_home(), query, exact=exact, source=source, lang=lang,
                                  role=role, limit=limit, as_json=as_json))


@app.command()
def check(
    drafts: Annotated[list[Path], typer.Argument(help="Markdown or text drafts to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON findings.")] = False,
) -> None:
    """Check the paragraph IDs and quotations in a draft against the archive."""
    _run(lambda: plain.check(_home(), drafts, as_json=as_json))


@app.command()
def verify(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check the archive: every original re-hashed against its recorded SHA-256, the
    database's integrity, and objects that nothing refers to."""
    _run(lambda: plain.verify(_home(), as_json=as_json))


@metadata_app.command("init")
def metadata_init(
    key: Annotated[str, typer.Argument(help="Source key.")],
    metadata_dir: Annotated[Path, typer.Option("--metadata", envvar="ARCHIVE_METADATA")] = Path(
        "metadata"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing sidecar.")] = False,
) -> None:
    """Write a sidecar pre-filled with the current values and their origins."""
    from ..upkeep.curation import init_sidecar

    path = _with_store(lambda store: init_sidecar(store, key, metadata_dir, force=force))
    out.print(f"wrote {path}", markup=False)


@metadata_app.command("apply")
def metadata_apply(
    keys: Annotated[list[str] | None, typer.Argument(help="Source keys (default: all).")] = None,
    metadata_dir: Annotated[Path, typer.Option("--metadata", envvar="ARCHIVE_METADATA")] = Path(
        "metadata"),
) -> None:
    """Apply sidecars to sources already ingested (an event each; reversible)."""
    from ..upkeep.curation import apply_sidecars

    changed = _with_store(lambda store: apply_sidecars(store, metadata_dir, keys or None))
    for key, what in changed:
        out.print(f"{key}: {what}", markup=False)
    out.print(f"{len(changed)} source(s) updated", markup=False)


@app.command()
def publish(
    dest: Annotated[Path, typer.Argument(help="A new folder for the bundle.")],
) -> None:
    """Write a bundle for read-only replicas behind a load balancer: a consistent copy of
    the database, the Datasette configuration, templates and plugin, pinned requirements, a
    Dockerfile and a README."""
    from ..ingest.run import refresh_word_forms
    from ..web.bundle import publish as write_bundle

    def bundle(store: Store) -> Path:
        refresh_word_forms(store, paragraphs=False)  # the copy's sources searchable too
        return write_bundle(store, dest)

    folder = _with_store(bundle)
    err.print(f"wrote {folder}: see {folder / 'README.md'}", markup=False)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8001,
    host: Annotated[str, typer.Option("--host", help="Interface.")] = "127.0.0.1",
    live: Annotated[bool, typer.Option(
        "--live", help="Serve an archive that is still being ingested into.")] = False,
) -> None:
    """Publish the archive with Datasette (foreground; Ctrl-C stops it)."""
    from ..ingest.run import refresh_word_forms
    from ..web.publish import datasette_command

    store = _open_store()
    try:
        # An archive from before the sources' word-form index gets it now (a second or so).
        refresh_word_forms(store, paragraphs=False)
        if not live:
            store.checkpoint()  # an immutable reader sees the database file only
    except ArchiveError as exc:
        _fail(exc)
    finally:
        store.close()
    command = datasette_command(store.db_path.name, host=host, port=port, live=live)
    mode = "live" if live else "read-only"
    err.print(f"serving {store.db_path} ({mode}) on http://{host}:{port}/", markup=False)
    sys.stdout.flush()
    sys.stderr.flush()
    # Datasette takes this process's place, so a signal that stops `archive serve` (Ctrl-C,
    # SIGTERM from a service manager) stops the server and frees the port.
    os.chdir(store.home)
    os.execv(command[0], command)
