"""Turning bytes into text, or refusing with one clear sentence.

Offsets are code points into the text as decoded with line endings kept, a UTF-8 byte-order mark included
(that is what `open(path, encoding="utf-8", newline="")` gives, and what consumers of our offsets use).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..display import clean
from ..errors import InputError
from .document import count

# A news article is a few KB; the longest statistical bulletins are a few hundred KB. Anything over 10 MB is not
# an article (a dump, a log, a mistaken path): it is refused from its size alone, before a byte is read, so a
# 100 MB file costs milliseconds and no memory. Inside the limit memory stays bounded at roughly 20x the file.
MAX_BYTES = 10 * 1024 * 1024

# The most frequent characters of Chinese news text, in both scripts. GB18030 and Big5 each decode most byte
# strings of the other without error, so the decoding that reads as the more ordinary text wins.
_COMMON_ZH = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清万亿元率占市县省"
    "這個們為時來發於對會動業過說產種後經進頭體當從現實兩還應開與關間樣數線內變條沒結問無係軍題黨員總設長區強"
    "決戰則據處隊給門導壓濟階術極聯認權證億萬點較將組見計別資統級圖邊農運論幾"
)

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_NOT_CONTROL = bytes(range(32, 256)) + bytes((9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # control bytes other than tab, newlines, form feed, ESC
    return controls > max(8, len(head) // 50)


# Documents that are not text: what they are, so the message can say what to do instead.
_DOCUMENTS = ((b"%PDF-", "a PDF document"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word (.doc) document"),
              (b"{\\rtf", "an RTF document"))
_ZIPPED = {".docx": "a Word document", ".odt": "an OpenDocument text", ".pages": "a Pages document",
           ".epub": "an EPUB book", ".xlsx": "an Excel workbook", ".pptx": "a PowerPoint file"}
SAVE_AS_TEXT = "save it as text (or pass the HTML)"


def _document_kind(data: bytes, name: str) -> str | None:
    for magic, what in _DOCUMENTS:
        if data.startswith(magic):
            return what
    if data.startswith(b"PK\x03\x04"):
        suffix = name[name.rfind("."):].lower() if "." in name else ""
        return _ZIPPED.get(suffix, "a ZIP archive")
    return None


def _utf16_without_bom(data: bytes) -> bool:
    """Most NULs at even (or at odd) positions: UTF-16 text saved without its byte-order mark."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) > len(head) // 8 and min(even, odd) * 10 < max(even, odd)


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """(text, encoding). Raises InputError for empty, binary, oversized or undecodable input."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data) // (1024 * 1024)} MB is more than the "
                         f"{MAX_BYTES // (1024 * 1024)} MB limit for one article")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    doc = _document_kind(data, name)
    if doc:
        raise InputError(f"{name}: {doc}, not text: {SAVE_AS_TEXT}")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)  # the codec drops the mark; the text starts at the first character
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {enc.upper()} byte-order mark but is not valid "
                                 f"{enc.upper()}") from None
            if "\x00" in text:
                raise InputError(f"{name}: contains NUL characters: looks like a binary file, not text")
            return text, enc
    if b"\x00" in data[:8192] and _utf16_without_bom(data):
        raise InputError(f"{name}: looks like UTF-16 without a byte-order mark; save it as UTF-8")
    if b"\x00" in data:
        raise InputError(f"{name}: contains NUL bytes: looks like a binary file, not text")
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"  # a BOM stays as U+FEFF so offsets match the file as decoded
    except UnicodeDecodeError as e:
        utf8_error = e
    best: tuple[float, str, str] | None = None
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_cjk(text):
            score = _common_share(text)
            if best is None or score > best[0]:
                best = (score, text, enc)
    # GB18030 and Big5 decode most byte strings: Shift-JIS, EUC-JP or EUC-KR text comes out as a string of rare
    # characters (or, for EUC-JP, with kana in it). Only text that reads as ordinary Chinese is accepted.
    if best is not None and (best[0] >= MIN_COMMON_SHARE or _cjk_count(best[1]) < 20) and not _foreign(best[1]):
        return best[1], best[2]
    raise InputError(f"{name}: not valid UTF-8 (byte {utf8_error.start}), nor GB18030 or Big5 Chinese text "
                     "(Japanese or Korean encodings are not read; save it as UTF-8)")


# Share of the characters of ordinary Chinese text among the CJK characters: about 0.6-0.8 in news text, under 0.2
# when Japanese or Korean bytes are decoded as GB18030 or Big5.
MIN_COMMON_SHARE = 0.3


_HAN = re.compile("[\u4e00-\u9fff]+")  # runs of each script, counted by read.document.count
_KANA = re.compile("[\u3040-\u30ff]+")
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff]+")


def _cjk_count(text: str) -> int:
    return count(_HAN, text[:20000])


def foreign_script(text: str) -> str | None:
    """'Japanese' or 'Korean' when kana or hangul make up a fair part of the letters, else None."""
    sample = text[:20000]
    kana = count(_KANA, sample)
    hangul = count(_HANGUL, sample)
    if kana <= 10 and hangul <= 10:
        return None  # neither can pass its test below, whatever han is (counting han is the slow part)
    han = count(_HAN, sample)
    if hangul > max(10, han // 4):
        return "Korean"
    if kana > max(10, han // 5):
        return "Japanese"
    return None


def _foreign(text: str) -> bool:
    return foreign_script(text) is not None


def _plausible_cjk(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept only text that reads as text."""
    sample = text[:20000]
    if not sample:
        return False
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f")
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or "\ue000" <= c <= "\uf8ff")
    return cjk >= max(1, len(sample) // 20) and odd <= len(sample) // 100


def _common_share(text: str) -> float:
    sample = [c for c in text[:20000] if c >= "\u3400"]
    return sum(1 for c in sample if c in _COMMON_ZH) / max(1, len(sample))


def read_path(path: Path, root: Path | None = None) -> tuple[str, str]:
    """Read and decode an article: a regular file of at most MAX_BYTES (links may not leave root)."""
    from ..fileio import read_limited

    data = read_limited(path, MAX_BYTES, root=root, what="article")
    return decode_bytes(data, clean(path))


def read_stream(stream, name: str = "<stdin>") -> tuple[str, str]:
    """Read and decode an article from a binary stream (standard input), reading at most MAX_BYTES + 1 bytes."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: more than the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
    return decode_bytes(data, name)
