"""Chinese counted lists: a count phrase in apposition to the list it counts.

  牛、羊、菜、果、薯、药“六大产业”      the list right before the count
  学士、硕士和博士三个阶段              items joined by 、 and, last, by 和/与/及
  包括六个方面：甲；乙；丙；丁；戊       the list right after the count (a colon, 即, 分别是, 包括)
  两大原因：一是…二是…                 numbered points

Never a rank (前五位, 第四名), a range (第二至五名), an article number (第十八条), a floor (五层), a name (热血三国,
巴黎九大, 斗六市, a title in 《》), a quoted phrase, or 几十. Where the items can be read two ways (地区及国际经济问题 is
one item or two), each reading is kept: the count is wrong only when no reading gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.numbers import cn_numeral

_CLASSIFIER = (r"大类|大|小|个|项|类|种|条|方面|部分|家|所|只|支|座|批|级|层|环节|阶段|步|点|件|位|名|国|省|市|县|区|地|城|"
               r"所高校|张|门|款|套|组|队|轮|期|场|道")
_COUNT = re.compile(rf"(?P<n>[2-9]|1\d|20|[两二三四五六七八九十]|十[一二三四五六七八九])(?P<cls>{_CLASSIFIER})"
                    rf"(?P<noun>[\u4e00-\u9fff]{{0,6}})")
_ITEM_MAX = 24
_CONJ = "和|与|及|以及|或"
_BAD_ALWAYS = re.compile(r"(?:第|前|后|近|约|数|几|每|那|哪|各|再|又|多|超|逾|少|满|另|另外|其余|其他|剩余|"
                         r"[\d一二三四五六七八九十]\s*(?:至|到)|-|—|~|～|[一二三四五六七八九十\d]、)\Z")
# what a count of characters, times or ages counts is not a list of items
_BAD_NOUN = re.compile(r"\A(?:字|字母|词|句|遍|次|倍|岁|年|天|小时|分钟|秒|周|月|页|层楼|楼)")
_NUMERAL_IN_ITEM = re.compile(r"\d|-|第[一二三四五六七八九十\d]|[一二三四五六七八九十两百千万]+(?:个|项|类|种|大|级|层|家|所|只|名|位|条|册|期|届|号)")
_BAD_BEFORE = re.compile(r"(?:第|前|后|近|约|数|几|上|下|每|那|哪|是|有|各|共|仅|只|再|又|多|超|逾|至|到|和|及|与|或|-|—|~|～)\Z")
_BAD_AFTER = re.compile(r"\A(?:以上|以下|以内|左右|多|余|之一|之间|第|年|月|日|天|周|小时|分钟|倍|成|%|百分点|个百分点)")


@dataclass
class CountClaim:
    start: int  # the numeral and its classifier and noun
    end: int
    numeral_end: int
    n: int
    readings: list[tuple[int, str]] = field(default_factory=list)  # (items, how the list was read)
    examples: bool = False  # the list ends with 等: it may name only some
    closed: bool = False  # 这/此 stands between the list and the count: the list is all of them
    where: str = ""


_LEAD_VERB = re.compile(r".*(?:分为|分成|包括|包含|涵盖|如|即|是|为|有|在|对|将|把|由)")


def _items(segment: str) -> list[tuple[int, str]]:
    """Readings of a 、-list: items split at 、, the last also at a conjunction when that makes items of like length;
    a conjunction inside an earlier item (主任某某和甲、乙、丙) may start the list afresh."""
    segment = re.sub(r"[(（][^()（）]{0,20}[)）]", "", segment.strip())
    parts = segment.split("、")
    if any(_NUMERAL_IN_ITEM.search(p) for p in parts[1:]) or parts[-1].endswith("的") or "等" in parts[-1]:
        return []
    if len(parts) > 1:
        # the first item carries the words that introduce the list (资产分为通用物资): keep its tail
        m0 = _LEAD_VERB.match(parts[0])
        rest = [len(p) for p in parts[1:-1]] + [len(x) for x in re.split(_CONJ, parts[-1])]
        if m0 and len(parts[0]) - m0.end() >= 1 and len(parts[0]) > max(rest) + 2:
            parts[0] = parts[0][m0.end():]
    if _NUMERAL_IN_ITEM.search(parts[0]):
        return []
    longest_other = max(len(p) for p in parts[:-1]) if len(parts) > 1 else 0
    last_item = re.split(rf"(?<=[\u4e00-\u9fff)）])(?:{_CONJ})(?=[\u4e00-\u9fff])", parts[-1])[-1]
    if len(parts) > 1 and len(last_item) > max(longest_other + 3, 2 * longest_other):
        return []  # the last 'item' runs on into the sentence: the count is not in apposition to the list
    shortest_other = min(len(p) for p in parts[:-1]) if len(parts) > 1 else 0
    if len(parts) > 1 and len(parts[-1]) == 1 and shortest_other >= 3:
        return []  # 云林四湖、斗六市: the count is part of a name (斗六市), not a count of the list
    restart = None
    for k in range(len(parts) - 2, -1, -1):
        cm = re.search(rf"(?<=[\u4e00-\u9fff])(?:{_CONJ})(?=[\u4e00-\u9fff])", parts[k])
        if cm:
            restart = k
            break
    if restart is not None:
        fresh = _items("、".join(parts[restart:])[re.search(rf"(?:{_CONJ})", parts[restart]).end():]) \
            if len(parts) - restart >= 2 else []
        whole = [(len(parts) - (0 if True else 0), "items split at 、")]
        return fresh + [(n + 0, how) for n, how in whole if n not in {f for f, _ in fresh}]
    if any(not p.strip() for p in parts) or any(len(p) > _ITEM_MAX for p in parts):
        return []
    out = [(len(parts), "items split at 、")]
    last = parts[-1]
    m = re.search(rf"(?<=[\u4e00-\u9fff)）])(?:{_CONJ})(?=[\u4e00-\u9fff])", last)
    if m:
        out.append((len(parts) + 1, f"the last item split at '{m.group()}'"))
        # a list whose items are short and alike is read with the split only
        halves = [last[:m.start()], last[m.end():]]
        others = sorted(len(p) for p in parts[:-1]) or [len(halves[0])]
        typical = others[len(others) // 2]
        if all(abs(len(h) - typical) <= 1 for h in halves) and typical <= 4:
            out = out[1:]
    return out


def _in_title_or_quote(norm: str, s: int, e: int) -> bool:
    left = norm[max(0, s - 30):s]
    o, c = left.rfind("《"), left.rfind("》")
    if o > c:
        return True
    return False


def find_counts(norm: str, furniture) -> list[CountClaim]:
    out: list[CountClaim] = []
    for m in _COUNT.finditer(norm):
        s, e = m.start(), m.end()
        if furniture(s, e):
            continue
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else cn_numeral(raw)
        if n is None or not 2 <= int(n) <= 20:
            continue
        n = int(n)
        before = norm[max(0, s - 3):s]
        after = norm[m.end("cls"):m.end("cls") + 4]
        if s and (norm[s - 1].isdigit() or norm[s - 1] in ".十百千万亿零〇几两一二三四五六七八九"):
            continue
        if _BAD_ALWAYS.search(before) or _BAD_AFTER.match(after) or _in_title_or_quote(norm, s, e):
            continue
        if m.group("cls") in ("名", "位", "级", "层", "期", "轮", "场", "道", "点") and not m.group("noun"):
            continue  # 五名 alone is a rank or a headcount, 五层 a floor
        if m.group("cls") in ("大", "小") and (not m.group("noun") or n >= 10):
            continue  # 十大重仓股, 十大新闻: a ranking's top ten, rarely listed in full
        if _BAD_NOUN.match(m.group("noun")):
            continue
        if m.group("cls") in ("级", "层") and not m.group("noun"):
            continue
        claim = CountClaim(start=s, end=m.end("cls") + len(m.group("noun")), numeral_end=m.end("n"), n=n)
        claim.end = _noun_end(norm, m)
        rest = norm[m.end("cls"):m.end("cls") + 10]
        if re.match(r"\A[\u4e00-\u9fff]{0,6}?(?:等|之一|之中|中的|里的|以上)", rest):
            continue  # 9所理工大学等高校: the count is itself an item; 三大工具之一: one of them
        if (not _BAD_BEFORE.search(before) and _before(norm, claim)) or _after(norm, claim):
            out.append(claim)
    return out


_NO_NOUN = set("市县区省州国地城镇乡村家所只位名")  # 三市援助干部: the count is 三市; what follows is another word


def _noun_end(norm: str, m: re.Match) -> int:
    if m.group("cls") in _NO_NOUN:
        return m.end("cls")
    e = m.end("noun")
    # the noun ends before a verb or particle that continues the sentence
    k = re.search(r"的|是|为|有|在|中|等|和|与|及|里|上|之|均|都|也|又|还|已|将|被|从|对", m.group("noun"))
    return m.end("cls") + (k.start() if k else len(m.group("noun")))


def _before(norm: str, c: CountClaim) -> bool:
    """The list right before the count: 甲、乙和丙三类 / 牛、羊…“六大产业” / 甲、乙等七市."""
    i = c.start
    if i and norm[i - 1] in "“\"「":
        i -= 1
    tail = norm[max(0, i - 12):i]
    inside = re.search(r"在内的?\Z", tail)
    if inside:
        c.examples = True
        i -= len(inside.group())
        tail = norm[max(0, i - 12):i]
    k = tail.rfind("等")
    if k >= 0 and re.fullmatch(r"[“”\"「」\u4e00-\u9fff]{0,8}", tail[k + 1:]):
        c.examples = True
        i = i - (len(tail) - k)
    else:
        dm = re.search(r"(?:这|此|上述|以上)\Z", norm[max(0, i - 2):i])
        if dm:
            i -= len(dm.group())  # 甲、乙和丙这3只: the list, then 这
            c.closed = True
            if dm.group() in ("上述", "以上") and norm[i - 1:i] in ",，":
                i -= 1  # 甲、乙和丙，上述3只基金: the list is the clause before
    j = i
    while j > 0 and norm[j - 1] not in ",;:。!?；：，\n()（）“”\"「」《》" and i - j < 200:
        j -= 1
    segment = norm[j:i]
    if "、" not in segment:
        pair = re.search(rf"[\u4e00-\u9fff]{{1,12}}(?:{_CONJ})[\u4e00-\u9fff]{{1,12}}\Z", segment)
        if pair and (c.n == 2 or c.closed) and not c.examples:
            # 甲和乙两部分: a bare conjunction joins two items, so it can confirm a two and nothing else, unless 这
            # closes the list (甲和乙这4只: two named, four counted)
            c.readings, c.where = [(2, "two items joined by a conjunction")], "before"
            return True
        clauses = _clause_items(norm, c.start)
        if clauses >= 2:
            c.readings, c.where = [(clauses, "one clause with a rate per item")], "before"
            return True
        return False
    if re.search(r"[\d%]", segment):
        return False
    readings = _items(segment)
    if not readings:
        return False
    c.readings, c.where = readings, "before"
    return True


_LEAD = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:[:：]|[,，]即|[,，]?分别是|[,，]?分别为|[,，]?包括|[:：]即|,主要是|[,，]?依次为)")


def _after(norm: str, c: CountClaim) -> bool:
    """The list right after the count: N大X：甲、乙、丙 / N个方面：一是…二是… / N个方面：甲；乙；丙."""
    j = c.end
    m = _LEAD.match(norm, j)
    if not m:
        return False
    j = m.end()
    end = j
    while end < len(norm) and norm[end] not in "。\n" and end - j < 600:
        end += 1
    body = norm[j:end]
    if re.match(r"\s*(?:一是|其一|第一|首先|一[,，、.．])", body):
        para = norm[j:j + 3000]
        k = 0
        for om in re.finditer(r"(?:^|[,;。:!?，；：\s])\s*(?:([一二三四五六七八九十])是|其([一二三四五六七八九十])|"
                              r"第([一二三四五六七八九十])[,，、]|([一二三四五六七八九十])[,，、.．](?![一二三四五六七八九十]))", para):
            g = om.group(1) or om.group(2) or om.group(3) or om.group(4)
            v = "一二三四五六七八九十".index(g) + 1
            if v == k + 1:
                k = v
            elif v == 1 and k:
                break
        if k >= 2:
            # numbered points may be followed by one more said otherwise (最乐观的看法…): at least k
            c.readings, c.where, c.examples = [(k, "numbered points")], "after", True
            return True
        return False
    if ";" in body or "；" in body:
        segs = [x for x in re.split(r"[;；]", body) if x.strip()]
        if len(segs) >= 2 and all(len(x) <= 200 for x in segs):
            c.readings, c.where = [(len(segs), "items separated by semicolons")], "after"
            return True
        return False
    first = re.split(r"[,，:：。]", body)[0]
    if "、" not in first or re.search(r"[\d%\-·]", first):
        return False
    if re.search(r"等\s*\Z", first):
        c.examples = True
        first = re.sub(r"等\s*\Z", "", first)
    readings = _items(first)
    if not readings:
        return False
    # 分别为甲、乙、丙，以及今年新加入的丁和戊: the list goes on after a clause opened by 以及/还有
    more = 0
    for piece in re.split(r"[,，]", body)[1:]:
        m2 = re.match(r"\s*(?:以及|还有)(?![\d一二两三四五六七八九十])", piece)
        if not m2:
            break
        rest = re.sub(r"^[^、和与及]*?的", "", piece[m2.end():])
        k = _items(rest) if "、" in rest else [(2 if re.search(_CONJ, rest[1:]) else 1, "")]
        if not k:
            return False
        more += k[0][0]
    c.readings, c.where = [(n + more, how + (" and the items after 以及" if more else "")) for n, how in readings], "after"
    return True


_RATE_CLAUSE = re.compile(r"(?:其中|同时|而|另外)?[\u4e00-\u9fff()（）]{2,24}?(?:同比)?(?:增长|下降|增加|减少|上涨|下跌)了?-?\d+(?:\.\d+)?%")


def _clause_items(norm: str, i: int) -> int:
    """Items given as clauses right before the count, one rate each (甲业增长9.1%，乙业增长5.2%，三大行业合计…):
    the count must open its clause, and the clauses before it all have that one shape."""
    start = max(norm.rfind("。", 0, i), norm.rfind("\n", 0, i), norm.rfind("；", 0, i), norm.rfind(";", 0, i)) + 1
    pieces = re.split(r"[,，]", norm[start:i])
    if len(pieces) < 3 or pieces[-1].strip():
        return 0
    n = 0
    for piece in reversed(pieces[:-1]):
        if _RATE_CLAUSE.fullmatch(piece.strip()):
            n += 1
        else:
            return n
    return n
