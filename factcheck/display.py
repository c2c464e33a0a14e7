"""Showing text that came from input (file names, article text, sidecar keys, reasons, config values) on a
terminal, in a CI log or inside a report, without letting it act on what shows it.

A newline in a file name would start a new line in a CI log (`::add-mask::…` or `::error …` are then commands to
the runner); ESC starts a terminal escape sequence; bidi controls reorder what a reader sees; a byte of a file
name that is not UTF-8 cannot be written at all. Each of these is shown as a visible escape (\\n, \\x1b, \\u202e,
\\xff for a raw byte) wherever input reaches a stream.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi and other invisible format characters, line/paragraph separators, lone
# surrogates (undecodable bytes of file names), interlinear annotation marks.
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                    "\ud800-\udfff\ufff9-\ufffb]")
# The same without the controls JSON and XML already escape or refuse: what a data format still has to escape.
INVISIBLE = re.compile("[\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
                       "\ufff9-\ufffb]")


def _escape(m: re.Match) -> str:
    c = m.group()
    o = ord(c)
    if c == "\n":
        return "\\n"
    if c == "\r":
        return "\\r"
    if 0xDC80 <= o <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def clean(s: object) -> str:
    """One line of text safe for any terminal or CI log: every control, invisible or undecodable character shown
    as an escape."""
    return UNSAFE.sub(_escape, str(s))


# UNSAFE without the line breaks: for text shown as a block (an HTML page), where a line break is just a line break.
_UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                     "\ufeff\ud800-\udfff\ufff9-\ufffb]")


def visible(s: object) -> str:
    """Text for a page: line breaks and tabs kept, every other control, bidi or invisible character shown as an
    escape, so what a reader sees is what the text holds."""
    return _UNSEEN.sub(_escape, str(s))


def json_escape_invisible(dumped: str) -> str:
    """A JSON document with bidi controls, separators and lone surrogates written as \\u escapes (same data)."""
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def xml_escape_invisible(doc: str) -> str:
    """An XML document with bidi and other invisible characters written as character references (same data)."""
    return INVISIBLE.sub(lambda m: f"&#x{ord(m.group()):x};" if not 0xD800 <= ord(m.group()) <= 0xDFFF
                         else "\ufffd", doc)


def clean_lines(s: object) -> str:
    """Like clean, but keeps line breaks and tabs (for a message shown as a block)."""
    return "\n".join(clean(line) for line in str(s).split("\n"))
