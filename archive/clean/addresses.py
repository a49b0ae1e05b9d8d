"""Addresses and paths broken at a line end: where the line break is no space."""

from __future__ import annotations

import re

from archive.lineshapes import ADDRESS_HEAD

# A word that is (part of) an address: a scheme, "www.", an e-mail.
ADDRESS_TOKEN = re.compile(r"://|^www\.|@\w")
_SCHEME = re.compile(r"(?:https?|ftp|file):", re.IGNORECASE)
# An address's start, or a DOI's (``doi:10.1016/j.``: its suffix breaks at dots too).
_URL_START = re.compile(ADDRESS_HEAD + r"\S", re.IGNORECASE)


_HOST_ROOT = re.compile(r"(?:https?|ftp)://[^\s/]+/", re.IGNORECASE)  # a site's address, whole
# A word that is the rest of an address, its path or query: a slash, ``=``, ``?``, ``&``,
# ``#`` or a dot inside it ("package=RecordLinkage", "Descriptions/gdata.html."), which a
# word of a sentence has not.
ADDRESS_PART = re.compile(r"[\w~%#?=&+:@-]*(?:[/=?&#]|\.\w)[\w./~%#?=&+:@;-]*[.,;)]?")


def broken_at_slash(left: str, right: str) -> bool:
    """A path, an address or words joined by a slash broken at the slash: a text copy
    wrapped at spaces breaks them there when they do not fit (``distrib/`` + ``ftplist``,
    ``software`` + ``/hurd``); a slash never ends or opens a word of running text."""
    last = left.rsplit(" ", 1)[-1]
    if _SCHEME.fullmatch(last.lstrip("(<«\"")) and right.startswith("//"):
        return True  # "https:" + "//www.gnu.org/…"
    if _HOST_ROOT.fullmatch(last.lstrip("(<«\"")) and not ADDRESS_PART.fullmatch(
            right.split(" ", 1)[0]):
        return False  # "http://www.jstatsoft.org/" + "published by …": the address is whole
    if last.endswith("://") or (len(last) >= 2 and last[-1] == "/" and last[-2] != "/"):
        # "\\subtabenumitem/" + "\\subitem"; "/opt/" + "<package>", a placeholder's bracket
        return right[:1].isalnum() or right[:1] == "\\" or (
            right[:1] == "<" and last[:1] in "/~")
    if last == "/" and _PATH_REST.match(right):
        return True  # a path's root alone at the end: "/" + "usr/share/file"
    # "netboot/debian-installer" + "/amd64/initrd.gz": a path or an address goes on.
    return right[:1] == "/" and right[1:2].isalnum() and (
        _URL_START.search(last) is not None or _PATH_HEAD.fullmatch(last) is not None)


# A relative path's directories, more than two words a slash joins ("and/or"): two slashes,
# or a character no word has; not ending in a file's name (a list of paths one a line,
# "/usr/include/argtable2.h" ⏎ "/usr/lib/libargtable2.a", holds whole ones).
_PATH_HEAD = re.compile(r"(?=[^/]*/[^/]*/|.*[\d_~-])[\w.-]+(?:/[\w.-]+)*/[\w-]+")


# The rest of a path after its root: directories, each followed by a slash but the last.
_PATH_REST = re.compile(r"[\w.<>-]+/[\w.<>/-]*(?:[\s,.;:)]|$)")
_URL_GOES_ON = re.compile(r"[a-z0-9][\w-]*(?:/\S*|\.[\w-]+\S*)", re.IGNORECASE)


def broken_at_dot(left: str, right: str) -> bool:
    """An address broken after one of its dots (``https://doi.`` + ``org/10.18637/…``,
    ``www.`` + ``debian.org``, ``doi:10.1016/j.`` + ``csda.2008.11.033``), or after a
    character no address ends with (``…/Rnews/Rnews_`` + ``2007-1.pdf``): the next line's
    first word goes on as an address does, with a slash or a dot inside it; a sentence
    that ends with an address is followed by a word."""
    last = left.rsplit(" ", 1)[-1].lstrip("(<«\"")
    if last.endswith("..") or not last.endswith((".", *_NEVER_LAST)) or not _URL_START.match(
            last):
        return False
    first = right.split(" ", 1)[0]
    # A host broken before its last name ("http://qvalue.princeton." + "edu."): a sentence
    # would open with a capital.
    return _URL_GOES_ON.fullmatch(first) is not None or (
        _HOST_OPEN.fullmatch(last) is not None and _TOP_LEVEL.fullmatch(first) is not None)


_HOST_OPEN = re.compile(r"(?:(?:https?|ftp)://|www\.)[\w-]+(?:\.[\w-]+)*\.", re.IGNORECASE)
_TOP_LEVEL = re.compile(r"[a-z]{2,6}[.,;:)]?")


_NEVER_LAST = ("_", "=", "&", "?", "#")  # an address's characters that never end one


# A DOI to its line's end: "doi: 10.1145/9922", "https://doi.org/10.1145/9922".
_DOI_END = re.compile(r"(?:^|[\s(<:/])10\.\d{4,9}/[^\s]*[\w\-.]$")
# What goes on from it: the suffix's rest, with a dot or a digit in it, not a year.
_DOI_REST = re.compile(r"(?!(?:19|20)\d\d\b)[\w\-./()]*[\d.][\w\-./()]*[.,;]?")


def broken_in_doi(left: str, right: str) -> bool:
    """A DOI broken inside its suffix (TeX's ``\\doi`` breaks anywhere, with no hyphen):
    ``doi: 10.1145/9922`` + ``00.992206.``, ``doi:10.18637/jss.v078.`` + ``i09.``. A DOI
    that ends its line whole is followed by a word, or by the next entry's year."""
    last = left.rsplit(" ", 1)[-1]
    if _DOI_END.search(" " + last) is None:
        return False
    return _DOI_REST.fullmatch(right.split(" ", 1)[0]) is not None


# An address with a path to its line's end: "http://host/…/bioinforma".
_PATH_END = re.compile(r"(?:https?://|www\.)[^\s/]+/\S*[\w]$", re.IGNORECASE)


def broken_in_address(left: str, right: str) -> bool:
    """An address broken anywhere in its path, with no mark at the break (a word processor
    breaks a long one where the line is full): ``…/2015/03/28/bioinforma`` +
    ``tics.btv184.abstract?keytype=ref``. The next line's first word goes on as only an
    address's path or query does: with ``?``, ``=`` or ``&`` in it, or a slash and a dot
    (not "and/or")."""
    last = left.rsplit(" ", 1)[-1].lstrip("(<«\"")
    if _PATH_END.fullmatch(last) is None:
        return False
    first = right.split(" ", 1)[0].rstrip(".,;)")
    return ADDRESS_PART.fullmatch(first) is not None and (
        any(ch in first for ch in "?=&#") or ("/" in first and "." in first))


# A program's name broken after one of its underscores ("gss_" + "check_version()"): a
# word of running text never ends with one; Markdown's "_emphasis_" opens with one too.
_IDENTIFIER_HEAD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_")
_IDENTIFIER_REST = re.compile(r"[a-z0-9]")


def broken_at_underscore(left: str, right: str) -> bool:
    """An identifier broken after one of its underscores: the next line goes on with it."""
    last = left.rsplit(None, 1)[-1].lstrip("(<«\"'`")
    # A constant in capitals goes on in capitals ("IDN2_NFC_" + "INPUT").
    return _IDENTIFIER_HEAD.fullmatch(last) is not None and (
        _IDENTIFIER_REST.match(right) is not None
        or (last.isupper() and right[:1].isupper()))

