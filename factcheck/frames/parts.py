"""Parts and their whole.

  全年投入资金18.6亿元，其中：东区5.2亿元、西区6.1亿元…   a whole, then 其中 and its parts
  第一产业…，第二产业…，第三产业…                             a known partition (lexicon): the list is complete
  四市…投入54.33亿元，其中：天津…、福州…、厦门…、青岛…        a stated count that the parts match: complete
  甲区3亿元，乙区2亿元，合计5亿元                            parts, then the total (合计, 共计, 总计)

A complete list adds up to its whole (sum(parts) = total); a list that may be partial only bounds it
(sum(parts) <= total), and a single part under 其中 is at most its whole. Parts are the levels of the whole's
dimension (its unit) in the 其中 block, not the changes and rates beside them; a nested 其中 opens a breakdown of
the part before it, not of the whole. The binding is certain when the parts are siblings: they name a known
partition, or their measures share a head (第一产业增加值, 第二产业增加值), or they are a bare list of names.
"""

from __future__ import annotations

import re

from ..facts.model import Fact
from . import Binding, frame
from .common import holds, other_measure, same_dimension, same_kind, short_name, tokens, window, wordy

_PUNCT = r"[,，;；:：。.\s]"
_STOP = r"[。!?！？\n]"


def _lcs_suffix(words: list[str]) -> str:
    if not words or any(not w for w in words):
        return ""
    if all(wordy(w) for w in words):
        # English: the head noun ends a measure (special dividend) or opens it (exports to Asia)
        toks = [tokens(w) for w in words]
        k = 0
        while all(len(t) > k for t in toks) and len({t[-1 - k] for t in toks}) == 1:
            k += 1
        if k:
            return " ".join(toks[0][len(toks[0]) - k:])
        k = 0
        while all(len(t) > k for t in toks) and len({t[k] for t in toks}) == 1:
            k += 1
        return " ".join(toks[0][:k])
    s = words[0]
    for w in words[1:]:
        k = 0
        while k < min(len(s), len(w)) and s[-1 - k] == w[-1 - k]:
            k += 1
        s = s[len(s) - k:]
    return s


def _partition(lex, parts: list[Fact], whole: Fact | None = None):
    """The lexicon partition the parts name completely, one part each, or None. A partition that names its whole
    (三次产业 make up 生产总值) is complete only under that whole: electricity use has a fourth part, households."""
    for p in lex.partitions:
        if len(p.parts) != len(parts):
            continue
        if whole is not None and p.whole and not holds(whole.measure, p.whole):
            continue
        used = set()
        ok = True
        for f in parts:
            name = f.measure or f.scope
            named = [w for w in p.parts if holds(name, w)]
            # the longest word that names it (第一产业 rather than 一), and never a word inside its partner (出口/进出口)
            named = [w for w in named if not any(w != v and w in v and holds(name, v) for v in p.parts)]
            hit = [w for w in named if w not in used]
            if len(hit) != 1 or len(named) != 1:  # 'public and private nonprofit' names two parts: it is neither
                ok = False
                break
            used.add(hit[0])
        if ok and len(used) == len(p.parts):
            return p
    return None


def _topic_whole(lex, facts: list[Fact], before: Fact, members: list[Fact], wholes: set[int],
                 parts: set[int] = frozenset()) -> Fact | None:
    """The whole a topic's breakdown belongs to (按经营地分，城镇…；乡村…; 从贸易方式看，一般贸易…): of the figures of the
    last sentences, the one whose measure shares most with the parts' common head; among equals, one that is broken
    down elsewhere (the lead total), then the nearest — not simply the figure before the marker (对欧盟进出口)."""
    head = _lcs_suffix([m.key for m in members]) if len(members) > 1 else members[0].key
    grams = {head[i:i + 2] for i in range(len(head) - 1)}
    partition = _partition(lex, members) if len(members) > 1 else None
    cands = []
    for f in facts:
        if f.index > before.index or f.sentence < before.sentence - 10 or f.role != "level" or f.paren:
            continue
        if not same_kind(f, members[0]) or any(f.index == m.index for m in members):
            continue
        if not f.additive and not (partition is not None and partition.whole and holds(f.measure, partition.whole)):
            continue  # an average is the whole only of a known partition of what it averages
        if f.index in parts:
            continue  # 按经营地分…；按消费类型分…: the second topic breaks down the first one's whole, not its part
        if any(m.key and m.key == f.key for m in members):
            continue  # 4月第三产业用电量 measures what a part measures: a part of another period, not the whole
        if f.period.span and members[0].period.span and f.period.span != members[0].period.span:
            continue  # 4月份 total, 1-4月 parts: the whole of another period
        if any(w in f.measure and not any(w in m.measure for m in members) for w in lex.words("statistic")):
            continue  # 可支配收入中位数 is no sum of the sources' means
        score = len(grams & {f.key[i:i + 2] for i in range(len(f.key) - 1)})
        if partition is not None and partition.whole and holds(f.measure, partition.whole):
            score += 10  # 三次产业 make up 生产总值: the lexicon names the whole
        if score and members[0].scope and f.scope == members[0].scope:
            score += 1  # 全国居民人均工资性收入…: the whole of the same place (not 城镇居民 just before)
        if score == 0:
            continue
        cands.append((score, f.index in wholes, f.index, f))
    if not cands:
        return None
    best = max(cands, key=lambda t: t[:3])[3]
    if max(t[0] for t in cands) == 0:
        return None  # nothing names it: a known partition alone does not say whose breakdown it is
    best.cues.append("topic-block")
    return best


def _qualifies_next(ctx, f: Fact, facts: list[Fact]) -> bool:
    """南方4区用水量3314.7亿立方米: a count run straight into a figure of another dimension, with only a measure's
    words between, says whose figure it is (the 4 regions'); it is no whole of its own."""
    nxt = facts[_position(ctx, facts)[f.index] + 1] if _position(ctx, facts)[f.index] + 1 < len(facts) else None
    if nxt is None or nxt.clause != f.clause or same_dimension(nxt.q, f.q) or f.q.type != "amount":
        return False
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,8}", ctx.doc.norm[f.q.end:nxt.q.start]))


def _subset_makes_whole(members: list[Fact], whole: Fact) -> list[str]:
    """The texts of a proper sub-list of two or more parts whose sum meets the whole's interval, or []."""
    from itertools import combinations

    if len(members) > 8:
        return []
    for k in range(len(members) - 1, 1, -1):
        for combo in combinations(members, k):
            lo = sum(f.q.lo for f in combo)
            hi = sum(f.q.hi for f in combo)
            if lo <= whole.q.hi and hi >= whole.q.lo:
                return [f.q.text for f in combo]
    return []


def _without_compare(lex, gap: str) -> str:
    """The gap without the comparison phrases of the figures in it (比上年增长22.5%): those name no period of the
    figures that follow."""
    for w in lex.words("compare"):
        gap = gap.replace(w, " ")
    return gap


def _period_runs(block: list[Fact]) -> list[list[Fact]]:
    """The block cut where a figure names a period other than the run's (7月份… then 1-7月份…)."""
    runs: list[list[Fact]] = [[]]
    period = None
    for f in block:
        if f.role == "level" and f.period.span and period is not None and f.period != period and runs[-1]:
            runs.append([])
        if f.role == "level" and f.period.span:
            period = f.period
        runs[-1].append(f)
    return [r for r in runs if r]


def _taken_parts(bindings: list[Binding]) -> set[int]:
    return {q.index for b in bindings for q in b.slots.get("parts") or [b.slots.get("part")] if q}


def _topic_follows(ctx, lex, f: Fact) -> bool:
    """Does a topic opener start the sentence after f (…的85.9%。按收入来源分，…)? Its whole is found by what the
    parts measure, so the figure before it may be any figure."""
    end = ctx.facts.sentences[f.sentence][1]
    return bool(lex.marker("topic").match(ctx.doc.norm[end:end + 40].lstrip("。.!?！？\n \u3000")))


def _partition_siblings(lex, a: Fact, b: Fact) -> bool:
    for p in lex.partitions:
        if p.whole and holds(a.measure, p.whole):
            continue  # 进出口 is the whole of 出口 and 进口, not their sibling
        wa = [w for w in p.parts if holds(a.measure, w)]
        wb = [w for w in p.parts if holds(b.measure, w)]
        if wa and wb and not set(wa) & set(wb):
            return True
    return False


def _complement(lex, parts: list[Fact]) -> bool:
    """Two parts where one is the other's complement (税收收入 and 非税收入): together they are the whole."""
    if len(parts) != 2:
        return False
    a, b = parts[0].measure, parts[1].measure
    for x, y in ((a, b), (b, a)):
        for m in lex.marker("complement").finditer(y):
            if y[:m.start()] + y[m.end():] == x:
                return True
    return False


def _stated_count(ctx, whole: Fact) -> int | None:
    """A count of the parts stated before the whole in its sentence (东部四市…54.33亿元，其中…)."""
    fs = ctx.facts
    s, _ = fs.sentences[whole.sentence]
    return fs.count_in(ctx.doc.norm[s:whole.q.start])


def _bare(ctx, f: Fact) -> bool:
    """Is f's clause just a name and the figure (小学68所; 其中男生4.37万人), nothing else said in it?"""
    if ctx is None:
        return False
    norm = ctx.doc.norm
    a = max(norm.rfind(ch, 0, f.q.start) for ch in ",，;；:：。\n") + 1
    ends = [k for k in (norm.find(ch, f.q.end) for ch in ",，;；:：。\n") if k >= 0]
    b = min(ends) if ends else len(norm)
    name = f.measure or f.scope
    rest = norm[a:b].replace(f.q.text, "").replace(name, "")
    return len(name) >= 2 and len(re.sub(r"其中|为|有|是|达|共|[()（）]", "", rest)) <= 1


def _siblings(parts: list[Fact], ctx=None) -> str:
    """Why the parts are one breakdown: a shared head of their measures, or a bare list of names ('' if neither)."""
    measures = [p.measure for p in parts]
    head = _lcs_suffix(measures)
    if len(head) >= 2:
        return f"parts of one kind ({head})"
    names = [p.measure or p.scope for p in parts]
    if len({p.clause for p in parts}) == 1 and all(short_name(m) for m in names):
        return "a list of named parts"  # 东区5.2亿元、西区6.1亿元: one clause, names and figures
    if len({p.clause for p in parts}) == len(parts) and all(_bare(ctx, p) for p in parts):
        return "a list of named parts"  # 小学68所，初中31所，普通高中9所: a name and a figure to each clause
    return ""


_QUARTERS = {"Q1": {1, 2, 3}, "Q2": {4, 5, 6}, "Q3": {7, 8, 9}, "Q4": {10, 11, 12}, "H1": set(range(1, 7)),
             "H2": set(range(7, 13)), "Y": set(range(1, 13)), "Q1-3": set(range(1, 10))}


def _months(span: str) -> set[int] | None:
    if span in _QUARTERS:
        return _QUARTERS[span]
    m = re.fullmatch(r"M(\d+)(?:-(\d+))?", span or "")
    if m:
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        return set(range(a, b + 1)) if a <= b else None
    return None


def _period_parts(parts: list[Fact], whole: Fact | None = None) -> bool:
    """Parts dated to periods that do not overlap (一季度, 二季度, 三季度); with a whole, they cover its period exactly
    (Q1 + Q2 + Q3 = 前三季度)."""
    spans = [_months(p.period.span) if p.period_explicit else None for p in parts]
    if any(s is None for s in spans):
        return False
    union: set[int] = set()
    for s in spans:
        if union & s:
            return False
        union |= s
    if whole is None:
        return True
    w = _months(whole.period.span)
    return w is not None and w == union


_WINDOW = 200


def _position(ctx, facts: list[Fact]) -> dict[int, int]:
    """Each fact's position in the list, computed once per document."""
    cache = ctx.__dict__.setdefault("_fact_positions", {})
    if id(facts) not in cache:
        cache[id(facts)] = {f.index: i for i, f in enumerate(facts)}
    return cache[id(facts)]


def _block(ctx, lex, whole: Fact, facts: list[Fact]) -> list[Fact] | None:
    """The facts of the 其中 block that follows the whole, or None when no block follows it."""
    fs = ctx.facts
    norm = ctx.doc.norm
    pos = _position(ctx, facts)[whole.index]
    after = facts[pos + 1:pos + 1 + _WINDOW]  # the figures after the whole (a block is never longer than this)
    # the whole's own change, rate, prior and rank may stand between it and the marker (总值X，上年同期为Y，同比增长p%，
    # 居第2位。其中)
    k = 0
    while k < len(after) and after[k].sentence == whole.sentence and (
            after[k].subject == whole.index or after[k].role in ("rate", "change", "points", "cagr", "avg_rate", "rank")
            or (after[k].clause == whole.clause and after[k].role == "level" and _in_pair(ctx, after[k].q))):
        k += 1  # (and its partner in a pair said 分别: 产销分别完成1562.1万辆和1565.3万辆)
    sat_end = after[k - 1].q.end if k else whole.q.end
    after = after[k:]
    nxt = after[0] if after else None
    s_start, s_end = fs.sentences[whole.sentence]
    gap_end = nxt.q.start if nxt is not None else s_end
    gap = norm[sat_end:gap_end]
    block_sentence = None
    m = lex.marker("breakdown").search(gap)
    topic = False
    if m is None:
        m = lex.marker("topic").search(gap)
        topic = m is not None
    if m:
        # the marker opens the clause or the sentence right after the whole (…亿元，其中… / …亿元。其中…), or
        # follows a few words of the whole's own clause (…亿元(现价)，其中)
        before_marker = gap[:m.start()]
        if re.fullmatch(_PUNCT + "*", before_marker):
            block_sentence = whole.sentence
            if re.search(_STOP, before_marker):  # the marker opens the next sentence (past blank lines)
                block_sentence = nxt.sentence if nxt is not None else whole.sentence + 1
        elif (len(before_marker) <= 12 or (wordy(before_marker) and len(before_marker.split()) <= 8)) and not re.search(
                _STOP, before_marker):
            block_sentence = whole.sentence
        elif (nxt is not None and nxt.sentence == whole.sentence + 1 and len(re.findall(_STOP, before_marker)) == 1
              and re.fullmatch(_PUNCT + "*", re.split(_STOP, before_marker)[-1])):
            # …同比增长47.1%，提前2个月完成全年目标。其中：出口…: the marker opens the sentence right after the whole's,
            # and nothing but words without figures stands between
            block_sentence = nxt.sentence
    elif (lex.marker("container").fullmatch(re.split(r"[,，;；:：]", gap)[0] + "，")
          and nxt is not None and nxt.sentence == whole.sentence
          and (not lex.has_marker("container_lead") or lex.marker("container_lead").search(norm[max(s_start, whole.q.start - 80):whole.q.start]))):
        # 在70只分红的基金中，债券型基金有46只…; Of the 20 sectors surveyed, 13 …: a container and its members
        block_sentence = whole.sentence
        m = None
    elif nxt is not None and nxt.sentence == whole.sentence + 1 and lex.has_marker("breakdown_back"):
        # Of this amount, $7.6bn …: a sentence that opens by pointing back at the whole before it
        n_start, _ = fs.sentences[nxt.sentence]
        if n_start >= sat_end and lex.marker("breakdown_back").search(norm[n_start:nxt.q.start]) and not any(
                f.sentence == whole.sentence for f in after):
            block_sentence = nxt.sentence
    if block_sentence is None:
        return None
    out = [f for f in after if f.sentence == block_sentence]
    if topic:
        whole.cues.append("topic-block")
        # 按经营地分，城镇…，其中城区…。乡村…: a topic governs its paragraph, not one sentence; it ends at a line break
        # or at the next topic or breakdown opener that starts a sentence
        for f in after[len(out):]:
            if f.sentence <= block_sentence:
                continue
            prev = out[-1] if out else None
            if prev is None or "\n" in norm[prev.q.end:f.q.start]:
                break
            opening = norm[fs.sentences[f.sentence][0]:f.q.start]
            if f.sentence != prev.sentence and (lex.marker("topic").search(opening)
                                                 or lex.marker("breakdown").match(opening)):
                break
            out.append(f)
    if m is not None and out:
        # the first part stands in the marker's clause, or in the clause right after a bare 其中，/其中：
        marker_at = sat_end + m.start()
        first = out[0]
        between = norm[marker_at:first.q.start]
        bare = re.match(re.escape(m.group()) + _PUNCT, between)
        # a topic opener may be followed by the period its figures share (按消费类型分，1-4月，全市…)
        if len(re.findall(r"[,，;；。]", between)) > (1 if bare else 0) + (1 if topic else 0):
            return None
    return out


@frame("parts")
def parts(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    facts = ctx.facts.facts
    norm = ctx.doc.norm
    out: list[Binding] = []
    for whole in facts:
        if (whole.role != "level" or whole.paren or whole.q.type != "amount") and not _topic_follows(ctx, lex, whole):
            continue
        if whole.q.bound not in ("exact", "more", "lower", "approx", "near") or not (whole.q.unit or whole.noun):
            continue  # a bare number (6连胜, 23.3分) says too little of what it counts
        if _qualifies_next(ctx, whole, facts):
            continue
        block = _block(ctx, lex, whole, facts)
        if block is None:
            continue
        # 按经营地分，7月份，城镇…乡村…。1-7月份，城镇…乡村…: a topic's paragraph may break down the whole of each
        # period it names in turn; each run of one period is a breakdown of that period's whole
        runs = _period_runs(block) if "topic-block" in whole.cues else [block]
        opener = whole
        for run_no, block in enumerate(runs):
            whole = opener
            # averages do not add up, except over a partition of what is averaged: 人均可支配收入 is the sum of 人均工资性收入,
            # 人均经营净收入…, taken over one population. A topic's whole is found later, so the figure before its opener
            # need not add up either; both are settled once the parts are known
            resolved = False
            if "topic-block" in whole.cues and (whole.role != "level" or whole.q.type != "amount" or whole.paren
                                                or run_no > 0):
                # …的85.9%。按收入来源分，…: the figure before the opener is of another kind; find the whole first
                levels = [f for f in block if f.role == "level" and f.q.type == "amount" and not f.paren]
                guess = _topic_whole(lex, facts, whole, levels, set(), _taken_parts(out)) if levels else None
                if guess is None:
                    continue
                whole, resolved = guess, True
            averages = not whole.additive
            members: list[Fact] = []
            nested_from = None
            # a whole that is itself an item of a list separated by semicolons (…增长8.6%；财政收入38.74亿元，其中…；
            # 社会消费品零售总额…): the next semicolon closes its breakdown
            s_start = ctx.facts.sentences[whole.sentence][0]
            item_of_list = bool(re.search(r"[;；]", norm[s_start:whole.q.start]))
            for f in block:
                if nested_from is not None and f.clause == nested_from:
                    continue
                gap_start = members[-1].q.end if members else whole.q.end
                if item_of_list and members and re.search(r"[;；]", norm[gap_start:f.q.start]):
                    break
                nested = lex.marker("breakdown").search(norm[gap_start:f.q.start]) if members else None
                if nested and not re.search(_STOP, norm[gap_start + nested.end():f.q.start]):
                    nested_from = f.clause  # a breakdown of the part before: skip its clause (until the sentence ends)
                    continue
                if lex.marker("list_break").search(norm[gap_start:f.q.start]):
                    break
                if members and lex.marker("period_shift").search(_without_compare(lex, norm[gap_start:f.q.start])):
                    break  # 而去年同期…: the figures that follow belong to another period
                if f.role != "level" or f.paren or not same_kind(f, whole) or not (f.additive or averages):
                    continue
                if members and f.q.unit != members[-1].q.unit:
                    break  # 用地面积103.599亩，…建筑面积215908平方米: another measure, written in another unit
                if f.period_explicit and f.period != whole.period and not _months(f.period.span) <= (
                        _months(whole.period.span) or set()) and not (members and members[0].period_explicit):
                    break  # 21个行业…其中，7月份有23个: the month's own count, not a part of the year's
                if any(d.name in f.measure for d in lex.derived):
                    continue  # 顺差 after 出口 and 进口: a derived figure, not a part
                if len(members) >= 2 and not _siblings(members + [f], ctx) and (_siblings(members, ctx)
                                                                                  or _period_parts(members, whole)):
                    break  # the breakdown ended: a figure of another kind follows (支出 after 收入 parts)
                if _partition_siblings(lex, whole, f):
                    break  # 第二产业…其中工业…，第三产业: the whole's sibling ends its breakdown
                if (members and re.search(r"[;；]", norm[gap_start:f.q.start]) and len(_lcs_suffix([whole.key, f.key])) >= 2
                        and not all(len(_lcs_suffix([whole.key, m.key])) >= 2 for m in members)):
                    break  # 服务支出…其中转播费用…，住宿餐饮等支出…；宣传支出: a sibling of the whole, not a part
                if len(members) >= 2 and (_partition(lex, members, whole) is not None or
                                          (len(members) == 2 and _complement(lex, members))):
                    break  # 男生…，女生…；专任教师…: the partition is complete, what follows is something else
                if other_measure(lex, whole, f):
                    if members and not _in_pair(ctx, f.q):
                        break  # 工业总产值…其中规上…；实现工业增加值…: another measure, not a part
                    continue  # 乘用车产销分别完成…: the pair's other measure belongs to the whole's partner
                members.append(f)
            if not members:
                continue
            if "topic-block" in whole.cues and not resolved:
                # 从贸易方式看，一般贸易进出口…；加工贸易进出口…: the breakdown of the topic's total (全省进出口总值), not of
                # the figure that happens to stand before the marker
                whole = _topic_whole(lex, facts, whole, members, {b.slots["total"].index for b in out if "total" in b.slots},
                                     _taken_parts(out))
                if whole is None:
                    continue
            if not whole.additive or not all(f.additive for f in members):
                p = _partition(lex, members, whole)
                if p is None or not p.whole or not holds(whole.measure, p.whole):
                    continue  # averages, and no known partition of what they average
            part_qs = [f.q for f in members]
            marks = list(lex.marker("breakdown").finditer(norm, whole.q.end, members[0].q.start))
            if len(members) == 1 and marks and re.search(r"[;；]", norm[marks[-1].end():members[0].q.start]):
                continue  # …其中生活用水…分别占…；北方6区用水量…: the figure after the semicolon is the whole's sibling
            if len(members) == 1:
                if "topic-block" in whole.cues and len(_lcs_suffix([whole.key, members[0].key])) < 2:
                    continue
                out.append(Binding(slots={"part": part_qs[0], "total": whole.q}, tags={"single"},
                                   how=f"{members[0].q.text} is listed under {whole.q.text} (其中)"))
                continue
            partition = _partition(lex, members, whole)
            count = _stated_count(ctx, whole)
            why = _siblings(members, ctx) or ("the parts of its period" if _period_parts(members, whole) else "")
            rest = _last_is_rest(ctx, lex, members)
            if "topic-block" in whole.cues and partition is None and len(_lcs_suffix([whole.key] + [f.key for f in members])) < 2:
                continue  # 从商品看，…: a new topic, not a breakdown of the figure before it
            listed = _listed_in_whole(whole, members)
            if partition is not None:
                how = f"the parts name the whole partition {partition.name} ({'、'.join(partition.parts)})"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif listed:
                how = f"the whole is named as {listed}, and the parts name each of them once"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif rest and why:
                how = f"{len(members)} parts listed under {whole.q.text}, the last being what remains ('{rest}')"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif _period_parts(members, whole):
                how = f"the parts' periods make up the whole's ({whole.period.span})"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif _complement(lex, members):
                how = f"{members[0].measure} and {members[1].measure} are complements: together the whole"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif count is not None and count == len(members) and why:
                how = f"the text counts {count} parts and lists {count}"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            elif why and _shares_complete(facts, members):
                how = f"{len(members)} parts listed under {whole.q.text}, their shares making up 100%"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"complete"}, how=how))
            else:
                how = f"{len(members)} parts listed under {whole.q.text} ({why or 'items of one dimension'}); the list may be partial"
                certain = bool(why)
                inner = _subset_makes_whole(members, whole)
                if certain and inner:
                    # 水资源总量…其中地表水…，地下水…，不重复量…: surface water and the non-overlapping rest make the whole;
                    # the parts overlap, so their sum over the whole is no error
                    certain = False
                    how += f"; {' + '.join(inner)} alone make up the whole, so the parts may overlap"
                out.append(Binding(slots={"parts": part_qs, "total": whole.q}, tags={"partial"}, how=how,
                                   certain=certain))

    for b in out:
        if "total" in b.slots and _in_pair(ctx, b.slots["total"]) and not _pair_read(ctx, lex, b):
            # 产销分别完成1562.1万辆和1565.3万辆，其中乘用车产销分别完成…: each part's pair holds one figure of the
            # whole's measure and one of the other; which one is the part is for the pairing to say, not the order
            b.certain = False
            b.how += "; the whole is one of a pair said respectively (分别), so only agreement is reported"
    out.extend(_total_after(ctx, lex, facts))
    out.extend(_further(ctx, lex, facts, {b.slots["total"].index for b in out}))
    out.extend(_respectively(ctx, facts, lex))
    out.extend(_same_noun(ctx, facts, {id(b.slots["total"]) for b in out}))
    out.extend(_remainder(ctx, lex, facts))
    taken = {b.slots["total"].index for b in out}
    listed_parts = {(b.slots["total"].index, frozenset(q.index for q in b.slots.get("parts", []) or []))
                    for b in out if isinstance(b.slots.get("parts"), list)}
    out.extend(_named_partition(ctx, lex, facts, taken, listed_parts))
    out.extend(_period_complement(facts, out))
    out.extend(_opened(ctx, lex, facts, {b.slots["total"].index for b in out}))
    return out


_AGE_BAND = re.compile(r"(\d{1,3})\s*(?:-|—|–|~|～|至|到)\s*(\d{1,3})\s*(?:岁|周岁)|(\d{1,3})\s*(?:岁|周岁)及以上")


_NAMED_LIST = re.compile(r"((?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6}?)(?:(?:和|及|与|以及)([\u4e00-\u9fff]{1,6}?))?"
                         r"(?=共|合计|总计|累计|全部)")


def _listed_in_whole(whole: Fact, members: list[Fact]) -> str:
    """铁路、道路、水路、民航共发送旅客1.35亿人次，其中铁路…道路…水路…民航…: a whole named as the list of its parts
    is complete when each part names one item of that list, and every item is named."""
    m = _NAMED_LIST.search(whole.measure)
    if m is None:
        return ""
    items = [x for x in m.group(1).split("、") if x] + ([m.group(2)] if m.group(2) else [])
    if len(items) != len(members) or len(set(items)) != len(items):
        return ""
    used = set()
    for f in members:
        hit = [x for x in items if x in f.measure and x not in used]
        if len(hit) != 1:
            return ""
        used.add(hit[0])
    return "、".join(items)


def _age_bands(parts: list[Fact]) -> bool:
    """0—14岁, 15—59岁, 60岁及以上: age bands that run from 0 without a gap to an open end make up everyone."""
    nxt = 0
    for i, f in enumerate(parts):
        m = _AGE_BAND.search(f.measure)
        if m is None:
            return False
        if m.group(3) is not None:
            return int(m.group(3)) == nxt and i == len(parts) - 1
        if int(m.group(1)) != nxt:
            return False
        nxt = int(m.group(2)) + 1
    return False


def _opened(ctx, lex, facts: list[Fact], taken: set[int]) -> list[Binding]:
    """全区常住人口中，男性人口为276626人…；女性人口为302475人: a sentence that opens with its whole (lexicon marker
    container_open) and lists a complete partition of it (a known partition, or age bands from 0 to an open end).
    The whole is the one figure stated earlier under that name and scope."""
    if not lex.has_marker("container_open"):
        return []
    fs = ctx.facts
    out = []
    done: set[int] = set()
    for f in facts:
        if f.sentence in done:
            continue
        done.add(f.sentence)
        start, end = fs.sentences[f.sentence]
        m = lex.marker("container_open").match(ctx.doc.norm, start, end)
        if m is None:
            continue
        members = [g for g in fs.sentence_of(f) if g.role == "level" and not g.paren and g.additive
                   and g.q.type == "amount"]
        kept: list[Fact] = []
        for g in members:
            if kept and lex.marker("breakdown").search(ctx.doc.norm, kept[-1].q.end, g.q.start):
                break  # 60岁及以上…，其中65岁及以上: a part of the last part, not another part
            kept.append(g)
        members = kept
        if len(members) < 2 or not all(same_kind(g, members[0]) and g.q.unit == members[0].q.unit for g in members):
            continue
        partition = _partition(lex, members)
        complete = partition is not None or _age_bands(members)
        if not complete:
            continue
        scope, key = fs.key_of(m.group("name"))
        wholes = [w for w in window(facts, f.sentence - 24, f.sentence - 1) if w.role == "level" and not w.paren
                  and w.key == key and (not scope or w.scope == scope) and same_kind(w, members[0])
                  and w.q.unit == members[0].q.unit]
        if len(wholes) != 1 or wholes[0].index in taken:
            continue
        why = f"the partition {partition.name}" if partition is not None else "age bands from 0 to an open end"
        out.append(Binding(slots={"parts": [g.q for g in members], "total": wholes[0].q}, tags={"complete"},
                           how=f"the sentence opens with its whole ('{m.group('name')}中') and lists {why}"))
    return out


def _pair_read(ctx, lex, b: Binding) -> bool:
    """Did the reading name each figure of the pairs (汽车产量, 乘用车产量 … 汽车销量, 乘用车销量), so that the parts
    under the whole are of its own measure?"""
    whole = ctx.facts.by_index.get(b.slots["total"].index)
    parts = [ctx.facts.by_index.get(q.index) for q in b.slots.get("parts") or [b.slots.get("part")] if q]
    heads = [h for h in lex.words("measure_heads") if whole is not None and whole.measure.endswith(h)]
    return bool(heads) and all(p is not None and p.measure.endswith(heads[0]) for p in parts)


def _in_pair(ctx, q) -> bool:
    """Is the figure one of two or more joined by 和/、 after 分别 in its clause (分别完成1562.1万辆和1565.3万辆)?"""
    norm = ctx.doc.norm
    s_start = ctx.facts.sentences[ctx.facts.by_index[q.index].sentence][0] if q.index in ctx.facts.by_index else 0
    clause = re.split(r"[,，;；:：]", norm[s_start:q.start])[-1]
    if "分别" not in clause and "respectively" not in norm[q.end:q.end + 40]:
        return False
    before = norm[max(s_start, q.start - 3):q.start]
    after = norm[q.end:q.end + 3]
    return bool(re.search(r"(?:和|、|与|及|and)\s*\Z", before) or re.match(r"\s*(?:和|、|与|及|and)", after))


def _named_partition(ctx, lex, facts: list[Fact], taken: set[int], listed: set | None = None) -> list[Binding]:
    """Online sales £1.9bn … store sales £7.7bn … total sales £9.6bn, in any order within three sentences: parts
    whose measures are the whole's words plus the words of a known partition, one part each, and a whole that the
    text calls a total (lexicon marker 'total')."""
    out = []
    tot = lex.marker("total") if lex.has_marker("total") else None
    said_anywhere = "\x00".join(f.measure for f in facts)
    # partitions whose every part some figure of the text names (the rest cannot be complete anywhere in it)
    live = [p for p in lex.partitions
            if all(wordy(word) or any(alt in said_anywhere for alt in word.split("|")) for word in p.parts)]
    if not live:
        return out
    for w in facts:
        if (w.role != "level" or w.paren or not w.additive or w.q.type != "amount" or not w.key or tot is None):
            continue
        called_total = bool(tot.search(w.measure))
        head = tokens(w.key)
        # a total the text names so may stand before or after its parts; a bare measure (exports) only before the
        # parts that add one partition word each (exports of goods, exports of services), within five sentences
        if not called_total and w.scope and not lex.marker("generic_scope").fullmatch(w.scope):
            continue  # 居住在城镇的人口 is no whole of 男性人口 and 女性人口
        window = ctx.facts.in_sentences(w.sentence - 2, w.sentence + 2) if called_total else \
            ctx.facts.in_sentences(w.sentence, w.sentence + 5)
        near = [f for f in window if f is not w and f.role == "level"
                and not f.paren and same_kind(f, w) and f.additive and (not f.scope or not w.scope or f.scope == w.scope)
                and (f.period == w.period or not f.period_explicit or not w.period_explicit)
                and not (f.period.span and w.period.span and f.period.span != w.period.span)]
        # the figures whose measure holds the whole's words and more (the same for every partition: tested once)
        holding = {f.index for f in near if len(tokens(f.key)) > len(head) and all(t in tokens(f.key) for t in head)}
        if not near:
            continue
        said = "\x00".join(f.measure for f in near)
        for p in live:
            if p.whole and not holds(w.measure, p.whole):
                continue  # 三次产业 make up 生产总值, not electricity use
            if not all(wordy(word) or any(alt in said for alt in word.split("|")) for word in p.parts):
                continue  # some part is named by no figure near: the partition cannot be complete here
            found = []
            # a partition that names its whole (三次产业 make up 生产总值) names its parts by their own words, after
            # the whole (第一产业增加值 under 生产总值)
            own_whole = bool(p.whole) and holds(w.measure, p.whole) and called_total
            for word in p.parts:
                hits = [f for f in near if holds(f.measure, word) and (
                    (own_whole and (f.index > w.index or f.period == w.period)) or f.index in holding)]
                if own_whole and len(hits) > 1:
                    # 出口648.2亿元，其中机电产品出口389.5亿元: the part named by the partition word alone
                    hits = [f for f in hits if f.key == word] or [f for f in hits if f.index > w.index]
                if not called_total and len(hits) > 1:
                    hits = [f for f in hits if _adds_only(tokens(f.key), head, word)]
                if len(hits) != 1:
                    break
                found.append(hits[0])
            if not called_total and len(found) == len(p.parts) and not _parallel(found, head, p.parts):
                continue
            if w.index in taken and not (own_whole and (w.index, frozenset(f.q.index for f in found)) not in (listed or set())):
                continue  # the whole's breakdown is bound already; a second breakdown by another partition is not
            if len(found) == len(p.parts) and len({f.index for f in found}) == len(found):
                found.sort(key=lambda f: f.index)
                out.append(Binding(slots={"parts": [f.q for f in found], "total": w.q}, tags={"complete"},
                                   how=f"the parts name the whole partition {p.name} of {w.measure}"))
                break
    return out


def _parallel(found: list[Fact], head: list[str], words: list[str]) -> bool:
    """Each part is the whole's words plus its partition word and, at most, one qualifier all parts share
    (国内航线旅客周转量, 国际航线旅客周转量 under 旅客周转量: 航线 in both)."""
    rests = []
    for f, word in zip(found, words):
        if not _adds_only(tokens(f.key), head, word):
            alts = word.split("|")
            rests.append([t for t in tokens(f.key) if t not in head and not any(holds(t, a) or holds(a, t) for a in alts)])
        else:
            rests.append([])
    return all(r == rests[0] for r in rests)


def _adds_only(part: list[str], head: list[str], word: str) -> bool:
    """The part's words are the whole's plus the partition word, nothing else (exports + goods)."""
    extra = [t for t in part if t not in head]
    return bool(extra) and all(any(holds(t, alt) or holds(alt, t) for alt in word.split("|")) for t in extra)


def _period_complement(facts: list[Fact], bindings: list[Binding]) -> list[Binding]:
    """In the first half the deficit was €7.6bn, of which €3.0bn came in the first quarter — and the second
    quarter's €4.6bn stated nearby: the part listed and the figure for the rest of the whole's period make it up."""
    out = []
    singles = [b for b in bindings if "single" in b.tags]
    by_index = {f.index: f for f in facts} if singles else {}
    for b in singles:
        whole, part = by_index.get(b.slots["total"].index), by_index.get(b.slots["part"].index)
        if whole is None or part is None or not part.period_explicit or not whole.period.span:
            continue
        wm, pm = _months(whole.period.span), _months(part.period.span)
        if not wm or not pm or not pm < wm:
            continue
        rest = wm - pm
        others = [f for f in facts if f.role == "level" and not f.paren and f.index not in (whole.index, part.index)
                  and abs(f.sentence - whole.sentence) <= 3 and same_kind(f, whole) and f.period_explicit
                  and _months(f.period.span) == rest and (f.period.year == whole.period.year or f.period.year is None
                                                          or whole.period.year is None)
                  and f.key and whole.key and (f.key == whole.key or set(tokens(whole.key)) <= set(tokens(f.key)))]
        if len(others) != 1:
            continue
        out.append(Binding(slots={"parts": sorted([part.q, others[0].q], key=lambda q: q.index), "total": whole.q},
                           tags={"complete"}, how=f"{part.q.text} ({part.period.span}) and {others[0].q.text} "
                           f"({others[0].period.span}) make up the period of {whole.q.text} ({whole.period.span})"))
    return out


def _remainder(ctx, lex, facts: list[Fact]) -> list[Binding]:
    """展会准备了400个展位，第一天订出250个，余下的150个展位陆续订完: a whole, a part, and the rest (余下, 剩余,
    其余): the part and the rest make up the whole."""
    norm = ctx.doc.norm
    out = []
    for i, rest in enumerate(facts):
        lead = norm[max(0, rest.q.start - 4):rest.q.start]
        if rest.role != "level" or not rest.q.unit or not re.search(
                "(?:" + lex.marker("remainder").pattern + r")\Z", lead):
            continue  # 余下的100个: the marker right before the figure
        earlier = [f for f in facts[:i] if f.role == "level" and f.sentence >= rest.sentence - 1
                   and same_kind(f, rest) and not f.paren]
        if len(earlier) != 2:
            continue  # a whole and one part before the rest, nothing else of the kind
        whole, part = earlier
        if not (whole.q.value > part.q.value and whole.q.value > rest.q.value):
            continue  # the whole is more than either of its two parts
        if not (rest.noun and whole.noun and (whole.noun in rest.noun or rest.noun in whole.noun)):
            continue  # 400多个展位 … 余下100多个展位: the rest names what the whole counts
        out.append(Binding(slots={"parts": [part.q, rest.q], "total": whole.q}, tags={"complete", "remainder"},
                           how=f"{part.q.text} of {whole.q.text}, then the rest {rest.q.text}"))
    return out


def _last_is_rest(ctx, lex, members: list[Fact]) -> str:
    """The words that call the last part what is left (the rest, the remaining 12, 其余), or ''."""
    if len(members) < 2 or not lex.has_marker("remainder"):
        return ""
    last = members[-1]
    m = lex.marker("remainder").search(ctx.doc.norm[members[-2].q.end:last.q.start + 1])
    return m.group() if m else ""


def _further(ctx, lex, facts: list[Fact], taken: set[int]) -> list[Binding]:
    """Instalments of a sum stated in the sentence before: 'agreed to pay $450m. It will pay $150m now and a further
    $250m over four years.' The whole is the only amount of that dimension in the sentence before; the parts are
    complete when the text times them (now / on completion … over five years), else they only bound it."""
    if not lex.has_marker("further"):
        return []
    norm = ctx.doc.norm
    out = []
    for a, b in zip(facts, facts[1:]):
        if a.sentence != b.sentence or a.role != "level" or b.role != "level" or a.paren or b.paren:
            continue
        if a.q.type != "amount" or not same_dimension(a.q, b.q) or not a.q.unit:
            continue
        if not lex.marker("further").search(norm[a.q.end:b.q.start]):
            continue
        if any(f.sentence == a.sentence and f.index < a.index and same_dimension(f.q, a.q) for f in facts):
            continue  # the parts open their sentence
        before = [f for f in window(facts, a.sentence - 1, a.sentence - 1) if same_dimension(f.q, a.q) and not f.paren]
        wholes = [f for f in before if f.role == "level"]
        if len(wholes) != 1 or wholes[0].index in taken:
            continue
        whole = wholes[0]
        s, e = ctx.facts.sentences[a.sentence]
        timed = lex.has_marker("instalment") and len(lex.marker("instalment").findall(norm[s:e])) >= 2
        tags = {"complete"} if timed else {"partial"}
        how = (f"{a.q.text} and a further {b.q.text}: instalments of {whole.q.text}, the one sum of that kind "
               f"stated in the sentence before" + ("" if timed else "; they may not be all of it"))
        out.append(Binding(slots={"parts": [a.q, b.q], "total": whole.q}, tags=tags, how=how, certain=timed))
    return out


def _shares_complete(facts: list[Fact], members: list[Fact]) -> bool:
    """Every part states its share and the shares make 100 within their rounding: the list names every part."""
    shares = []
    for m in members:
        s = [f for f in facts if f.role == "share" and f.subject == m.index and f.q.type == "percent"]
        if len(s) != 1:
            return False
        shares.append(s[0].q)
    lo, hi = sum(q.lo for q in shares), sum(q.hi for q in shares)
    return lo <= 100.0 + 1e-9 <= hi + 1e-9 or lo - 1e-9 <= 100.0 <= hi


def _same_noun(ctx, facts: list[Fact], taken: set[int]) -> list[Binding]:
    """全国有519个城市…，达到一级标准的城市21个，二级标准的城市378个…: a count of things, then counts of kinds of
    those things in the same sentence (each named with the whole's noun)."""
    out = []
    for i, whole in enumerate(facts):
        if whole.role != "level" or not whole.noun or id(whole.q) in taken or whole.q.type != "amount":
            continue
        members = []
        for f in facts[i + 1:]:
            if f.sentence != whole.sentence:
                break
            if f.role != "level" or f.paren:
                continue
            if not same_dimension(f.q, whole.q):
                continue
            if f.measure.endswith(whole.noun) and f.measure != whole.noun:
                members.append(f)
        if len(members) < 2:
            continue
        if _shares_complete(facts, members):
            out.append(Binding(slots={"parts": [f.q for f in members], "total": whole.q}, tags={"complete"},
                               how=f"{len(members)} kinds of {whole.noun} counted after {whole.q.text}, their shares "
                                   "making up 100%"))
            continue
        out.append(Binding(slots={"parts": [f.q for f in members], "total": whole.q}, tags={"partial"},
                           how=f"{len(members)} kinds of {whole.noun} counted after {whole.q.text}; the list may be partial"))
    return out


def _respectively(ctx, facts: list[Fact], lex) -> list[Binding]:
    """Values listed after 分别 (…分别为2.41亿元和1.45亿元):
    - after the names of the parts (东部、中部、西部地区分别开工172个、128个和86个), their whole being the earlier figure
      of that dimension whose measure holds the words between 分别 and the figures (开工 -> 新开工重大项目386个); a second
      分别 in the sentence lists the same parts again (…，分别完成投资1420亿元、865亿元和517亿元);
    - right after their total (流水合计3.86亿元，分别为2.41亿元和1.45亿元): all the parts of that total."""
    norm = ctx.doc.norm
    fs = ctx.facts
    out = []
    names_by_sentence: dict[int, list[str]] = {}
    listed: set[int] = set()
    i = 0
    while i < len(facts):
        f = facts[i]
        group = [f]
        j = i + 1
        while j < len(facts) and facts[j].clause == f.clause and same_kind(facts[j], f) and lex.marker(
                "list_join").fullmatch(norm[group[-1].q.end:facts[j].q.start]):
            group.append(facts[j])
            j += 1
        i = j if len(group) > 1 else i + 1
        if len(group) > 1:
            listed.update(g.index for g in group)
        if len(group) < 2 or f.q.type != "amount" or not f.q.unit:
            continue
        s0, _ = fs.sentences[f.sentence]
        head = re.split(r"[,，;；:：。]", norm[s0:f.q.start])[-1]
        rm = None
        for rm in lex.marker("respectively").finditer(head):
            pass
        if rm is None:
            continue
        prev = [w for w in window(facts, f.sentence, f.sentence) if w.index < f.index and w.role == "level"]
        if (not head[:rm.start()].strip() and prev and same_kind(prev[-1], f) and prev[-1].clause == f.clause - 1
                and all(g.role == "level" for g in group)):
            whole = prev[-1]
            out.append(Binding(slots={"parts": [g.q for g in group], "total": whole.q}, tags={"complete"},
                               how=f"{len(group)} figures given (分别) for the parts of {whole.q.text}"))
            continue
        names = [n.strip() for n in lex.marker("name_split").split(head[:rm.start()]) if n.strip()]
        if not names:
            names = names_by_sentence.get(f.sentence, [])
        verb = fs.key_of(head[rm.end():])[1]
        if len(names) != len(group) or any(len(n) > 10 for n in names):
            continue
        names_by_sentence[f.sentence] = names
        whole = None
        for w in reversed([w for w in window(facts, f.sentence - 2, f.sentence - 1) if w.index < f.index]):
            if w.index in listed:
                continue  # a figure of another list (电气机械制造业63.46亿元、…) is a part, not this list's whole
            if w.role == "level" and same_kind(w, f) and w.clause != f.clause and (
                    not verb or all(c in w.measure for c in verb)):
                whole = w
                break
        if whole is None:
            continue
        last = re.sub(r"(?:地区|区域|板块)$", "", names[-1])
        names = names[:-1] + [last]
        pseudo = [type(f)(q=g.q, measure=n) for g, n in zip(group, names)]
        partition = _partition(lex, pseudo, whole)
        tags = {"complete"} if partition is not None else {"partial"}
        how = (f"{'、'.join(names)} (分别) {'name the whole partition ' + partition.name if partition else 'listed'};"
               f" their whole {whole.q.text}")
        # named groups may overlap (战略性新兴产业, 高新技术产业, 装备制造业): unless they make up a partition, their
        # sum may exceed the whole, and only agreement is reported
        out.append(Binding(slots={"parts": [g.q for g in group], "total": whole.q}, tags=tags, how=how,
                           certain=partition is not None))
    return out


def _total_after(ctx, lex, facts: list[Fact]) -> list[Binding]:
    """Parts first, then their total: 甲区3亿元，乙区2亿元，合计5亿元."""
    norm = ctx.doc.norm
    out = []
    for i, total in enumerate(facts):
        if total.role != "level" or total.q.type != "amount" or total.paren:
            continue
        lead_start = facts[i - 1].q.end if i else 0
        lead = norm[lead_start:total.q.start]
        marked = re.search("(?:" + lex.marker("total_after").pattern + r")[\u4e00-\u9fff]{0,3}\Z", lead)
        if not marked and not re.fullmatch(r"[,，、\s]?", lead):
            continue
        members = []
        for f in reversed(facts[:i]):
            if f.sentence != total.sentence:
                break
            if f.role in ("change", "rate", "share", "points", "calendar", "rank"):
                continue
            if f.clause == total.clause and not same_dimension(f.q, total.q):
                continue  # 两县合计90万人: the count of the parts, in the total's own clause
            if f.role != "level" or f.paren or not same_dimension(f.q, total.q):
                break
            members.append(f)
        members.reverse()
        if len(members) < 2:
            continue
        if not marked:
            # 41金38银45铜124枚奖牌: no word says total, but the parts name a whole partition and the figure right
            # after them names its whole, in one clause
            members = [f for f in members if f.clause == total.clause]
            p = _partition(lex, members)
            if p is None or not p.whole or not holds(total.measure + total.noun, p.whole):
                continue
            out.append(Binding(slots={"parts": [f.q for f in members], "total": total.q}, tags={"complete", "after"},
                               how=f"the parts name the whole partition {p.name} ({'、'.join(p.parts)}), then its whole"))
            continue
        word = re.search(lex.marker("total_after").pattern, lead)
        if word and any(word.group().strip("为达到约是 ") in norm[max(0, m.q.start - 8):m.q.start] for m in members):
            continue  # 一等奖共计有5名，二等奖共计有12名: the word says each part, not a total
        why = _siblings(members, ctx)
        count = ctx.facts.count_in(norm[members[-1].q.end:total.q.start])
        if count == len(members):
            why = why or f"{count} parts, as the text counts them"
        if not why:
            continue
        out.append(Binding(slots={"parts": [f.q for f in members], "total": total.q}, tags={"complete", "after"},
                           how=f"{len(members)} parts listed, then their total ({why})"))
    return out
