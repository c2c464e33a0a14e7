"""Chinese language pack: quantities in Chinese news text.

Arabic numerals (with decimals, thousands separators, full-width digits folded by the reader), Chinese numerals
(五十四亿, 三, 两, 百分之十二点九七), scales 万/亿/万亿, units, qualifiers (余/多/以上/超过: lower bound;
不到/以下/不足: upper bound; 约/近/左右: approximate), ranges (800——1000人, 3至5个), years and dates.
"""

from __future__ import annotations

import re

from ..model import Quantity
from ..read import Document
from . import as_quantities, register
from .masked import PINYIN
from .numbers import UNIT_FACTOR, APPROX, LOWER, NEAR, UPPER, arabic, cn_numeral, cn_place, interval_for, trailing_zeros

CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_NUM = f"[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][{CN}]*(?:点[零〇一二三四五六七八九]+)?"
_AR_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|0\. \d+|\d+(?:\.\d+)?"  # (0. 8: a stray space after 0.)
_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6, "十万": 1e5,
           "万": 1e4, "亿": 1e8}

# Units, longest first so 个百分点 wins over 个 and 平方公里 over 公里.
_UNITS = sorted("""
个百分点 百分点 % ‰ 倍 成
亿美元 美元 港元 港币 欧元 日元 英镑 人民币 元 角 分钱
吨公里 人公里 标准箱 标箱 人次 万人次 人 户 个 家 亩 公顷 千公顷 平方公里 平方米 立方米 m3 m³ 千米 公里 千克 公斤 克 吨 米 市斤 斤
公斤/公顷 千克/公顷 公斤/亩 千克/亩 斤/亩 千瓦时 千瓦 兆瓦 度
头 只 套 辆 台 件 项 条 所 座 名 位 次 批 场 份 本 张 股 种 类 篇 部 处 片 栋 间 床 支 架 艘 列 趟 笔 宗 起 例 对 双 枚 颗
个月 年度 年 月 日 天 小时 分钟 秒 周年 周 岁 届 期 轮 季度 季 点
村 镇 乡 县 市 区 省 州 国 地 校 园 网点 码头 港 城 街道 社区 行业 产业 大类 门类 企业 单位 工程 领域 方面 部门
""".split(), key=len, reverse=True)
# Classifiers of things counted one by one: a whole number of them is an exact count.
COUNT_UNITS = set("""
人次 人 户 个 家 项 条 所 座 名 位 批 场 份 本 张 种 类 篇 部 处 只 套 辆 台 件 头 艘 架 支 例 起 宗 笔 栋 间 床
村 镇 乡 县 市 区 省 州 国 届 网点 码头 校 企业 单位 工程 方面 部门 行业 产业 大类 门类 街道 社区 枚 颗 金 银 铜
""".split())
# A medal tally (9金4银2铜): the metal is the unit, never the head of a longer word (3金融机构, 5银行, 2铜矿)
MEDAL_UNITS = {"金": "金牌", "银": "银牌", "铜": "铜牌"}
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS) + r"|[金银铜](?![\u4e00-\u9fff]?牌)(?=\d|[、,，;；和及与共合总枚的(（。\s]|$)"

_TOKEN = re.compile(
    rf"(?P<pct>百分之(?P<pctnum>{_CN_NUM}))"
    rf"|(?P<ar>{_AR_NUM})(?:[ \u00a0\u3000](?=万|亿|{_UNIT_RE}))?(?P<scale>万亿|千亿|百亿|十亿|千万|百万|十万|万|亿)?"
    rf"(?:{PINYIN})?"  # 萬(wàn)人次: a reading aid
    rf"(?P<more>多|余|有余)?(?P<unit>{_UNIT_RE})?(?P<post>有余|余|多|以上|以下|左右|上下|之多)?"
    rf"|(?P<cn>{_CN_NUM})(?P<cmore>多|余|有余)?(?P<cunit>{_UNIT_RE})(?P<cpost>有余|余|多|以上|以下|左右|上下)?"
)
# Where a token can start (its first character). finditer would try the whole alternation at every character of
# the text; searching for a start first and matching there finds the same tokens in half the time.
_TOKEN_START = re.compile("[百\\d" + _CN_NUM[1:_CN_NUM.index("]")] + "]")


def _tokens(norm: str):
    """_TOKEN.finditer(norm), faster."""
    search, match = _TOKEN_START.search, _TOKEN.match
    pos = 0
    while (s := search(norm, pos)) is not None:
        m = match(norm, s.start())
        if m is None:
            pos = s.start() + 1
        else:
            yield m
            pos = m.end()  # tokens are never empty


_DATETIME = re.compile(r"\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?")
_FRACTION = re.compile(r"(?P<den>[二三四五六七八九十两])分之(?P<num>[一二三四五六七八九])|(?<![一二三四五六七八九十])(?:一半|半数)")
_DOUBLING = re.compile(r"翻了?(?P<n>一|两|二|三)番|翻番")
_RANGE_SEP = re.compile(r"\s*(?:—{1,2}|–|-|~|～|至|到)\s*\Z")

_PREFIX = [  # qualifier words directly before a number
    (re.compile(r"(?:大约|大概|约为|约)\Z"), APPROX),
    (re.compile(r"(?:将近|接近|近)\Z"), NEAR),
    (re.compile(r"(?:超过|超出|逾|多于|至少|最低|不少于|不低于|高于|达到了?|突破|首破|站上|超)\Z"), LOWER),
    (re.compile(r"(?:不到|不足|少于|低于|不超过|最多|最高|未超过)\Z"), UPPER),
]
_PREFIX_LOWER_STRICT = re.compile(r"(?:达到了?)\Z")  # 达到 states a level reached: exact, not a bound
_INDEX_NAME = re.compile(r"(?:沪深|上证|中证|深证|深圳|恒生|标普|日经|富时|创业板|科创|国证|道琼斯)\Z")
_POST_BOUND = {"以上": LOWER, "以下": UPPER, "左右": APPROX, "上下": APPROX, "之多": "exact"}
_YEAR_UNITS = {"年", "年度"}
_DATE_UNITS = {"月", "日"}
_DURATION_UNITS = {"年", "个月", "天", "小时", "分钟", "秒", "周年", "周", "季度", "岁"}
# Units that are not things counted: a number with them is not an amount.
_TYPE_BY_UNIT = {"%": "percent", "‰": "percent", "成": "percent", "个百分点": "points", "百分点": "points",
                 "倍": "multiple"}


def _kind_for(unit: str, digits: str, chinese: bool, after: str) -> str:
    if unit in _TYPE_BY_UNIT:
        return _TYPE_BY_UNIT[unit]
    if unit in _YEAR_UNITS:
        if not chinese and len(digits) == 4 and digits[:2] in ("19", "20"):
            return "year"
        if chinese and len(digits) == 4 and all(c in "零〇一二三四五六七八九" for c in digits):
            return "year"
        return "duration"
    if unit in _DATE_UNITS:
        return "date"
    if unit in _DURATION_UNITS or unit == "期" or unit == "届":
        return "duration"
    return "amount"


@register("zh")
def extract_zh(doc: Document) -> list[Quantity]:
    norm = doc.norm
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for m in _DATETIME.finditer(norm):
        if re.fullmatch(r"\d{1,2}:\d{2}", m.group()) and (_decimal_at(norm, m.start() - 1, -1) or
                                                         _decimal_at(norm, m.end(), 1)):
            continue  # 9.1:39.8:51.1 is a ratio of decimals, not a time of day
        if m.group().count("-") + m.group().count("/") + m.group().count(".") >= 2 or ":" in m.group():
            taken.append((m.start(), m.end()))
            out.append(dict(start=m.start(), end=m.end(), type="date", value=0.0, lo=0.0, hi=0.0, digits=m.group(),
                            decimals=0, unit="", bound="exact", qualifier="", chinese=False, scale=1.0))
    for m in _DOUBLING.finditer(norm):
        # 翻了一番 (×2), 翻两番 (×4), 实现翻番: a multiple said in words
        times = 2.0 ** float(cn_numeral(m.group("n")) or 1) if m.group("n") else 2.0
        taken.append((m.start(), m.end()))
        # a word states a whole number of times: 翻了一番 stands for 1.5 to 2.5 times, as a written 2倍 would
        out.append(dict(start=m.start(), end=m.end(), type="multiple", value=times, lo=times - 0.5, hi=times + 0.5,
                        digits=m.group(), decimals=0, unit="倍", bound="exact", qualifier="", chinese=True,
                        scale=1.0))
    for m in _FRACTION.finditer(norm):
        # 三分之一 (33.3%), 一半 / 半数 (50%): a share said in words; 近/约/超过 before it bound it as for figures
        if m.group("num"):
            num, den = cn_numeral(m.group("num")), cn_numeral(m.group("den"))
            if not num or not den or num >= den:
                continue
            value = float(num) / float(den) * 100
        else:
            value = 50.0
        before = norm[max(0, m.start() - 4):m.start()]
        bound, qualifier = "exact", ""
        for pat, b in _PREFIX:
            pm = pat.search(before)
            if pm:
                bound, qualifier = b, pm.group()
                break
        # a fraction is a round figure: it stands for anything that rounds to it (a third: 30% to 36.7%)
        half = 3.4 if m.group("num") else 2.5
        lo, hi = value - half, value + half
        if bound == "lower":
            hi = float("inf")
        elif bound == "upper":
            lo = 0.0
        elif bound in ("approx", "near"):
            lo, hi = value - 2 * half, (value + half if bound == "approx" else value)
        taken.append((m.start(), m.end()))
        out.append(dict(start=m.start(), end=m.end(), type="percent", value=value, lo=lo, hi=hi, digits=m.group(),
                        decimals=0, unit="%", bound=bound, qualifier=qualifier, chinese=True, scale=1.0))
    # dates, doublings and fractions, merged in text order, so one pointer walks them (a scan per token is
    # quadratic in the length of the text)
    spans: list[list[int]] = []
    for a, b in sorted(taken):
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    k = 0
    for m in _tokens(norm):
        s = m.start()
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s:
            continue
        q = _quantity(m, norm)
        if q is None:
            continue
        out.append(q)
    out.sort(key=lambda d: d["start"])
    _link_ranges(out, norm)
    _link_pairs(out, norm)
    return as_quantities(doc, out)


def _decimal_at(norm: str, i: int, step: int) -> bool:
    """Is there a decimal point at norm[i] joined to a digit on its far side (9.1 before a colon, .8 after)?"""
    j = i + step
    return 0 <= i < len(norm) and 0 <= j < len(norm) and norm[i] == "." and norm[j].isdigit()


def _quantity(m: re.Match, norm: str) -> dict | None:
    s, e = m.start(), m.end()
    before = norm[max(0, s - 4):s]
    if s > 0 and norm[s - 1] == "第":
        typ = "ordinal"
    else:
        typ = None
    chinese = m.group("ar") is None
    qualifier = ""
    bound = "exact"
    scale_text = ""
    scale = 1.0
    if m.group("pct"):
        digits = m.group("pctnum")
        v = cn_numeral(digits)
        if v is None:
            return None
        place = cn_place(digits, v)
        decimals = -place
        unit = "%"
        more = post = None
    elif m.group("ar"):
        digits = m.group("ar")
        if s > 0 and (norm[s - 1].isdigit() or norm[s - 1] == "." and s > 1 and norm[s - 2].isdigit()):
            return None
        if norm[s - 1:s].isalpha() and norm[s - 1].isascii():
            return None  # part of a code such as G20, A股 tickers, model numbers
        if _INDEX_NAME.search(norm[max(0, s - 3):s]) or (norm[e:e + 1].isascii() and norm[e:e + 1].isalpha()
                                                         and not (m.group("unit") in COUNT_UNITS and e - s > 1)):
            return None  # 沪深300, 上证50, 深证100ETF, 5G: names, not quantities
        if norm[s - 1:s] in ("[", "〔") and norm[m.end("ar"):m.end("ar") + 1] in ("]", "〕"):
            return None  # a footnote mark: 国内生产总值[2]
        parsed = arabic(digits)
        if parsed is None:
            return None
        v, decimals = parsed
        scale_text = m.group("scale") or ""
        scale = _SCALES.get(scale_text, 1.0)
        unit = m.group("unit") or ""
        more, post = m.group("more"), m.group("post")
        place = trailing_zeros(v) if decimals == 0 else -decimals
        if digits.startswith("0") and len(digits) > 1 and "." not in digits:
            typ = typ or "number"
    else:
        digits = m.group("cn")
        v = cn_numeral(digits)
        if v is None:
            return None
        unit = m.group("cunit") or ""
        more, post = m.group("cmore"), m.group("cpost")
        if _cn_false_positive(norm, s, digits, unit):
            return None
        place = cn_place(digits, v)
        decimals = -place
    if unit == "成" and not (v == int(v) and 1 <= v <= 10 and len(digits) <= 2):
        unit = ""
        e = m.start("unit") if m.group("unit") else e
    if unit == "点" and not chinese:
        unit = ""  # 8点 is a time, 2245点 an index level: neither is a percentage
        typ = typ or "number"
    # Units of one dimension in one base unit (公顷 and 平方公里 as square metres; 吨 and 公斤 as kilograms), so a
    # share of 9万公顷 in 3000平方公里 computes; the factor joins the scale, so figures still show in their own unit.
    scale *= UNIT_FACTOR.get(unit, (unit, 1.0))[1]
    value = float(v) * scale
    if unit == "成":
        value, decimals, place = float(v) * 10, -1, 1
    typ = typ or _kind_for(unit, digits, chinese, norm[e:e + 2])
    # qualifiers
    if more:
        bound, qualifier = "more", more
    if post:
        if post in ("余", "多", "有余"):
            bound, qualifier = "more", post
        else:
            bound, qualifier = _POST_BOUND[post], post
    if bound == "exact" and typ not in ("year", "date", "ordinal"):
        for pat, b in _PREFIX:
            pm = pat.search(before)
            if pm:
                if _PREFIX_LOWER_STRICT.search(before):
                    break
                bound, qualifier = b, pm.group()
                break
    iv = interval_for(value, decimals, scale, bound, place if bound == "more" else None)
    if bound == "more" and unit == "成":
        iv = interval_for(value, 0, 1.0, "more", 1)
    if typ in ("year", "date", "ordinal"):
        iv = type(iv)(value, value)  # calendar labels are exact, not rounded measurements
    elif (typ == "amount" and bound == "exact" and scale == 1.0 and decimals == 0 and unit in COUNT_UNITS
          and not chinese and not digits.endswith("0" * 3)):
        iv = type(iv)(value, value)  # 97人, 34个县: a count of whole things is exact, not rounded
    return dict(start=s, end=e, type=typ, value=value, lo=iv.lo, hi=iv.hi, digits=digits, decimals=decimals,
                scale=scale, scale_text=scale_text, unit=unit, bound=bound, qualifier=qualifier, chinese=chinese)


_CN_WORDS_BEFORE = set("统唯万进专划同整逐之第单")
_CN_SINGLE_NOT_COUNT = {"一", "两", "二"}


def _cn_false_positive(norm: str, s: int, digits: str, unit: str) -> bool:
    """Chinese numerals hide inside words (统一, 唯一, 进一步, 一体化, 十三五). Keep the ones that count things."""
    prev = norm[s - 1] if s else ""
    if prev in _CN_WORDS_BEFORE and len(digits) == 1:
        return True
    if digits in _CN_SINGLE_NOT_COUNT and unit in ("点", "方面", "部门", "地", "国", "市", "区", "城", "期", "轮", "季"):
        return True  # 一点, 一方面, 一地, 两国: words, not counts
    if unit == "点" and digits[-1] not in "十百千万亿":
        return True  # 三点 is a time or 'points' of an argument
    if digits == "三" and unit == "次" and norm.startswith("产业", s + 2):
        return True  # 三次产业: the three sectors of an economy, not 'three times'
    return False


def _link_ranges(out: list[dict], norm: str) -> None:
    """800——1000人, 3至5个: the first end takes the unit and scale of the second and both are bounds of a range."""
    for i, (a, b) in enumerate(zip(out, out[1:])):
        gap = norm[a["end"]:b["start"]]
        if not gap or len(gap) > 3 or not _RANGE_SEP.match(gap):
            continue
        if b["type"] == "date" and not a["unit"] and a["type"] == "amount" and b["digits"].isdigit():
            a["type"], a["unit"] = "date", b["unit"]  # 1-7月, 3至5日: the first end is a date too
            a["lo"] = a["hi"] = a["value"]
            continue
        if a["type"] in ("date", "ordinal") or b["type"] in ("date", "ordinal"):
            continue
        if a["unit"] and b["unit"] and a["unit"] != b["unit"]:
            continue
        if not a["unit"]:
            a["unit"], a["type"] = b["unit"], b["type"]
            if b["scale"] != 1.0 and a["scale"] == 1.0:
                a["scale"], a["scale_text"] = b["scale"], b["scale_text"]
                f = b["scale"]
                a["value"] *= f
                a["lo"] *= f
                a["hi"] *= f
        a["range_with"] = i + 1
        b["range_with"] = i


_PAIR_SEP = {"和", "、", "与", "及"}


def _link_pairs(out: list[dict], norm: str) -> None:
    """分别提高2.8和18个百分点, 分别为3.5、4.2和5.1%: a bare figure listed right before one with a percentage unit
    takes that unit (read from the end of the list backwards)."""
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if a["unit"] or a["chinese"] or a["type"] not in ("amount", "number") or a.get("range_with") is not None:
            continue
        if b["type"] not in ("percent", "points", "multiple") or b["unit"] == "成" or b["chinese"]:
            continue
        if norm[a["end"]:b["start"]] not in _PAIR_SEP or a["scale"] != 1.0:
            continue
        if a["start"] and (norm[a["start"] - 1] in "第" or norm[a["start"] - 1].isdigit()):
            continue
        a["unit"], a["type"] = b["unit"], b["type"]
