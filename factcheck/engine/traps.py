"""Signs in the text that a relation which fails may still be right: the claim is then unverifiable, never a
discrepancy (a false alarm costs more than a miss).

- A growth rate in comparable prices (按可比价格, 扣除价格因素, 实际增长) beside levels in current prices: the
  rate is real, the levels nominal; they need not agree.
- A total that includes (含, 包括) or leaves out (不含, 不包括) a category, or parts followed by 另有/此外: the total
  and its parts may not cover the same things (a census total with 现役军人, the provinces' sum without them).
- A comparison on a comparable basis (按可比口径, 同口径): the earlier figure was restated and the stated one may
  not be.
"""

from __future__ import annotations

import re

from ..model import Quantity

_REAL = re.compile(r"可比价|不变价|扣除价格|剔除价格|价格因素|实际增长|实际下降|名义增长|现价|可比口径|同口径|口径调整|"
                   r"调整口径|按新口径|重新核定|修订|(?i:\bin real terms\b|\badjust(?:ed|ing) for inflation\b|"
                   r"\binflation[- ]adjusted\b|\bat constant prices\b|\blike[- ]for[- ]like\b|\bon a comparable basis\b|"
                   r"\brestated\b)")
_SCOPE = re.compile(r"\((?:[^()]{0,20}?)(?:含|包括|包含|未计|未包括|不计)[^()]{0,24}\)|(?:不含|不包括|未含|未包括|不计|"
                    r"含|包括)[\u4e00-\u9fff]{1,10}(?:在内)?(?=[,;。)]|\Z)")
# a rate on another basis than the levels beside it (English releases)
_BASIS = [
    (re.compile(r"(?i)\b(?:unadjusted|not seasonally adjusted)\b"),
     "the rate is seasonally adjusted while a level is not"),
    # (not 'an annual rate of 1,396,000': a level stated at an annual rate, compared with others stated so)
    (re.compile(r"(?i)(?<!average )(?<!compound )(?<!average annual growth )\bannual(?:ised|ized)?\s+rate\b"
                r"(?!\s+of\s+(?:growth|increase|(?:about\s+)?[$£€]?\d[\d,.]*(?![\d,.])(?!\s*(?:%|percent|per\s?cent|pc\b))))"
                r"|\bannuali[sz]ed\b|\bat an annual rate\b(?!\s+of\s+[$£€]?\d[\d,.]*(?![\d,.])(?!\s*(?:%|percent|per\s?cent|pc\b)))"),
     "the rate is annualised, the levels are for one period"),
]
_MORE = re.compile(r"另有|此外|另外|除此之外|以外|之外")

_RATE_KINDS = {"growth", "cagr", "multiple", "points", "points_ref", "contribution", "chain"}
_SUM_KINDS = {"sum", "whole", "table_sum"}


def excuse(ctx, cand) -> str:
    """Why a failing relation may still be right, from the words around it; '' when nothing excuses it."""
    kind = cand.rule.kind
    qs = [q for v in cand.slots.values() for q in (v if isinstance(v, list) else [v]) if hasattr(q, "start")]
    if not qs:
        return ""
    s, _ = ctx.sentence_span(min(q.start for q in qs))
    _, e = ctx.sentence_span(max(q.start for q in qs))
    norm = ctx.doc.norm
    region = norm[s:e]
    if kind in _RATE_KINDS or kind == "difference":
        for pat, why in _BASIS:
            m = pat.search(region)
            if m:
                return f"the text says '{m.group()}': {why}, so they need not agree"
        m = _REAL.search(region)
        if m:
            return (f"the text says '{m.group()}': the rate may be real (comparable prices or a restated basis) "
                    f"while the levels are in current prices or the old scope, so they need not agree")
    if kind in _SUM_KINDS:
        # an aside on the total (5000万人(含现役军人); 全市(不含开发区)…) or on a part; 另有/此外 after the parts
        total = cand.slots.get("total") or cand.slots.get(cand.stated)
        if isinstance(total, Quantity) or hasattr(total, "start"):
            tail = re.split(r"[,;。:]", norm[total.end:min(e, total.end + 30)], maxsplit=1)[0]
            head = re.split(r"[,;。:]", norm[max(s, total.start - 16):total.start])[-1]
            m = _SCOPE.search(head + "|" + tail)
            # a total that includes more (含驻军) still cannot fall short of its parts: only equality is excused
            if m and (re.search(r"不|未", m.group()) or "<" not in cand.relation and ">" not in cand.relation):
                return (f"the text says '{m.group()}': the total and its parts may not cover the same things, "
                        "so they need not add up")
        hi = max(q.end for q in qs)
        m = _MORE.search(norm[hi:e])
        if m:
            return f"the text adds '{m.group()}' after the parts: the total may hold more than the parts listed"
    return ""
