"""Turning bytes into text, or refusing with one clear sentence.

Offsets are code points into the text as decoded with line endings kept, a UTF-8 byte-order mark included
(that is what `open(path, encoding="utf-8", newline="")` gives, and what consumers of our offsets use).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 200 * 1024 * 1024  # refuse, rather than exhaust memory on, anything bigger than 200 MB


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 50)


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """(text, encoding). Raises InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"  # a BOM stays as U+FEFF so offsets match the file as decoded
    except UnicodeDecodeError as e:
        utf8_error = e
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_cjk(text):
            return text, enc
    raise InputError(f"{name}: not valid UTF-8 (byte {utf8_error.start}), nor GB18030 or Big5 text")


def _plausible_cjk(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept only text that reads as text."""
    sample = text[:20000]
    if not sample:
        return False
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f")
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or "\ue000" <= c <= "\uf8ff")
    return cjk >= max(1, len(sample) // 20) and odd <= len(sample) // 100


def read_path(path: Path) -> tuple[str, str]:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not an article")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size // (1024 * 1024)} MB is more than the {MAX_BYTES // (1024 * 1024)} MB limit")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    return decode_bytes(data, name)
