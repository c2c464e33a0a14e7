"""Stage 1: bytes -> Document. Decoding, normalisation with exact offsets, line index, page furniture."""

from .decode import decode_bytes, read_path
from .document import Document, make_document

__all__ = ["Document", "decode_bytes", "make_document", "read_path"]
