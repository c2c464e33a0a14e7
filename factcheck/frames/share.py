"""A part's share of a whole.

  其中贫困户97人、占77%                         part: the figure the share follows; base: the whole of its 其中 block
  机电产品出口20亿元，占全市出口额的40%          base named: the figure whose measure reads 全市出口额
  第一产业增加值占国内生产总值比重为7.3%          part and base both named: found by their measures
  第二产业增加值比重为39.9%                      the base carried over from the share before it
  达到一级标准的城市21个(占4.0%)                 a share in brackets after its part

Named figures are found by their measure words (in any order: 陶瓷出口总额 ~ 出口陶瓷) and must be the only
figure that reads so well; 出口 never finds 进出口.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..facts.model import Fact
from . import Binding, bindings, frame

from ..extract.zh import COUNT_UNITS
from .common import describe, measure_match, named_match, same_dimension, tokens, window, wordy

LOOK_BACK = 6  # sentences
# things counted one by one; 类, 种, 项 count kinds, and a share of kinds is a share of something else
ITEM_UNITS = COUNT_UNITS - set("类 种 项 批 大类 门类 方面 行业 产业 部门 领域 届 场 起".split())


def _named(facts: list[Fact], name: str, before: Fact, like: Fact | None, exclude: set[int],
           scope: str = "", generic=lambda s: False, blocked=lambda w, h: False, shortened: bool = True,
           back: int = LOOK_BACK, wholes: set[int] | None = None) -> Fact | None:
    """The one level figure before `before` whose measure reads as `name` (best match, clearly ahead), in the
    scope the name gives (英国国际学生 is not a university's 国际学生)."""
    best: list[tuple[float, Fact]] = []
    for f in window(facts, before.sentence - back, before.sentence):
        if f.index in exclude or f.role not in ("level",) or f.paren:
            continue
        if scope and not generic(scope) and f.scope != scope and scope not in f.measure:
            continue
        if scope and generic(scope) and f.scope and generic(f.scope) and f.scope != scope:
            continue  # 全国林场总数 is not 全县's
        if scope and generic(scope) and re.search(r"\d", f.scope or ""):
            continue  # 全国总用水量 is not the 南方4区's
        if f.sentence < before.sentence - back or f.index > before.index:
            continue  # a base or part stated before the share, never after it
        if f.sentence > before.sentence:
            continue
        if like is not None and not same_dimension(f.q, like.q):
            continue
        score = named_match(name, f.key, blocked) if shortened else measure_match(name, f.key)
        if score < 0.8 and f.noun and not wordy(f.noun) and f.q.type == "amount":
            score = measure_match(name, f.noun)  # 产生的2987名代表 is the 代表总数: a count named by its noun
        if score >= 0.8:
            best.append((score, f))
    if wholes is not None and best:
        # of names that read equally well, the figure that is broken down into parts is the whole meant, else the
        # one named most generally (出口陶瓷, not 一般贸易方式出口值, for 出口总额)
        top = max(sc for sc, _ in best)
        tied = [t for t in best if t[0] == top]
        broken = [t for t in tied if t[1].index in wholes]
        if len(tied) > 1 and len(broken) == 1:
            return broken[0][1]
        if len(tied) > 1 and top < 1.0:
            shortest = min(len(t[1].key) for t in tied)
            general = [t for t in tied if len(t[1].key) == shortest]
            if len(general) == 1:
                return general[0][1]
    if not best:
        return None
    # the nearest sentence first: a name in the share's own sentence means the figure there
    best.sort(key=lambda t: (-t[0], t[1].sentence != before.sentence, -t[1].index))
    if (len(best) > 1 and best[1][0] == best[0][0] and best[1][1].q.value != best[0][1].q.value
            and (best[1][1].sentence == before.sentence) == (best[0][1].sentence == before.sentence)):
        return None  # two figures read the same: no certain base
    return best[0][1]


def _inline_base(fs, facts: list[Fact], s: Fact, part: Fact) -> Fact | None:
    """占全区规上工业总产值1770.4亿元的72.3%: the base figure stands inside the share's phrase."""
    if "inline-base" not in s.cues:
        return None
    prev = [f for f in fs.sentence_of(s) if f.clause == s.clause and f.index < s.index]
    if not prev:
        return None
    f = prev[-1]
    return f if f.index != part.index and same_dimension(f.q, part.q) else None


def _wholes(ctx) -> set[int]:
    return {b.slots["total"].index for b in bindings(ctx, "parts") if "total" in b.slots}


def _container(ctx, part: Fact) -> Fact | None:
    """The whole of the 其中 block the part is listed in (from the parts frame)."""
    for b in bindings(ctx, "parts"):
        qs = b.slots.get("parts") or ([b.slots["part"]] if "part" in b.slots else [])
        if any(q.index == part.index for q in qs):
            return ctx.facts.by_index.get(b.slots["total"].index)
    return None


@frame("share")
def share(ctx) -> list[Binding]:
    from ..facts.lexicon import lexicon

    lex = lexicon(ctx.doc.language)
    fs = ctx.facts
    facts = fs.facts
    out: list[Binding] = []
    carried: dict[int, tuple[Fact, int]] = {}  # paragraph-ish memory: the last named base and its sentence
    last_base: tuple[Fact, int] | None = None
    for s in facts:
        if s.role == "level" and s.q.type == "percent":
            b = _of_count(ctx, fs, facts, s)  # 74.5%的次新基金: a percent of a counted noun
            if b is not None:
                out.append(b)
            continue
        if s.role != "share" or s.q.type != "percent":
            continue
        part = fs.by_index.get(s.subject) if s.subject is not None else None
        how_part = f"part {part.q.text}, the figure the share qualifies" if part is not None else ""
        if part is not None and part.role not in ("level",):
            part = None
        if part is None and s.own_measure and s.key:
            # the part is named by its own words, in this sentence or the one before (not a shortening: 三级 is not
            # 劣于三级标准的城市)
            part = _named(facts, s.key, s, None, {s.index}, blocked=lex.holds_as_part, shortened=False, back=1)
            how_part = f"part {describe(part)}, named by '{s.measure}'" if part is not None else ""
        if part is None and not s.base:
            # 240只基金参与排名，其中156只收益为正，正收益占比为65.0%: the share of the part just listed under its whole
            # (a share that names its part some other way than the list does is left alone)
            listed = [f for f in window(facts, s.sentence, s.sentence) if f.index < s.index and f.role == "level"
                      and _container(ctx, f) is not None
                      and not (s.key and f.key and measure_match(s.key, f.key) < 0.5 and len(f.key) > 2)]
            if listed:
                part = listed[-1]
                how_part = f"part {part.q.text}, listed just before the share"
        if part is None and s.base_q is not None and s.base_q in fs.by_index:
            last_base = (fs.by_index[s.base_q], s.sentence)  # Health takes 38.2% of the $37.2bn budget, and …
        if part is None:
            b = _complement(ctx, fs, facts, s) or _combined(ctx, fs, facts, s, lex) or _of_count(ctx, fs, facts, s)
            if b is not None:
                out.append(b)
            continue
        base = None
        how_base = ""
        # a part named in an earlier sentence may be the share's only by its words (外资企业 100家 … 工业产值增长6.0%，
        # 外资企业占比为40%: the share is of output, not of the count): only agreement is reported
        certain = part.sentence == s.sentence
        inline = _inline_base(fs, facts, s, part)
        if s.base_q is not None and s.base_q in fs.by_index and s.base_q != part.index:
            b = fs.by_index[s.base_q]
            if same_dimension(b.q, part.q):
                base, how_base = b, f"base {b.q.text}, stated in the share's own phrase"
                last_base = (b, s.sentence)
        elif inline is not None:
            base, how_base = inline, f"base {inline.q.text}, stated in the share's own phrase"
        elif s.base:
            scope, key = fs.key_of(s.base)
            base = _named_base(ctx, lex, facts, key, s, part, {part.index, s.index}, scope,
                               far=_whole_of_partition(lex, key, part))
            if base is not None and (_siblings_by_qualifier(key, part, base) or any(
                    g.role == "share" and g.subject == base.index and g.base and fs.key_of(g.base) == (scope, key)
                    for g in fs.sentence_of(base))):
                base = None  # 妇女代表412名，占代表总数的24.6%: a part of the named whole, never that whole
            if base is not None:
                how_base = f"base {describe(base)}, named in the text ('{s.base}')"
                last_base = (base, s.sentence)
                if wordy(key) and named_match(key, base.key) < 1.0:
                    # 'of the total debt' read as 'an original debt of $81.8bn': words the name lacks may name
                    # another figure of that measure
                    certain = False
                    how_base += ", which names it only in part"
        alternatives = []
        if base is None and not s.base:
            base = _container(ctx, part)
            if base is not None:
                how_base = f"base {base.q.text}, the whole the part is listed under"
                outer = _container(ctx, base)
                own = [f for f in facts if f.role == "share" and f.subject == base.index and f.index < s.index]
                if own:
                    # 老年人3000人，占25.0%，其中八十岁以上600人，占5.0%: of the grand total, 600 / 3000 × 25.0
                    alternatives.append(Binding(slots={"part": part.q, "base": base.q, "scale": own[-1].q, "share": s.q},
                                                relation="part / base * scale = share",
                                                how=f"of the grand total: {base.q.text} is {own[-1].q.text} of it",
                                                reading="of the grand total"))
                if outer is not None and outer.index != base.index:
                    # a part of a part (其中65岁及以上…): its share may be of its group or of the grand total
                    alternatives.append(Binding(slots={"part": part.q, "base": outer.q, "share": s.q},
                                                how=f"base {outer.q.text}, the whole of {base.q.text}'s list",
                                                reading=f"of {outer.q.text}"))
        if base is None and not s.base and last_base is not None and s.sentence - last_base[1] <= 1:
            base = last_base[0]
            if not same_dimension(base.q, part.q):
                base = None
            else:
                how_base = f"base {describe(base)}, carried over from the share before"
        if base is None and not s.base and lex.has_marker("container_open"):
            opener = _opener(ctx, lex, s)
            if opener:
                scope, key = fs.key_of(opener)
                named = _named_base(ctx, lex, facts, key, s, part, {part.index, s.index}, scope, far=True)
                if named is not None and named.index != part.index and same_dimension(named.q, part.q):
                    base, how_base = named, f"base {describe(named)}, named by the sentence's opening '{opener}中'"
        if base is None and not s.base and part.additive and not (s.scope and part.scope and s.scope != part.scope):
            general = _general(ctx, part, lex)
            if general is not None:
                base, found_near = general
                how_base = f"base {describe(base)}: the share names no base, and this is the measure its part narrows"
                certain = certain and found_near
        if base is not None and base.scope and part.scope and base.scope != part.scope and not (
                s.base and fs.key_of(s.base)[0]):
            continue  # Brook's sales against Abel's revenue: two bodies, unless the text names the base's
        if base is None and s.base and s.q.bound == "exact" and not _may_be_stated(fs, facts, s, part):
            # 占年计划的16.6%, 占全省同期进出口总值49.2%: the whole is named but its figure is not in the text
            out.append(Binding(slots={"part": part.q, "share": s.q}, tags={"base-missing"}, certain=False,
                               how=f"{how_part}; the base it names ('{s.base}') is not stated in the text"))
            continue
        if base is None or base.index == part.index:
            continue
        out.append(Binding(slots={"part": part.q, "base": base.q, "share": s.q},
                           how=f"{how_part}; {how_base}", certain=certain, alternatives=alternatives,
                           reading=f"of {base.q.text}" if alternatives else ""))
    out.extend(_respective_partition(ctx, lex, fs, facts, {id(b.slots["share"]) for b in out if "share" in b.slots}))
    _doubt_bases(out)
    return out


def _respective_partition(ctx, lex, fs, facts: list[Fact], done: set[int]) -> list[Binding]:
    """三次产业增加值占地区生产总值的比重分别为8.2%、41.6%和50.2%: shares said respectively of a partition's parts,
    in the partition's order, each of the part's figure stated before, all of one named base."""
    out: list[Binding] = []
    for i, s in enumerate(facts):
        if s.role != "share" or s.q.type != "percent" or id(s.q) in done or not s.base:
            continue
        if "、" in s.measure:
            continue  # 乐透型、即开型和竞猜型彩票…分别占: the shares' own list, not a partition named elsewhere
        p = next((p for p in lex.partitions if p.name in s.measure and p.name != p.whole), None)
        if p is None:
            continue
        run = [s] + [f for f in facts[i + 1:i + len(p.parts)] if f.sentence == s.sentence and f.role == "share"
                     and f.q.type == "percent" and not f.paren]
        if len(run) != len(p.parts) or any(id(f.q) in done for f in run):
            continue
        name = re.sub(r"(?:的)?(?:比重|比例|份额)?(?:分别)?(?:为|是)?\Z", "", s.base)
        scope, key = fs.key_of(name)
        parts = []
        for word in p.parts:
            hits = [f for f in window(facts, s.sentence - 4 * LOOK_BACK, s.sentence) if f.index < s.index
                    and f.role == "level" and f.q.type == "amount" and not f.paren and word in f.measure]
            if not hits:
                break
            parts.append(hits[-1])
        if len(parts) != len(p.parts):
            continue
        base = _named_base(ctx, lex, facts, key, s, parts[0], {f.index for f in parts} | {s.index}, scope, far=True)
        if base is None or not all(same_dimension(f.q, base.q) for f in parts):
            continue
        # the shares of a whole partition make up 100: if they do not, the reading is doubtful, not the text
        whole_100 = sum(f.q.lo for f in run) <= 100.0 <= sum(f.q.hi for f in run)
        agree = sum(part.q.lo / base.q.hi * 100 <= share.q.hi and part.q.hi / base.q.lo * 100 >= share.q.lo
                    for part, share in zip(parts, run))
        whole_100 = whole_100 or (len(run) >= 3 and agree >= len(run) - 1)  # one share off, the others bound right
        for word, part, share in zip(p.parts, parts, run):
            out.append(Binding(slots={"part": part.q, "base": base.q, "share": share.q}, certain=whole_100,
                               how=f"part {describe(part)}: the shares are said of {p.name} respectively (分别), and "
                                   f"this one of {word}; base {describe(base)}, named ('{name}')"))
    return out


def _doubt_bases(out: list[Binding]) -> None:
    """A base is doubted, not the text, when its shares cannot be of it: a part larger than its whole (18亿人次 of
    6203万人次), or several shares that all miss it while agreeing with one another on some other whole (四项收入
    占可支配收入的57.3%、15.4%、9.0%、18.3%, bound to the median instead of the mean). Those bindings stay, as
    uncertain readings: agreement may be reported, a discrepancy never."""
    by_base: dict[int, list[Binding]] = {}
    for b in out:
        part, base, share = b.slots.get("part"), b.slots.get("base"), b.slots.get("share")
        if part is None or base is None or share is None or b.relation or share.type != "percent":
            continue
        if part.lo > base.hi and share.hi <= 100:
            b.certain = False
            b.how += "; the part exceeds this base, so the base is doubtful"
            continue
        by_base.setdefault(id(base), []).append(b)
    for group in by_base.values():
        if len(group) < 2:
            continue
        lo, hi = 0.0, float("inf")
        misses = 0
        for b in group:
            part, base, share = b.slots["part"], b.slots["base"], b.slots["share"]
            if share.lo <= 0:
                break
            implied = (part.lo / share.hi * 100, part.hi / share.lo * 100)
            lo, hi = max(lo, implied[0]), min(hi, implied[1])
            misses += implied[1] < base.lo or implied[0] > base.hi
        else:
            base = group[0].slots["base"]
            if misses == len(group) and lo <= hi and (hi < base.lo or lo > base.hi):
                for b in group:
                    b.certain = False
                    b.how += (f"; all {len(group)} shares of this base agree on another whole (about "
                              f"{(lo + hi) / 2:.4g}), so the base is doubtful")


def _opener(ctx, lex, s: Fact) -> str:
    """全区常住人口中，男性人口为276626人，占47.77%: the whole a sentence opens with holds every share in it."""
    start = ctx.facts.sentences[s.sentence][0]
    m = lex.marker("container_open").match(ctx.doc.norm, start, s.q.start)
    return m.group("name") if m else ""


def _may_be_stated(fs, facts: list[Fact], s: Fact, part: Fact) -> bool:
    """Is some figure of the text possibly the base the share names (its measure ends in the same noun, and no
    other scope is named), though the frame could not bind it? Then the share is left alone rather than called
    unverifiable."""
    scope, key = fs.key_of(s.base)
    head = key[-2:] if len(key) >= 2 else key
    if not head:
        return True
    for f in facts:
        if f.index in (part.index, s.index) or f.role not in ("level", "prior") or not same_dimension(f.q, part.q):
            continue
        if head in f.key and (not scope or f.scope == scope):
            return True
    return False


def _general(ctx, part: Fact, lex) -> tuple[Fact, bool] | None:
    """男性人口为72334万人，占51.24% after 全国人口为141178万人: a share with no base is of the measure its part
    narrows (人口 for 男性人口), stated before it in the same unit. Several such figures of different values make the
    base uncertain; so does one stated far back."""
    generic = lambda sc: bool(lex.marker("generic_scope").fullmatch(sc))  # noqa: E731
    index = _levels_by_key(ctx)
    fillers = set(lex.words("fillers")) | {"同期", "当期", "本期"}
    found = []
    for key in _general_keys(part.key):
        positions, levels = index.get(key, ([], []))
        # the last few before the part (an index, so a long text stays linear)
        before = levels[max(0, bisect_left(positions, part.index) - 8):bisect_left(positions, part.index)]
        narrowing = part.key[:len(part.key) - len(key)] if not wordy(key) else ""
        if narrowing and narrowing in fillers:
            continue  # 同期出口 is 出口 at the same time, not a narrower measure
        for f in before:
            if not same_dimension(f.q, part.q):
                continue
            if f.scope and f.scope != part.scope and not generic(f.scope):
                continue
            if f.period.span and part.period.span and f.period.span != part.period.span:
                continue
            found.append(f)
    if not found:
        return None
    found.sort(key=lambda f: f.index)
    base = found[-1]
    near = part.sentence - base.sentence <= LOOK_BACK and len({f.q.value for f in found}) == 1
    return base, near


def _general_keys(key: str) -> list[str]:
    """The more general measures a key narrows: 人口 for 男性人口; 'population' for 'female population'."""
    if wordy(key):
        ws = key.split()
        return [" ".join(ws[i:]) for i in range(1, len(ws))]
    return [key[i:] for i in range(1, len(key) - 1)]


def _levels_by_key(ctx) -> dict[str, tuple[list[int], list[Fact]]]:
    """Additive levels by measure key: their indices (for bisect) and the facts, in text order."""
    cache = ctx.__dict__.setdefault("_frame_cache", {})
    if "levels_by_key" not in cache:
        by: dict[str, tuple[list[int], list[Fact]]] = {}
        for f in ctx.facts.facts:
            if f.role == "level" and not f.paren and f.additive and f.key and len(f.key) >= 2:
                entry = by.setdefault(f.key, ([], []))
                entry[0].append(f.index)
                entry[1].append(f)
        cache["levels_by_key"] = by
    return cache["levels_by_key"]


_NEGATION = ("未", "没有", "不", "无")


def _complement(ctx, fs, facts: list[Fact], s: Fact) -> Binding | None:
    """调查共走访了200户，仅有30户未接入宽带，宽带入户的比例为85%: a share of a whole stated just before with one
    part of it; the share may be that part's or the rest's. Either reading may hold; both failing is an error."""
    before = [f for f in window(facts, s.sentence, s.sentence) if f.index < s.index and f.role == "level"
              and f.q.type == "amount"]
    if len(before) != 2 or not same_dimension(before[0].q, before[1].q):
        return None
    whole, part = before
    if not (whole.q.lo >= part.q.hi):
        return None
    norm = ctx.doc.norm
    clause = norm[whole.q.end:part.q.end + 12]
    if not any(n in clause for n in _NEGATION):
        return None  # only a part said not to have what the share counts makes the rest a reading
    rest = Binding(slots={"part": part.q, "base": whole.q, "share": s.q}, relation="(base - part) / base * 100 = share",
                   tags={"rest"},
                   how=f"the share of {whole.q.text} left after the {part.q.text} the text excludes",
                   reading=f"of the rest ({whole.q.text} − {part.q.text})")
    own = Binding(slots={"part": part.q, "base": whole.q, "share": s.q},
                  how=f"{part.q.text}'s own share of {whole.q.text}", reading=f"{part.q.text} of {whole.q.text}")
    rest.alternatives = [own]
    return rest


def _siblings_by_qualifier(name: str, part: Fact, base: Fact) -> bool:
    """载货汽车 (3242万辆) 占汽车总量: 载客汽车保有量 reads as 汽车 too, but it narrows 汽车 as the part does, by
    another qualifier; it is the part's sibling, never their whole."""
    if len(name) < 2 or wordy(name) or name not in part.key or name not in base.key:
        return False
    pa, pb = part.key.split(name)[0], base.key.split(name)[0]
    # parallel qualifiers (载货/载客, 地下水源/地表水源) share a character and a length; a whole's wider name
    # (固定资产投资 for 工业投资) does not
    return bool(min(len(pa), len(pb)) >= 2 and pa != pb and set(pa) & set(pb) and abs(len(pa) - len(pb)) <= 1)


def _whole_of_partition(lex, name: str, part: Fact) -> bool:
    """Does the name say the whole of a known partition that the part belongs to (工资性收入 of 可支配收入)? Such a
    whole is stated once, at the head of its section, however long the breakdown."""
    from .common import holds
    return any(p.whole and holds(name, p.whole) and any(holds(part.measure, w) for w in p.parts)
               for p in lex.partitions)


def _named_base(ctx, lex, facts, key, s, like, exclude, scope, far: bool = False) -> Fact | None:
    """The base a share names; a total (出口总额) may have been stated further back, at the top of the article."""
    generic = lambda sc: bool(lex.marker("generic_scope").fullmatch(sc))  # noqa: E731
    total = lex.names_total(s.base)
    stat = lex.words("statistic")
    blocked = lambda w, h: (lex.holds_as_part(w, h) or (total and lex.narrowed(w, h))  # noqa: E731
                            or any(x in h and x not in w for x in stat))  # the median is not the mean it is named by
    base = _named(facts, key, s, like, exclude, scope, generic, blocked, wholes=_wholes(ctx))
    if base is None and (total or far):
        base = _named(facts, key, s, like, exclude, scope, generic, blocked, wholes=_wholes(ctx), back=4 * LOOK_BACK)
    return base


def _combined(ctx, fs, facts: list[Fact], s: Fact, lex) -> Binding | None:
    """对欧盟出口0.8亿美元…；对美国出口0.7亿美元…。两者合计占同期出口总额的49.5%: the share of the parts just
    named, together, in a base the phrase names."""
    m = lex.marker("together").search(ctx.doc.norm[max(0, s.q.start - 30):s.q.start])
    if not m or not s.base:
        return None
    n = {"两": 2, "二": 2, "三": 3, "四": 4}.get(m.group("n") or "两", 2)
    prev = [f for f in fs.in_sentences(s.sentence - 1, s.sentence) if f.index < s.index and f.role == "level"]
    if len(prev) < n:
        return None
    parts = prev[-n:]
    if not all(same_dimension(p.q, parts[0].q) for p in parts):
        return None
    scope, key = fs.key_of(s.base)
    base = _named_base(ctx, lex, facts, key, s, parts[0], {p.index for p in parts} | {s.index}, scope)
    if base is None:
        return None
    return Binding(slots={"parts": [p.q for p in parts], "base": base.q, "share": s.q},
                   relation="sum(parts) / base * 100 = share",
                   how=f"the {n} figures just named, together ({m.group()}), of {describe(base)}")


def _of_count(ctx, fs, facts: list[Fact], s: Fact) -> Binding | None:
    """今年新开业的便利店有80家，其中62.4%的便利店实现盈利: a share of a count must be a whole number of the things
    counted (62.4% of 80 is 49.9: no whole number of shops gives it). Only things counted one by one (家, 只, 人),
    never kinds (3类物资: 56%的物资 is a share of their weight), and only the noun the count names."""
    from ..facts.lexicon import lexicon
    m = lexicon(ctx.doc.language).marker("of_noun").match(ctx.doc.norm, s.q.end)
    if not m:
        return None
    noun = m.group("noun")
    base = None
    window = fs.in_sentences(s.sentence - 1, s.sentence)
    for f in reversed([f for f in window if f.index < s.index]):
        if f.role == "level" and f.q.unit in ITEM_UNITS and f.q.bound == "exact" and f.q.lo == f.q.hi \
                and f.q.value == int(f.q.value) and any(_names_same(w, noun) for w in (f.noun, f.measure) if w):
            base = f
            break
    if base is None or base.q.value < 5:
        return None
    between = ctx.doc.norm[base.q.end:s.q.start]
    if not lexicon(ctx.doc.language).marker("breakdown").search(between) or any(
            f.q.unit == base.q.unit and base.index < f.index < s.index for f in window):
        return None  # only 有122只，其中74.5%的…: the count is the whole the share breaks down, with nothing between
    n = int(base.q.value)
    k = round(n * s.q.value / 100)
    if not 0 <= k <= n:
        return None
    share = k / n * 100
    return Binding(slots={}, stated=s.q, expected=(share, share),
                   arithmetic=f"{k} of {base.q.text} = {share:.2f}% (the nearest whole number of them)",
                   how=f"{s.q.text} of the {n} counted in {base.q.text}: a share of a count is a whole number of them",
                   extra=[base.q], tags={"count"})


def _names_same(counted: str, following: str) -> bool:
    """便利店 (the count's words end so) opens 便利店已实现盈利 (the words after the share's 的)."""
    return any(following.startswith(counted[i:]) for i in range(len(counted) - 1))
