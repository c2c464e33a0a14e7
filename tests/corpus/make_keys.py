#!/usr/bin/env python3
"""Build and verify the answer keys of the held-out corpus (tests/corpus/{zh,en}/<id>.expected.json).

Each number is located by its text, or by a longer anchor string that contains it and occurs exactly once in the
article; the script asserts text[start:end] == number text and that each relation has exactly one "stated" number.
The verdicts are hand-computed (see the notes); the script does not judge arithmetic.

    python3 tests/corpus/make_keys.py        # rewrite every key and meta file
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATES = {}


def N(text, role, anchor=None, nth=0):
    return (text, role, anchor, nth)


def R(id, kind, nums, verdict, note, trap=False, err=False):
    return dict(id=id, kind=kind, nums=nums, verdict=verdict, note=note, trap=trap, err=err)


def locate(t, text, anchor, nth, where):
    if anchor is None:
        anchor = text
        assert t.count(anchor) == 1 or nth, f"{where}: {text!r} occurs {t.count(anchor)} times; give an anchor"
    assert anchor in t, f"{where}: anchor {anchor!r} not found"
    if nth == 0:
        assert t.count(anchor) == 1, f"{where}: anchor {anchor!r} occurs {t.count(anchor)} times"
        a = t.index(anchor)
    else:
        a = -1
        for _ in range(nth + 1):
            a = t.index(anchor, a + 1)
    i = anchor.index(text)
    s = a + i
    assert t[s:s + len(text)] == text
    return s, s + len(text)


def build(lang, art, date, rels):
    path = HERE / lang / f"{art}.txt"
    with open(path, encoding="utf-8", newline="") as f:
        t = f.read()
    out = []
    ids = set()
    for r in rels:
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        assert r["verdict"] in ("consistent", "rounding", "discrepancy", "unverifiable")
        assert not (r["trap"] and r["verdict"] == "discrepancy")
        assert not r["err"] or r["verdict"] == "discrepancy"
        nums = []
        for text, role, anchor, nth in r["nums"]:
            s, e = locate(t, text, anchor, nth, f"{art}/{r['id']}")
            nums.append({"text": text, "start": s, "end": e, "role": role})
        assert sum(n["role"] == "stated" for n in nums) == 1, r["id"]
        out.append({"id": r["id"], "kind": r["kind"], "numbers": nums, "verdict": r["verdict"],
                    "trap": r["trap"], "genuine_error": r["err"], "note": r["note"]})
    key = {"article": f"{art}.txt", "complete": True, "relations": out}
    (HERE / lang / f"{art}.expected.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
    meta = {"source": "written for the factcheck test corpus", "date": date}
    (HERE / lang / f"{art}.meta.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(out), sum(r["err"] for r in rels), sum(r["trap"] for r in rels)


ARTICLES = []


def article(lang, art, date):
    def deco(fn):
        ARTICLES.append((lang, art, date, fn))
        return fn
    return deco


# ============================================================ zh ============================================================
@article("zh", "chengyang_bulletin_2023", "2024-03-18")
def _():
    gdp = N("4826.35亿元", "total")
    p1, p2, p3 = N("412.68亿元", "part"), N("1937.54亿元", "part"), N("2476.13亿元", "part")
    return [
        R("gdp-sum", "sum", [N("4826.35亿元", "stated"), p1, p2, p3], "consistent",
          "412.68 + 1937.54 + 2476.13 = 4826.35 (亿元)."),
        R("primary-share", "share", [gdp, p1, N("8.6", "stated", "8.6∶40.1")], "consistent",
          "412.68/4826.35 = 8.55% -> 8.6 (结构比)."),
        R("secondary-share", "share", [gdp, p2, N("40.1", "stated", "8.6∶40.1")], "consistent",
          "1937.54/4826.35 = 40.15% -> 40.1 (40.145)."),
        R("tertiary-share", "share", [gdp, p3, N("51.3", "stated", "∶51.3")], "consistent",
          "2476.13/4826.35 = 51.30% -> 51.3."),
        R("structure-sums-100", "sum", [N("8.6", "part", "8.6∶40.1"), N("40.1", "part", "8.6∶40.1"),
                                         N("51.3", "stated", "∶51.3")], "consistent",
          "Structure of an exhaustive split: 8.6 + 40.1 + 51.3 = 100.0."),
        R("secondary-vs-industry-construction", "sum",
          [N("1937.54亿元", "stated"), N("1702.36亿元", "part"), N("241.87亿元", "part")], "unverifiable",
          "工业 1702.36 + 建筑业 241.87 = 1944.23 > 第二产业 1937.54; note 2: some industrial activities "
          "(开采辅助, 修理) are classed as tertiary, and the split is not given. Not an error.", trap=True),
        R("population-sum", "sum", [N("523.60万人", "stated"), N("348.72万人", "part"), N("174.88万人", "part")],
          "consistent", "348.72 + 174.88 = 523.60 (万人)."),
        R("urbanization-rate", "share", [N("523.60万人", "total"), N("348.72万人", "part"), N("66.6%", "stated")],
          "consistent", "348.72/523.60 = 66.60% -> 66.6%."),
        R("natural-growth-rate", "difference", [N("7.88‰", "start"), N("7.57‰", "part"), N("0.31‰", "stated")],
          "consistent", "Birth rate - death rate = 7.88 - 7.57 = 0.31‰."),
        R("grain-sum", "sum", [N("238.2万吨", "stated"), N("52.6万吨", "part"), N("12.7万吨", "part"),
                               N("175.9万吨", "part")], "discrepancy",
          "夏粮 52.6 + 早稻 12.7 + 秋粮 175.9 = 241.2万吨, stated 238.2 (off by 3.0, rounding allows 0.2).",
          err=True),
        R("trade-sum", "sum", [N("1023.5亿元", "stated"), N("687.3亿元", "part"), N("336.1亿元", "part")],
          "rounding", "687.3 + 336.1 = 1023.4 vs 1023.5: within rounding (interval 1023.3..1023.5 for the parts)."),
        R("trade-growth-weighted", "other",
          [N("1023.5亿元", "total"), N("4.8%", "stated", "增长4.8%"), N("687.3亿元", "part"),
           N("6.2%", "rate", "增长6.2%"), N("336.1亿元", "part"), N("2.0%", "rate", "增长2.0%")], "consistent",
          "Prior year = 687.3/1.062 + 336.1/1.020 = 647.18 + 329.51 = 976.68; 1023.5/976.68 = +4.79% -> 4.8%."),
        R("tax-share", "share", [N("356.82亿元", "total"), N("248.15亿元", "part"), N("69.5%", "stated")],
          "consistent", "248.15/356.82 = 69.545% -> 69.5% (just below the 69.55 boundary)."),
        R("livelihood-share", "share", [N("612.40亿元", "total"), N("489.30亿元", "part"), N("82.9%", "stated")],
          "discrepancy", "489.30/612.40 = 79.90%, stated 82.9%.", err=True),
        R("income-nominal-growth", "growth", [N("38420元", "start"), N("40764元", "end"), N("6.1%", "stated", "增长6.1%")],
          "consistent", "40764/38420 = 1.06101 -> +6.1%."),
        R("income-real-growth", "growth",
          [N("38420元", "start"), N("40764元", "end"), N("0.7%", "rate", "上涨0.7%"), N("5.4%", "stated", "实际增长5.4%")],
          "consistent", "Real growth: 1.06101/1.007 = 1.05363 -> 5.4% (CPI +0.7%). Nominal endpoints give 6.1%; "
          "5.4% is the price-adjusted rate, not an error.", trap=True),
        R("urban-rural-ratio", "other", [N("51236元", "part"), N("21587元", "base"), N("2.37", "stated", "收入比为2.37")],
          "consistent", "51236/21587 = 2.3735 -> 2.37."),
        R("ratio-narrowing", "other",
          [N("51236元", "part"), N("5.3%", "rate", "增长5.3%"), N("21587元", "base"), N("7.4%", "rate", "增长7.4%"),
           N("0.05", "stated", "缩小0.05")], "consistent",
          "Last year's ratio (51236/1.053)/(21587/1.074) = 2.4208; 2.4208 - 2.3735 = 0.047 -> 0.05."),
    ]


@article("zh", "jiangan_industry_aug", "2023-09-20")
def _():
    g = N("7.8%", "rate", "同比增长7.8%")
    return [
        R("value-added-real-vs-nominal", "growth",
          [N("1218.9亿元", "start"), N("1286.4亿元", "end"), N("7.8%", "stated", "同比增长7.8%")], "unverifiable",
          "Nominal 1286.4/1218.9 = +5.5%, stated 7.8% is at comparable prices (按可比价格); the deflator is not "
          "given. Not an error.", trap=True),
        R("contributions-sum-100", "sum",
          [N("4.2%", "part", "分别为4.2%"), N("84.3%", "part"), N("11.6%", "stated")], "rounding",
          "Contributions of the three exhaustive 门类: 4.2 + 84.3 + 11.6 = 100.1, within rounding (interval 99.95..100.25)."),
        R("mining-pull", "other", [g, N("4.2%", "rate", "分别为4.2%"), N("0.3", "stated", "增长0.3、")], "consistent",
          "Pull = contribution x growth = 4.2% x 7.8 = 0.33 -> 0.3 points."),
        R("manufacturing-pull", "other", [g, N("84.3%", "rate"), N("6.6", "stated", "6.6和")], "consistent",
          "84.3% x 7.8 = 6.58 -> 6.6 points."),
        R("utilities-pull", "other", [g, N("11.6%", "rate"), N("0.9个百分点", "stated", "0.9个百分点。")], "consistent",
          "11.6% x 7.8 = 0.90 -> 0.9 points."),
        R("pulls-sum", "sum", [N("7.8%", "stated", "同比增长7.8%"), N("0.3", "part", "增长0.3、"),
                               N("6.6", "part", "6.6和"), N("0.9个百分点", "part", "0.9个百分点。")], "consistent",
          "0.3 + 6.6 + 0.9 = 7.8 points = total growth 7.8%."),
        R("growth-breadth", "share", [N("35个", "total"), N("27个", "part"), N("77.1%", "stated")], "consistent",
          "27/35 = 77.14% -> 77.1%."),
        R("hitech-gap", "points", [N("15.2%", "rate"), g, N("6.9个百分点", "stated")], "discrepancy",
          "15.2 - 7.8 = 7.4 points, stated 6.9.", err=True),
        R("hitech-pull", "other", [g, N("34.1%", "rate"), N("2.7个百分点", "stated")], "consistent",
          "34.1% x 7.8 = 2.66 -> 2.7 points."),
        R("nev-growth", "growth", [N("8.64万辆", "start"), N("12.64万辆", "end"), N("46.3%", "stated")], "consistent",
          "12.64/8.64 = 1.46296 -> +46.3%."),
        R("export-difference", "difference", [N("328.6亿元", "start"), N("312.5亿元", "end"), N("16.1亿元", "stated")],
          "consistent", "328.6 - 312.5 = 16.1 (亿元)."),
        R("export-growth", "growth", [N("328.6亿元", "start"), N("312.5亿元", "end"), N("2.4%", "stated", "下降2.4%")],
          "discrepancy", "312.5/328.6 - 1 = -4.90%, stated -2.4%.", err=True),
        R("manufacturing-power-share", "share", [N("186.42亿千瓦时", "total"), N("151.37亿千瓦时", "part"),
                                                 N("81.2%", "stated")], "consistent", "151.37/186.42 = 81.20%."),
        R("profit-margin", "share", [N("4125.3亿元", "total"), N("236.8亿元", "part"), N("5.74%", "stated")],
          "consistent", "236.8/4125.3 = 5.740%."),
        R("profit-margin-change", "points",
          [N("4125.3亿元", "total"), N("4.6%", "rate", "增长4.6%"), N("236.8亿元", "part"), N("3.2%", "rate", "下降3.2%"),
           N("0.46个百分点", "stated")], "consistent",
          "Last year's margin (236.8/0.968)/(4125.3/1.046) = 244.63/3943.88 = 6.203%; 6.203 - 5.740 = 0.46 points."),
        R("title-growth-restated", "other", [N("7.8%", "stated", "值增长7.8%"), N("7.8%", "other", "同比增长7.8%")],
          "consistent", "Title 7.8% restates the body's 7.8%."),
    ]


@article("zh", "fund_q3_returns", "2023-10-09")
def _():
    return [
        R("positive-equity-share", "share", [N("2184只", "total"), N("1376只", "part"), N("63.0%", "stated")],
          "consistent", "1376/2184 = 63.00%."),
        R("over20-share-of-positive", "share", [N("1376只", "total"), N("87只", "part"), N("6.3%", "stated")],
          "consistent", "占正收益基金: 87/1376 = 6.32% -> 6.3%. The base is the 1376 positive funds, not the 2184 "
          "(87/2184 = 3.98%).", trap=True),
        R("best-worst-spread", "points", [N("52.36%", "rate"), N("-38.14%", "rate"), N("90.50个百分点", "stated")],
          "consistent", "52.36 - (-38.14) = 90.50 points."),
        R("bond-positive-share", "share", [N("1352只", "total"), N("1298只", "part"), N("96.0%", "stated")],
          "consistent", "1298/1352 = 96.01% -> 96.0%."),
        R("qdii-positive-share", "share", [N("285只", "total"), N("164只", "part"), N("62.5%", "stated")],
          "discrepancy", "164/285 = 57.54%, stated 62.5%.", err=True),
        R("aum-increase", "difference", [N("26.72万亿元", "start"), N("27.35万亿元", "end"), N("6300亿元", "stated")],
          "consistent", "27.35 - 26.72 = 0.63万亿元 = 6300亿元 (units differ)."),
        R("aum-growth", "growth", [N("26.72万亿元", "start"), N("27.35万亿元", "end"), N("2.4%", "stated")],
          "consistent", "0.63/26.72 = 2.36% -> 2.4%."),
        R("money-market-share", "share", [N("27.35万亿元", "total"), N("11.86万亿元", "part"), N("43.4%", "stated")],
          "consistent", "11.86/27.35 = 43.36% -> 43.4%."),
        R("equity-mixed-sum", "sum", [N("6.82万亿元", "stated"), N("2.95万亿元", "part"), N("3.86万亿元", "part")],
          "rounding", "2.95 + 3.86 = 6.81 vs 6.82: within rounding (parts 6.80..6.82)."),
        R("average-issue-size", "other", [N("312只", "count"), N("2856.4亿份", "total"), N("9.2亿份", "stated")],
          "consistent", "2856.4/312 = 9.155 -> 9.2亿份."),
        R("new-bond-fund-count-share", "share", [N("312只", "total"), N("168只", "part"), N("58.2%", "stated")],
          "discrepancy", "168/312 = 53.85%, stated 58.2%.", err=True),
        R("new-bond-fund-units-share", "share", [N("2856.4亿份", "total"), N("1874.2亿份", "part"), N("65.6%", "stated")],
          "consistent", "1874.2/2856.4 = 65.61% -> 65.6%."),
        R("title-over-60pct", "comparison", [N("六成", "stated"), N("63.0%", "other")], "consistent",
          "Title 超六成: 63.0% > 60%."),
        R("title-bond-96pct", "other", [N("九成六", "stated"), N("96.0%", "other")], "consistent",
          "Title 九成六 = 96%: restates 96.0%."),
        R("over50-within-over20", "comparison", [N("87只", "total"), N("3只", "stated")], "consistent",
          "Funds above 50% (3) are among those above 20% (87): 3 <= 87; no stated figure."),
    ]


@article("zh", "qinglan_rural_revitalization", "2024-01-22")
def _():
    total = N("3.86亿元", "total")
    return [
        R("funds-by-source", "sum", [N("3.86亿元", "stated"), N("2.14亿元", "part"), N("1.07亿元", "part"),
                                     N("0.65亿元", "part")], "consistent", "2.14 + 1.07 + 0.65 = 3.86 (亿元)."),
        R("funds-by-use", "sum", [N("3.86亿元", "stated"), N("2.31亿元", "part"), N("1.12亿元", "part"),
                                  N("0.43亿元", "part")], "consistent", "2.31 + 1.12 + 0.43 = 3.86 (亿元)."),
        R("three-uses-count", "enumeration_count", [N("三个方面", "stated")], "consistent",
          "产业发展、基础设施建设、就业帮扶 = 3, with 3 amounts given 分别."),
        R("industry-funds-share", "share", [total, N("2.31亿元", "part"), N("59.8%", "stated")], "consistent",
          "2.31/3.86 = 59.84% -> 59.8%."),
        R("industry-share-above-requirement", "comparison", [N("59.8%", "other"), N("55%", "stated")], "consistent",
          "59.8% > 55%."),
        R("risk-cleared-share", "share", [N("612户", "total"), N("487户", "part"), N("79.6%", "stated")],
          "consistent", "487/612 = 79.58% -> 79.6% (share of 监测户, the household count)."),
        R("three-industries-count", "enumeration_count", [N("三大特色产业", "stated")], "consistent",
          '"一茶一果一药" = 茶、果、药 = 3 (the three 一 are not counts).'),
        R("bases-sum", "sum", [N("13.5万亩", "stated"), N("6.8万亩", "part"), N("4.2万亩", "part"), N("2.5万亩", "part")],
          "consistent", "6.8 + 4.2 + 2.5 = 13.5 (万亩)."),
        R("workshop-share", "share", [N("2380人", "total"), N("1472人", "part"), N("68.4%", "stated")],
          "discrepancy", "1472/2380 = 61.85%, stated 68.4%.", err=True),
        R("east-west-funds-growth", "growth", [N("6800万元", "end"), N("1200万元", "part"), N("21.4%", "stated")],
          "consistent", "1200/(6800 - 1200) = 1200/5600 = 21.43% -> 21.4% (not 1200/6800 = 17.6%)."),
        R("relocation-parts", "sum", [N("2163户", "stated"), N("1520户", "part"), N("496户", "part")], "consistent",
          "1520 + 496 = 2016 < 2163: the remaining 147 households are 分散安置 (其余为分散安置), unnumbered. "
          "Not an error.", trap=True),
        R("income-cumulative-growth", "growth", [N("8436元", "start"), N("13218元", "end"), N("56.7%", "stated")],
          "consistent", "13218/8436 = 1.56686 -> +56.7%."),
        R("income-cagr", "cagr", [N("8436元", "start"), N("13218元", "end"), N("11.9%", "stated")], "consistent",
          "2019 -> 2023 = 4 years: 1.56686^(1/4) = 1.11881 -> 11.9%."),
        R("rich-villages-share", "share", [N("126个", "total"), N("58个", "part"), N("46.0%", "stated")],
          "consistent", "58/126 = 46.03% -> 46.0%."),
    ]


@article("zh", "jiangzhou_environment_2023", "2024-06-05")
def _():
    t = N("212个", "total")
    return [
        R("three-battles-count", "enumeration_count", [N("三大保卫战", "stated")], "consistent", "蓝天、碧水、净土 = 3."),
        R("pm25-change", "growth", [N("33微克/立方米", "start"), N("31微克/立方米", "end"), N("5.4%", "stated")],
          "rounding", "31/33 - 1 = -6.06% from the printed integers; the concentrations are rounded to 1 μg: "
          "30.5/33.5 .. 31.5/32.5 gives -8.96% .. -3.08%, so -5.4% (from unrounded data) fits.", trap=True),
        R("ozone-change", "growth", [N("144微克/立方米", "start"), N("148微克/立方米", "end"), N("2.8%", "stated")],
          "consistent", "148/144 = 1.0278 -> +2.8%."),
        R("attaining-cities-share", "share", [N("16个设区市中", "total", "16个设区市中"), N("9个", "part", "有9个城市"),
                                              N("56.3%", "stated")], "consistent",
          "9/16 = 56.25% -> 56.3% (round half up)."),
        R("cities-sum", "sum", [N("16个", "stated", "16个设区市中"), N("9个", "part", "有9个城市"), N("6个", "part", "未达标城市6个")],
          "discrepancy", "达标 9 + 未达标 6 = 15, but there are 16 设区市 (9/16 = 56.3% confirms 9; so 7 未达标).",
          err=True),
        R("sections-sum", "sum", [N("212个", "stated"), N("178个", "part"), N("24个", "part"), N("7个", "part", "Ⅴ类7个"),
                                  N("3个", "part", "劣Ⅴ类3个")], "consistent", "178 + 24 + 7 + 3 = 212."),
        R("class1-3-share", "share", [t, N("178个", "part"), N("84.0%", "stated")], "consistent", "178/212 = 83.96% -> 84.0%."),
        R("class4-share", "share", [t, N("24个", "part"), N("11.3%", "stated")], "consistent", "24/212 = 11.32% -> 11.3%."),
        R("class5-share", "share", [t, N("7个", "part", "Ⅴ类7个"), N("3.3%", "stated")], "consistent", "7/212 = 3.30%."),
        R("worse-than-5-share", "share", [t, N("3个", "part", "劣Ⅴ类3个"), N("1.4%", "stated")], "consistent",
          "3/212 = 1.42% -> 1.4%."),
        R("section-shares-sum-100", "sum", [N("84.0%", "part"), N("11.3%", "part"), N("3.3%", "part"), N("1.4%", "stated")],
          "consistent", "84.0 + 11.3 + 3.3 + 1.4 = 100.0."),
        R("class1-3-change", "points", [N("84.0%", "rate"), N("81.6%", "rate"), N("2.4个百分点", "stated")],
          "consistent", "84.0 - 81.6 = 2.4 points."),
        R("worse-than-5-change", "points", [N("1.4%", "rate"), N("2.3%", "rate"), N("0.9个百分点", "stated")],
          "consistent", "2.3 - 1.4 = 0.9 points."),
        R("lakes-sum", "sum", [N("26个", "stated"), N("2个", "part", "中度富营养的2个"), N("7个", "part", "轻度富营养的7个"),
                               N("17个", "part")], "consistent", "2 + 7 + 17 = 26."),
        R("light-eutrophic-share", "share", [N("26个", "total"), N("7个", "part", "轻度富营养的7个"), N("26.9%", "stated")],
          "consistent", "7/26 = 26.92% -> 26.9%."),
        R("mesotrophic-share", "share", [N("26个", "total"), N("17个", "part"), N("60.4%", "stated")], "discrepancy",
          "17/26 = 65.38%, stated 60.4%.", err=True),
        R("national-reserves-within-total", "comparison", [N("58个", "total"), N("11个", "stated")], "consistent",
          "其中国家级 11 <= 58 自然保护区; no stated figure."),
    ]


@article("zh", "liuchuan_work_report_2024", "2024-01-15")
def _():
    return [
        R("gdp-above-target", "points", [N("6.2%", "rate"), N("6%", "rate", "6%预期目标"), N("0.2个百分点", "stated")],
          "consistent", "6.2 - 6 = 0.2 points."),
        R("structure-sums-100", "sum", [N("5.9", "part", "5.9∶"), N("38.6", "part"), N("55.6", "stated")], "rounding",
          "5.9 + 38.6 + 55.6 = 100.1: within rounding of three 0.1-rounded shares (99.95..100.25)."),
        R("investment-above-plan", "points", [N("8.5%", "rate"), N("8%", "rate", "8%的计划"), N("0.5个百分点", "stated")],
          "consistent", "8.5 - 8 = 0.5 points."),
        R("revenue-vs-budget", "share", [N("260亿元", "total"), N("268.4亿元", "part"), N("103.2%", "stated")],
          "consistent", "268.4/260 = 103.23% -> 103.2%."),
        R("tax-share", "share", [N("268.4亿元", "total"), N("196.2亿元", "part"), N("73.1%", "stated")], "consistent",
          "196.2/268.4 = 73.10%."),
        R("livelihood-share", "share", [N("412.7亿元", "total"), N("324.5亿元", "part"), N("78.6%", "stated")],
          "consistent", "324.5/412.7 = 78.63% -> 78.6%."),
        R("ten-projects-count", "enumeration_count", [N("10件", "stated")], "unverifiable",
          "10件民生实事 '全部完成，其中' names only 3 (roads, housing, jobs): a partial list, not a count error.",
          trap=True),
        R("roads-above-plan", "difference", [N("412公里", "end"), N("400公里", "start"), N("12公里", "stated", "多出12公里")],
          "consistent", "412 - 400 = 12 km."),
        R("housing-vs-plan", "share", [N("4800套", "total"), N("5280套", "part"), N("112%", "stated")], "discrepancy",
          "5280/4800 = 110.0%, stated 112%.", err=True),
        R("jobs-vs-target", "share", [N("6万人", "total", "目标6万人"), N("6.82万人", "part"), N("113.7%", "stated")],
          "consistent", "6.82/6 = 113.67% -> 113.7%."),
        R("five-year-increase", "difference", [N("2356.8亿元", "start"), N("3285.6亿元", "end", "增加到3285.6亿元"),
                                               N("928.8亿元", "stated")], "consistent", "3285.6 - 2356.8 = 928.8 (亿元)."),
        R("five-year-real-cagr", "cagr", [N("2356.8亿元", "start"), N("3285.6亿元", "end", "增加到3285.6亿元"),
                                          N("6.4%", "stated")], "unverifiable",
          "Nominal (3285.6/2356.8)^(1/5) = 1.0687 -> 6.9%/yr; 6.4% is the real average (可比价, as the 6.2% in the "
          "same report); the deflator is not given. Not an error.", trap=True),
        R("six-tasks-count", "enumeration_count", [N("六个方面", "stated")], "discrepancy",
          "六个方面 but only 一是...五是 are listed: 5 items.", err=True),
        R("gdp-restated", "other", [N("3285.6亿元", "stated", "增加到3285.6亿元"), N("3285.6亿元", "other", "完成3285.6亿元")],
          "consistent", "2023 GDP 3285.6亿元 stated twice, identical."),
    ]


@article("zh", "hengtuo_annual_2023", "2024-03-29")
def _():
    rev = N("86.42亿元", "total")
    return [
        R("revenue-growth", "growth", [N("76.75亿元", "start"), N("86.42亿元", "end"), N("12.6%", "stated")], "consistent",
          "86.42/76.75 = 1.12599 -> +12.6%."),
        R("net-profit-growth", "growth", [N("6.18亿元", "start"), N("7.31亿元", "end"), N("18.3%", "stated", "同比增长18.3%")],
          "consistent", "7.31/6.18 = 1.18285 -> +18.3%."),
        R("headline-net-profit-growth", "other", [N("18.3%", "stated", "增长18.3%　"), N("18.3%", "other", "同比增长18.3%")],
          "consistent", "Headline restates the body's 18.3%."),
        R("deducted-profit-growth", "growth", [N("5.53亿元", "start"), N("6.54亿元", "end"), N("21.5%", "stated")],
          "discrepancy", "6.54/5.53 = 1.18264 -> +18.3%, stated 21.5%.", err=True),
        R("eps-vs-year-end-shares", "other",
          [N("7.31亿元", "total"), N("5.76亿股", "base", "增至5.76亿股"), N("1.31元", "stated")], "unverifiable",
          "7.31/5.76 = 1.27元 on year-end shares; basic EPS uses the weighted average share count (shares rose in the "
          "year through a placement: 7.31/1.31 = 5.58亿股 average), which is not given. Not an error.", trap=True),
        R("segments-sum", "sum", [N("86.42亿元", "stated"), N("52.37亿元", "part"), N("21.85亿元", "part"),
                                  N("12.20亿元", "part")], "consistent", "52.37 + 21.85 + 12.20 = 86.42."),
        R("battery-share", "share", [rev, N("52.37亿元", "part"), N("60.6%", "stated")], "consistent",
          "52.37/86.42 = 60.60%."),
        R("storage-share", "share", [rev, N("21.85亿元", "part"), N("25.3%", "stated")], "consistent",
          "21.85/86.42 = 25.28% -> 25.3%."),
        R("other-share", "share", [rev, N("12.20亿元", "part"), N("14.1%", "stated")], "consistent",
          "12.20/86.42 = 14.12% -> 14.1%."),
        R("gross-margin", "other", [rev, N("61.88亿元", "part"), N("28.4%", "stated")], "consistent",
          "(86.42 - 61.88)/86.42 = 24.54/86.42 = 28.40%."),
        R("gross-margin-change", "points", [N("28.4%", "rate"), N("27.1%", "rate"), N("1.3个百分点", "stated")],
          "consistent", "28.4 - 27.1 = 1.3 points."),
        R("net-margin", "share", [rev, N("7.31亿元", "part"), N("8.5%", "stated")], "consistent",
          "7.31/86.42 = 8.46% -> 8.5%."),
        R("rd-share", "share", [rev, N("5.12亿元", "part"), N("5.9%", "stated")], "consistent", "5.12/86.42 = 5.92% -> 5.9%."),
        R("quarters-sum", "sum", [N("86.42亿元", "stated"), N("61.36亿元", "part"), N("25.16亿元", "part")],
          "discrepancy", "前三季度 61.36 + 第四季度 25.16 = 86.52 vs annual 86.42 (off by 0.10, rounding allows 0.015).",
          err=True),
        R("dividend-total", "other", [N("5.76亿股", "base", "以年末总股本5.76亿股"), N("3.80元", "rate"),
                                      N("2.19亿元", "stated")], "consistent",
          "5.76亿股 x 0.380元 = 2.1888亿元 -> 2.19亿元."),
        R("share-count-restated", "other", [N("5.76亿股", "stated", "以年末总股本5.76亿股"), N("5.76亿股", "other", "增至5.76亿股")],
          "consistent", "Year-end share count 5.76亿股 stated twice, identical."),
        R("payout-ratio", "share", [N("7.31亿元", "total"), N("2.19亿元", "part"), N("30.0%", "stated")], "consistent",
          "2.19/7.31 = 29.96% -> 30.0%."),
    ]


@article("zh", "yunxi_census7", "2021-05-28")
def _():
    P = N("487326人", "total")
    return [
        R("decade-decrease", "difference", [N("512604人", "start"), N("487326人", "end"), N("25278人", "stated")],
          "consistent", "512604 - 487326 = 25278."),
        R("decade-decline-rate", "growth", [N("512604人", "start"), N("487326人", "end"), N("4.93%", "stated")],
          "consistent", "25278/512604 = 4.931% -> 4.93%."),
        R("annual-decline-rate", "cagr", [N("512604人", "start"), N("487326人", "end"), N("0.50%", "stated")],
          "consistent", "(487326/512604)^(1/10) - 1 = -0.504% -> -0.50%."),
        R("household-population-sum", "sum", [N("487326人", "stated"), N("452118人", "part"), N("35208人", "part")],
          "consistent", "家庭户人口 452118 + 集体户人口 35208 = 487326."),
        R("household-size", "other", [N("158463户", "base"), N("452118人", "total"), N("2.85人", "stated")],
          "consistent", "452118/158463 = 2.853 -> 2.85."),
        R("household-size-change", "difference", [N("3.12人", "start"), N("2.85人", "end"), N("0.27人", "stated")],
          "consistent", "3.12 - 2.85 = 0.27."),
        R("sex-sum", "sum", [N("487326人", "stated"), N("249852人", "part"), N("237474人", "part")], "consistent",
          "249852 + 237474 = 487326."),
        R("male-share", "share", [P, N("249852人", "part"), N("51.27%", "stated")], "consistent", "249852/487326 = 51.270%."),
        R("female-share", "share", [P, N("237474人", "part"), N("48.73%", "stated")], "consistent", "237474/487326 = 48.730%."),
        R("sex-ratio", "other", [N("249852人", "part"), N("237474人", "base"), N("105.21", "stated")], "consistent",
          "249852/237474 x 100 = 105.212 -> 105.21."),
        R("age-sum", "sum", [N("487326人", "stated"), N("82415人", "part"), N("289637人", "part"), N("115274人", "part")],
          "consistent", "82415 + 289637 + 115274 = 487326 (65+ is inside 60+, not added)."),
        R("age0-14-share", "share", [P, N("82415人", "part"), N("16.91%", "stated")], "consistent", "82415/487326 = 16.912%."),
        R("age15-59-share", "share", [P, N("289637人", "part"), N("59.43%", "stated")], "consistent",
          "289637/487326 = 59.434%."),
        R("age60-share", "share", [P, N("115274人", "part"), N("23.65%", "stated")], "consistent",
          "115274/487326 = 23.654% -> 23.65%."),
        R("age65-share-of-total", "share", [P, N("87902人", "part"), N("18.04%", "stated")], "consistent",
          "87902/487326 = 18.038% -> 18.04%: share of the total population, not of the 60+ group "
          "(87902/115274 = 76.3%).", trap=True),
        R("age-shares-sum-100", "sum", [N("16.91%", "part"), N("59.43%", "part"), N("23.65%", "stated")], "rounding",
          "16.91 + 59.43 + 23.65 = 99.99: within rounding of three 0.01-rounded shares (99.975..100.005)."),
        R("age-share-changes-net-zero", "points",
          [N("1.26个百分点", "part"), N("6.58个百分点", "part"), N("7.84个百分点", "stated")], "consistent",
          "Changes of an exhaustive split net to zero: -1.26 - 6.58 + 7.84 = 0. The 65+ change (5.97) is nested in "
          "60+ and must not be added.", trap=True),
        R("college-per-100k", "share", [P, N("58214人", "part"), N("11946人", "stated")], "consistent",
          "58214/487326 x 100000 = 11945.6 -> 11946."),
        R("highschool-per-100k", "share", [P, N("64781人", "part"), N("13293人", "stated")], "consistent",
          "64781/487326 x 100000 = 13293.2 -> 13293."),
        R("middleschool-per-100k", "share", [P, N("178406人", "part"), N("35609人", "stated")], "discrepancy",
          "178406/487326 x 100000 = 36609, stated 35609 (off by 1000).", err=True),
        R("primary-per-100k", "share", [P, N("131957人", "part"), N("27078人", "stated")], "consistent",
          "131957/487326 x 100000 = 27077.8 -> 27078."),
        R("urban-rural-sum", "sum", [N("487326人", "stated"), N("263518人", "part"), N("223808人", "part")], "consistent",
          "263518 + 223808 = 487326."),
        R("urban-share", "share", [P, N("263518人", "part"), N("54.07%", "stated")], "consistent", "263518/487326 = 54.074%."),
        R("rural-share", "share", [P, N("223808人", "part"), N("45.93%", "stated")], "consistent", "223808/487326 = 45.926%."),
        R("urban-rural-change-net", "sum", [N("25278人", "stated"), N("68315人", "part"), N("93593人", "part")],
          "consistent", "+68315 - 93593 = -25278 = the decade's decrease."),
        R("urban-share-change", "points",
          [N("263518人", "part"), N("68315人", "part"), N("512604人", "total"), N("15.99个百分点", "stated")], "consistent",
          "2010 urban = 263518 - 68315 = 195203, 195203/512604 = 38.081%; 54.074 - 38.081 = 15.99 points."),
        R("migrants-sum", "sum", [N("96347人", "stated"), N("12836人", "part"), N("83411人", "part")], "discrepancy",
          "跨省流入 12836 + 省内流动 83411 = 96247, stated 96347 (off by 100; counts are exact).", err=True),
    ]


@article("zh", "qingshi_three_industries", "2023-10-17")
def _():
    return [
        R("three-industries-count", "enumeration_count", [N("三大产业", "stated", '"三大产业"做文章')], "consistent",
          "茶叶、竹笋、生猪 = 3."),
        R("tea-townships-over-80pct", "comparison", [N("18个", "total"), N("15个", "part"), N("八成", "stated")],
          "consistent", "15/18 = 83.3% > 80% (超过八成)."),
        R("tea-output-doubled", "multiple", [N("20亿元", "part", "近20亿元，比"), N("9.6亿元", "base"), N("一番", "stated")],
          "consistent", "近20/9.6 = about 2.0-2.08: 翻了一番 (doubled)."),
        R("bamboo-area-sum", "sum", [N("38万亩", "stated"), N("21.4万亩", "part"), N("16.5万亩", "part")], "consistent",
          "21.4 + 约16.5 = 37.9 = 约38万亩 (approximations).", trap=True),
        R("pigs-growth-nearly-10pct", "comparison", [N("52万", "end", "52万余头"), N("47.6万头", "start"), N("一成", "stated")],
          "consistent", "52万余/47.6万 = +9.2% or a little more: 近一成 (nearly 10%)."),
        R("processors-share", "share", [N("87家", "total"), N("23家", "part"), N("26.4%", "stated")], "consistent",
          "23/87 = 26.44% -> 26.4%."),
        R("industries-output-sum", "sum", [N("68亿元", "stated"), N("20亿元", "part", "其中茶叶近20亿元"),
                                           N("15亿元", "part"), N("24亿元", "part")], "discrepancy",
          "近20 + 约15 + 约24 = about 59亿元, stated 约68亿元: 15% off, far beyond the approximations.", err=True),
        R("household-income-total", "other", [N("1.2万", "base", "1.2万余户"), N("3000元", "rate"), N("3600万元", "stated")],
          "consistent", "1.2万余户 x 3000元左右 = about 3600万元."),
        R("three-measures-count", "enumeration_count", [N("三项举措", "stated")], "discrepancy",
          "三项举措 but 一是...四是 lists 4 measures.", err=True),
        R("two-brands-count", "enumeration_count", [N("两个品牌", "stated")], "consistent",
          '一是"青石云雾"，二是"竹乡鲜" = 2.'),
        R("tourism-spend-per-visitor", "other", [N("150余万", "base"), N("12亿元", "total"), N("800元", "stated")],
          "consistent", "近12亿元 / 150余万人次 = about 800元 (both approximate)."),
    ]


@article("zh", "donghu_vouchers_web", "2023-11-06")
def _():
    return [
        R("batches-sum", "sum", [N("3000万元", "stated"), N("1200万元", "part"), N("1800万元", "part", "第二批1800万元")],
          "consistent", "1200 + 1800 = 3000 (万元)."),
        R("two-batches-count", "enumeration_count", [N("两批", "stated")], "consistent", "第一批, 第二批 = 2."),
        R("title-redeemed-restated", "other", [N("2614万元", "stated", "核销2614万元　"), N("2614万元", "other", "累计核销消费券2614万元")],
          "consistent", "Title 2614万元 restates the body's figure."),
        R("title-spending-restated", "other", [N("1.86亿元", "stated", "带动消费1.86亿元\n"),
                                               N("1.86亿元", "other", "直接带动消费1.86亿元")],
          "consistent", "Title 1.86亿元 restates the body's figure."),
        R("redemption-rate", "share", [N("3000万元", "total"), N("2614万元", "part", "累计核销消费券2614万元"),
                                       N("87.1%", "stated")], "consistent", "2614/3000 = 87.13% -> 87.1%."),
        R("leverage", "multiple", [N("2614万元", "base", "累计核销消费券2614万元"), N("1.86亿元", "total", "直接带动消费1.86亿元"),
                                   N("7.1", "stated", "1∶7.1")], "consistent",
          "18600/2614 = 7.12 -> 1:7.1 (measured against redeemed vouchers, not the 3000万 issued: 18600/3000 = 6.2).",
          trap=True),
        R("batch-redemptions-sum", "sum", [N("2614万元", "stated", "累计核销消费券2614万元"), N("1187万元", "part"),
                                           N("1427万元", "part")], "consistent", "1187 + 1427 = 2614."),
        R("batch1-rate", "share", [N("1200万元", "total"), N("1187万元", "part"), N("98.9%", "stated")], "consistent",
          "1187/1200 = 98.92% -> 98.9%."),
        R("batch2-rate", "share", [N("1800万元", "total", "第二批1800万元"), N("1427万元", "part"), N("79.3%", "stated")],
          "consistent", "1427/1800 = 79.28% -> 79.3%."),
        R("merchants-sum", "sum", [N("1326家", "stated"), N("418家", "part"), N("697家", "part"), N("211家", "part")],
          "consistent", "418 + 697 + 211 = 1326."),
        R("spend-per-merchant", "other", [N("1326家", "base"), N("1.86亿元", "total", "直接带动消费1.86亿元"),
                                          N("14万元", "stated", "约14万元")], "consistent", "18600万/1326 = 14.03万 -> 约14万元."),
        R("national-day-growth", "growth", [N("248万元", "start"), N("326万元", "end"), N("41.5%", "stated")],
          "discrepancy", "326/248 = 1.3145 -> +31.5%, stated 41.5%.", err=True),
        R("three-steps-count", "enumeration_count", [N("三个方面", "stated")], "consistent", "一是...二是...三是 = 3."),
    ]


# ============================================================ en ============================================================
@article("en", "jobs_report_october", "2023-11-03")
def _():
    return [
        R("rate-change", "points", [N("3.5 percent", "rate"), N("3.8 percent", "rate"), N("0.3 percentage point", "stated")],
          "consistent", "3.8 - 3.5 = 0.3 points."),
        R("headline-rate", "other", [N("3.8%", "stated"), N("3.8 percent", "other")], "consistent",
          "Headline 3.8% restates the body's 3.8 percent."),
        R("august-revision", "difference", [N("+185,000", "start"), N("+105,000", "end"), N("80,000", "stated", "down by 80,000")],
          "consistent", "185,000 - 105,000 = 80,000."),
        R("september-revision", "difference", [N("+187,000", "start"), N("+157,000", "end"),
                                               N("30,000", "stated", "down by 30,000")], "consistent",
          "187,000 - 157,000 = 30,000."),
        R("combined-revision", "sum", [N("110,000", "stated"), N("80,000", "part", "down by 80,000"),
                                       N("30,000", "part", "down by 30,000")], "consistent", "80,000 + 30,000 = 110,000."),
        R("three-month-average", "other", [N("164,000", "part", "added 164,000"), N("+105,000", "part"), N("+157,000", "part"),
                                           N("142,000", "stated")], "consistent",
          "Revised figures: (105,000 + 157,000 + 164,000)/3 = 142,000. With the unrevised 185,000 and 187,000 it "
          "would be 178,667; the average uses the revisions.", trap=True),
        R("forecast-shortfall", "difference", [N("180,000", "start"), N("164,000", "end", "added 164,000"),
                                               N("26,000", "stated", "forecasts by 26,000")], "discrepancy",
          "180,000 - 164,000 = 16,000, stated 26,000.", err=True),
        R("unemployed-change", "difference", [N("5.84 million", "start"), N("6.35 million", "end"), N("514,000", "stated")],
          "rounding", "6.35 - 5.84 = 0.51 million vs 514,000: within rounding of the millions (0.50..0.52)."),
        R("unemployment-rate", "share", [N("167.8 million", "total"), N("6.35 million", "part"),
                                         N("3.8 percent", "stated")], "consistent",
          "6.35/167.8 = 3.78% -> 3.8%."),
        R("four-industries-count", "enumeration_count", [N("Four industries", "stated")], "consistent",
          "Health care, leisure and hospitality, social assistance, construction = 4."),
        R("four-industries-sum", "sum", [N("159,000", "stated"), N("71,000", "part"), N("40,000", "part"),
                                         N("26,000", "part", "assistance 26,000"), N("22,000", "part")], "consistent",
          "71 + 40 + 26 + 22 = 159 (thousand)."),
        R("four-industries-share", "share", [N("164,000", "total", "added 164,000"), N("159,000", "part"),
                                             N("97 percent", "stated")], "consistent", "159/164 = 96.95% -> 97%."),
        R("long-term-share", "share", [N("6.35 million", "total"), N("1.29 million", "part"), N("23.6 percent", "stated")],
          "discrepancy", "1.29/6.35 = 20.3% (interval 20.2..20.5), stated 23.6%.", err=True),
        R("part-time-change", "difference", [N("3.95 million", "start"), N("4.17 million", "end"), N("221,000", "stated")],
          "rounding", "4.17 - 3.95 = 0.22 million vs 221,000: within rounding (0.21..0.23)."),
        R("hourly-earnings-month", "growth", [N("$33.82", "end"), N("8 cents", "part"), N("0.2 percent", "stated")],
          "consistent", "0.08/(33.82 - 0.08) = 0.24% -> 0.2%."),
        R("hourly-earnings-year", "growth", [N("$32.43", "start"), N("$33.82", "end"), N("4.3 percent", "stated")],
          "consistent", "33.82/32.43 = 1.04286 -> 4.3%."),
    ]


@article("en", "calloway_budget_2024", "2024-09-12")
def _():
    return [
        R("deficit-2024", "difference", [N("$51.10 billion", "part"), N("$48.62 billion", "part"),
                                         N("$2.48 billion", "stated", "deficit of $2.48 billion")], "consistent",
          "51.10 - 48.62 = 2.48."),
        R("headline-deficit", "other", [N("$2.48 billion", "stated", "with $2.48 billion"),
                                        N("$2.48 billion", "other", "deficit of $2.48 billion")], "consistent",
          "Headline restates 2.48."),
        R("deficit-2023", "difference", [N("$47.58 billion", "part"), N("$46.25 billion", "part"),
                                         N("$1.33 billion", "stated", "shortfall of $1.33 billion")], "consistent",
          "47.58 - 46.25 = 1.33: the revised figure; the first-reported 1.52 is superseded.", trap=True),
        R("deficit-revision-restated", "other", [N("$1.33 billion", "stated", "revised to $1.33 billion"),
                                                 N("$1.33 billion", "other", "shortfall of $1.33 billion")], "consistent",
          "Revised 2023 deficit 1.33 matches the 1.33 in the lead (not the 1.52 first reported).", trap=True),
        R("deficit-nearly-doubled", "multiple", [N("$1.33 billion", "base", "shortfall of $1.33 billion"),
                                                 N("$2.48 billion", "part", "deficit of $2.48 billion"),
                                                 N("nearly doubled", "stated")], "consistent",
          "2.48/1.33 = 1.86: nearly doubled."),
        R("receipts-change", "difference", [N("$46.25 billion", "start"), N("$48.62 billion", "end"),
                                            N("$2.37 billion", "stated")], "consistent", "48.62 - 46.25 = 2.37."),
        R("receipts-growth", "growth", [N("$46.25 billion", "start"), N("$48.62 billion", "end"), N("5.1 percent", "stated", "or 5.1 percent")],
          "consistent", "2.37/46.25 = 5.12% -> 5.1%."),
        R("receipts-sum", "sum", [N("$48.62 billion", "stated"), N("$21.34 billion", "part"), N("$14.87 billion", "part"),
                                  N("$5.62 billion", "part"), N("$6.78 billion", "part")], "rounding",
          "21.34 + 14.87 + 5.62 + 6.78 = 48.61 vs 48.62: within rounding of four 0.01-rounded parts."),
        R("income-tax-share", "share", [N("$48.62 billion", "total"), N("$21.34 billion", "part"),
                                        N("43.9 percent", "stated")], "consistent", "21.34/48.62 = 43.89% -> 43.9%."),
        R("outlays-growth", "growth", [N("$47.58 billion", "start"), N("$51.10 billion", "end"), N("7.4 percent", "stated")],
          "consistent", "51.10/47.58 = 1.07398 -> 7.4%."),
        R("outlays-growth-ex-settlement", "growth", [N("$47.58 billion", "start"), N("$51.10 billion", "end"),
                                                     N("$0.94 billion", "other"), N("5.4 percent", "stated")],
          "consistent", "(51.10 - 0.94)/47.58 = 50.16/47.58 = 1.05422 -> 5.4%; differs from 7.4% by design.", trap=True),
        R("education-share", "share", [N("$51.10 billion", "total"), N("$17.95 billion", "part"), N("35.1 percent", "stated")],
          "consistent", "17.95/51.10 = 35.13% -> 35.1%."),
        R("medicaid-growth", "growth", [N("$14.48 billion", "end"), N("$1.46 billion", "part"), N("11.2 percent", "stated")],
          "consistent", "1.46/(14.48 - 1.46) = 1.46/13.02 = 11.21% -> 11.2%."),
        R("two-programs-share", "share", [N("$51.10 billion", "total"), N("$17.95 billion", "part"),
                                          N("$14.48 billion", "part"), N("63.5 percent", "stated")], "consistent",
          "(17.95 + 14.48)/51.10 = 32.43/51.10 = 63.46% -> 63.5%."),
        R("corrections-decline", "growth", [N("$2.64 billion", "end"), N("$0.21 billion", "part"), N("6.8 percent", "stated")],
          "discrepancy", "0.21/(2.64 + 0.21) = 0.21/2.85 = 7.37% (interval 7.18..7.56), stated 6.8%.", err=True),
        R("deficit-to-receipts", "share", [N("$48.62 billion", "total"), N("$2.48 billion", "part", "deficit of $2.48 billion"),
                                           N("5.6 percent", "stated")], "discrepancy",
          "2.48/48.62 = 5.10%, stated 5.6%.", err=True),
        R("rainy-day-drop", "difference", [N("$4.1 billion", "start"), N("$3.2 billion", "end"), N("$900 million", "stated")],
          "consistent", "4.1 - 3.2 = 0.9 billion = $900 million."),
        R("rainy-day-drop-pct", "growth", [N("$4.1 billion", "start"), N("$3.2 billion", "end"), N("22 percent", "stated")],
          "consistent", "0.9/4.1 = 21.95% -> 22%."),
    ]


@article("en", "halvorsen_q3_earnings", "2023-10-25")
def _():
    return [
        R("revenue-growth", "growth", [N("$4.41 billion", "start"), N("$4.82 billion", "end", "revenue of $4.82 billion"),
                                       N("9 percent", "stated", "up 9 percent")], "consistent", "4.82/4.41 = 1.0930 -> 9%."),
        R("headline-revenue-growth", "other", [N("9%", "stated"), N("9 percent", "other", "up 9 percent")], "consistent",
          "Headline 9% restates the body's 9 percent."),
        R("net-income-growth", "growth", [N("$538 million", "start"), N("$612 million", "end"), N("13.8 percent", "stated")],
          "consistent", "612/538 = 1.13755 -> 13.8%."),
        R("eps-growth", "growth", [N("$1.27", "start"), N("$1.48", "end"), N("17 percent", "stated")], "consistent",
          "1.48/1.27 = 1.1654 -> 17%. Faster than the 13.8% net-income growth because the share count fell.", trap=True),
        R("share-count-reduction", "comparison",
          [N("$612 million", "part"), N("$1.48", "rate"), N("$538 million", "part"), N("$1.27", "rate"),
           N("2 percent", "stated", "than 2 percent")], "consistent",
          "Implied shares 612/1.48 = 413.5M vs 538/1.27 = 423.6M: down 2.4%, 'more than 2 percent'."),
        R("segments-sum", "sum", [N("$4.82 billion", "stated", "revenue of $4.82 billion"), N("$1.94 billion", "part"),
                                  N("$1.71 billion", "part"), N("$1.17 billion", "part")], "consistent",
          "1.94 + 1.71 + 1.17 = 4.82."),
        R("cloud-growth", "growth", [N("$1.56 billion", "start"), N("$1.94 billion", "end"), N("24 percent", "stated")],
          "consistent", "1.94/1.56 = 1.2436 -> 24%."),
        R("cloud-share", "share", [N("$4.82 billion", "total", "revenue of $4.82 billion"), N("$1.94 billion", "part"),
                                   N("40 percent", "stated")], "consistent", "1.94/4.82 = 40.25% -> 40%."),
        R("devices-decline", "growth", [N("$1.83 billion", "start"), N("$1.71 billion", "end"), N("3 percent", "stated", "slipped 3 percent")],
          "discrepancy", "1.71/1.83 - 1 = -6.56%, stated -3%.", err=True),
        R("gross-margin-change", "points", [N("44.9 percent", "rate"), N("46.2 percent", "rate"),
                                            N("1.5 percentage points", "stated")], "discrepancy",
          "46.2 - 44.9 = 1.3 points, stated 1.5.", err=True),
        R("operating-margin", "share", [N("$4.82 billion", "total", "revenue of $4.82 billion"), N("$845 million", "part"),
                                        N("17.5 percent", "stated")], "consistent", "845/4820 = 17.53% -> 17.5%."),
        R("buyback-average-price", "other", [N("12 million", "base", "repurchased 12 million"), N("$1.1 billion", "total"), N("$92", "stated")],
          "consistent", "1.1 billion / 12 million = $91.67: 'about $92'."),
        R("consensus-beat", "difference", [N("$4.75 billion", "start"), N("$4.82 billion", "end", "revenue of $4.82 billion"),
                                           N("$70 million", "stated")], "consistent", "4.82 - 4.75 = 0.07 billion = $70 million."),
        R("guidance-midpoint-growth", "growth", [N("$5.0 billion", "part"), N("$5.2 billion", "part"),
                                                 N("$4.80 billion", "start"), N("6 percent", "stated")], "consistent",
          "Midpoint 5.1/4.80 = 1.0625 -> 6%."),
    ]


@article("en", "transit_levy_poll", "2023-09-18")
def _():
    return [
        R("vote-shares-sum-100", "sum", [N("58 percent", "part"), N("35 percent", "part"), N("7 percent", "stated", "and 7 percent")],
          "consistent", "58 + 35 + 7 = 100."),
        R("margin-of-error", "other", [N("1,204", "base"), N("2.8 percentage points", "stated")], "consistent",
          "95% margin for n = 1204: 1.96 x sqrt(0.25/1204) = 2.82 points -> 2.8."),
        R("half-used-transit", "share", [N("1,204", "total"), N("602", "part"), N("Half", "stated")], "consistent",
          "602/1204 = 50.0%."),
        R("support-weighted-average", "other", [N("71 percent", "rate"), N("45 percent", "rate"), N("602", "part"),
                                                N("1,204", "total"), N("58 percent", "stated")], "consistent",
          "602 users x 71% + 602 non-users x 45% = (71 + 45)/2 = 58% overall."),
        R("two-thirds-under-35", "other", [N("two-thirds", "stated"), N("66 percent", "other")], "consistent",
          "66% is roughly two-thirds (66.7%)."),
        R("remote-workers-share", "share", [N("412", "total"), N("287", "part"), N("74 percent", "stated")], "discrepancy",
          "287/412 = 69.66% -> 70%, stated 74%.", err=True),
        R("renters-no-car-share", "share", [N("398", "total"), N("163", "part"), N("41 percent", "stated")], "consistent",
          "163/398 = 40.95% -> 41%."),
        R("light-rail-shares-sum-100", "sum", [N("31 percent", "part"), N("27 percent", "part"), N("22 percent", "part"),
                                               N("24 percent", "stated")], "discrepancy",
          "31 + 27 + 22 + 24 = 104 for an exhaustive single-answer question; rounding of four integers allows at most "
          "+-2.", err=True),
        R("concerns-sum-101", "sum", [N("38 percent", "part"), N("29 percent", "part"), N("34 percent", "stated")],
          "rounding", "38 + 29 + 34 = 101: within rounding of three integer shares (98.5..101.5), as the text says.",
          trap=True),
    ]


@article("en", "harlow_capital_package", "2023-06-14")
def _():
    return [
        R("package-sum", "sum", [N("$48.6 million", "stated", "approved a $48.6 million"), N("$21.3 million", "part"),
                                 N("$15.8 million", "part"), N("$8.2 million", "part"), N("$3.3 million", "part")],
          "consistent", "21.3 + 15.8 + 8.2 + 3.3 = 48.6."),
        R("headline-package", "other", [N("$48.6 million", "stated", "approves $48.6 million"),
                                        N("$48.6 million", "other", "approved a $48.6 million")], "consistent",
          "Headline restates 48.6."),
        R("three-projects-count", "enumeration_count", [N("three projects", "stated")], "discrepancy",
          "'three projects' but four are listed with amounts: library, pump station, bike lanes, Civic Center roof.",
          err=True),
        R("library-share", "share", [N("$48.6 million", "total", "approved a $48.6 million"), N("$21.3 million", "part"),
                                     N("44 percent", "stated")], "consistent", "21.3/48.6 = 43.83% -> 44%."),
        R("vote-sum", "sum", [N("nine", "stated", "nine-member"), N("7", "part", "7-2"), N("2", "part", "7-2")],
          "consistent", "7 + 2 = 9 members."),
        R("bike-lanes-twice", "multiple", [N("42 miles", "base"), N("84 miles", "part"), N("twice", "stated", "twice as many as in 2019")],
          "consistent", "84/42 = 2.0."),
        R("route9-three-times", "multiple", [N("5,100", "base"), N("12,600", "part"), N("three times", "stated")],
          "discrepancy", "12,600/5,100 = 2.47, not three times.", err=True),
        R("tax-bill-share", "share", [N("$3,150", "total"), N("$38", "part"), N("1.2 percent", "stated")], "consistent",
          "about $38/$3,150 = 1.21% -> roughly 1.2%."),
        R("four-commitments-count", "enumeration_count", [N("four commitments", "stated")], "consistent",
          "first, second, third, fourth = 4."),
        R("applications-twice", "multiple", [N("870", "base"), N("1,840", "part"), N("twice", "stated", "more than twice")],
          "consistent", "1,840/870 = 2.11: more than twice."),
        R("applications-parts", "sum", [N("1,840", "stated"), N("1,120", "part"), N("560", "part")], "consistent",
          "1,120 + 560 = 1,680 < 1,840: the remaining 160 are young adults not in school (the rest ...), unnumbered.",
          trap=True),
    ]


def main():
    totals = [0, 0, 0, 0]
    for lang, art, date, fn in ARTICLES:
        n, e, t = build(lang, art, date, fn())
        totals = [totals[0] + 1, totals[1] + n, totals[2] + e, totals[3] + t]
        print(f"{lang}/{art}: {n} relations, {e} genuine errors, {t} traps")
    print(f"{totals[0]} articles, {totals[1]} relations, {totals[2]} genuine errors, {totals[3]} traps")


if __name__ == "__main__":
    sys.exit(main())
