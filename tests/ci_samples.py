"""Hand-built reports for the CI-format tests: our own sentences, CRLF line ends, full-width punctuation."""

from __future__ import annotations

from factcheck.model import FileReport, Finding, QuantityRef, Report

# Line 2 is full of CJK characters before its figures; lines end with \r\n.
TEXT = (
    "2023年，某市共接待游客1,250万人次，同比增长12.5%。\r\n"
    "其中：国内游客1,200万人次，入境游客80万人次，合计1,250万人次。\r\n"
    "全市旅游收入达到98.6亿元，比上年的82亿元增长20.2%。\r\n"
    "这是一段只有汉字而且非常非常长的说明文字用来检查列号计算是否正确，全年共举办节庆活动36场。\r\n"
)


def ref(text: str, needle: str, role: str = "", after: int = 0) -> QuantityRef:
    start = text.index(needle, after)
    return QuantityRef(text=needle, start=start, end=start + len(needle), role=role)


def sum_finding(text: str = TEXT) -> Finding:
    line2 = text.index("其中")
    parts = [ref(text, "1,200万", "part"), ref(text, "80万", "part", line2), ref(text, "1,250万", "total", line2)]
    return Finding(
        rule="zh.sum", kind="sum", verdict="discrepancy", severity="error",
        message="分项之和与合计不符：1,200万+80万=1,280万，文中合计为1,250万，相差2.4%。",
        quantities=parts, arithmetic="1200 + 80 = 1280 ≠ 1250 <> & check",
        expected="1,280万", stated="1,250万 [1249.5, 1250.5]", correction="1,280万",
        start=parts[0].start, end=parts[-1].end,
    )


def growth_rounding(text: str = TEXT) -> Finding:
    qs = [ref(text, "98.6亿元", "end"), ref(text, "82亿元", "start"), ref(text, "20.2%", "stated")]
    return Finding(rule="zh.growth", kind="growth", verdict="rounding", severity="info",
                   message="增长率在四舍五入范围内：98.6/82−1=20.24%，文中为20.2%。", quantities=qs,
                   arithmetic="98.6 / 82 - 1 = 0.2024", start=qs[0].start, end=qs[-1].end)


def consistent(text: str = TEXT) -> Finding:
    q = ref(text, "12.5%", "stated")
    return Finding(rule="zh.growth", kind="growth", verdict="consistent", severity="info",
                   message="一致。", quantities=[q], start=q.start, end=q.end)


def count_unverifiable(text: str = TEXT) -> Finding:
    q = ref(text, "36场", "count")
    return Finding(rule="zh.count", kind="enumeration_count", verdict="unverifiable", severity="warning",
                   message="文中说有36场活动，但没有列出，无法核对。", quantities=[q], start=q.start, end=q.end)


def file_report(path: str, text: str = TEXT, findings: list[Finding] | None = None) -> FileReport:
    if findings is None:
        findings = [growth_rounding(text), consistent(text), sum_finding(text), count_unverifiable(text)]
    return FileReport(path=path, text=text, findings=findings)


def report(*files: FileReport) -> Report:
    return Report(version="0.1.0", generated="2024-01-01T00:00:00Z", files=list(files))
