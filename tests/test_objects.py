import os
import stat

import pytest

from archive.errors import StoreError
from archive.hashing import sha256_hex
from archive.store.objects import ObjectStore


def test_put_stores_bytes_under_their_hash_read_only(tmp_path):
    store = ObjectStore(tmp_path / "objects")
    data = "Қазақстан Республикасы".encode()
    digest = store.put(data)
    path = store.path_for(digest)
    assert digest == sha256_hex(data)
    assert path.relative_to(tmp_path / "objects").parts[:3] == ("sha256", digest[:2], digest[2:4])
    assert path.read_bytes() == data
    assert not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert store.verify(digest)
    assert not list(path.parent.glob(".incoming-*"))


def test_put_never_overwrites_an_existing_object(tmp_path):
    store = ObjectStore(tmp_path / "objects")
    digest = store.put(b"original")
    before = os.stat(store.path_for(digest)).st_mtime_ns
    assert store.put(b"original") == digest
    assert os.stat(store.path_for(digest)).st_mtime_ns == before


def test_verify_detects_changed_bytes(tmp_path):
    store = ObjectStore(tmp_path / "objects")
    digest = store.put(b"original")
    path = store.path_for(digest)
    os.chmod(path, 0o644)
    path.write_bytes(b"tampered")
    assert not store.verify(digest)


def test_unwritable_home_is_a_store_error(tmp_path):
    blocker = tmp_path / "objects"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StoreError, match="cannot store object"):
        ObjectStore(blocker).put(b"x")
