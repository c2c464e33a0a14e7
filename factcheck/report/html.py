"""HTML reports for editors: one self-contained page per article (inline CSS/JS, no network) plus an index.

`render` gives one document: the article page for a single file, otherwise one combined page (the index table
followed by every article, each in its own section). `render_pages` gives {"<stem>.html": page, ...,
"index.html": index} for `--output DIR`. jinja2 is imported lazily: the CLI starts once per article in CI.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from ..display import clean_lines, visible
from ..model import FileReport, Finding, Report
from . import Renderer, register

# Display classes, worst first. A "slip" is a discrepancy the rules rate as a warning, not an error; "partial" is a
# list that may not be complete and falls short of its whole (never shown as holding).
CLASSES = ("discrepancy", "slip", "partial", "rounding", "unverifiable", "consistent")
PROBLEMS = ("discrepancy", "slip", "partial")  # what the summary lists and the E key visits, in this order
LABELS = {
    "discrepancy": ("✗", "discrepancy"),
    "slip": ("!", "slip"),
    "partial": ("◐", "partial list"),
    "rounding": ("≈", "rounding"),
    "unverifiable": ("?", "unverifiable"),
    "consistent": ("✓", "consistent"),
}
SEVERITIES = ("error", "warning", "info")
LANGS = {"zh": "zh-CN", "en": "en"}


def display_class(f: Finding) -> str:
    if f.verdict == "discrepancy":
        return "discrepancy" if f.severity == "error" else "slip"
    return f.verdict if f.verdict in CLASSES else "unverifiable"


def rank(f: Finding) -> int:
    return CLASSES.index(display_class(f))


@dataclass
class Mark:
    """One marked span of the article; it may carry several findings (a number used by several relations)."""

    start: int
    end: int
    id: str = ""
    findings: list[int] = field(default_factory=list)
    cls: str = "consistent"


@dataclass
class View:
    """Everything the article template needs for one file, with ids prefixed so pages can be combined."""

    file: FileReport
    prefix: str
    name: str
    lang: str
    findings: list[dict]  # worst first, then in text order (data-n keeps the text order for the toggle)
    marks: list[Mark]
    body: object  # markupsafe.Markup of the marked article, or None
    counts: dict[str, int]
    kinds: list[str]
    href: str = ""
    problems: list[dict] = field(default_factory=list)  # the summary's list: errors, then slips, then partial lists


def _line_col(text: str | None, pos: int) -> tuple[int, int]:
    if not text:
        return 0, 0
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _locate(text: str, start: int, end: int, quoted: str) -> tuple[int, int] | None:
    """The span of a quantity in the text: the given offsets when they hold the quoted text, else the nearest
    occurrence of the quoted text (offsets from another decoding), else None (the finding stays in the list)."""
    if 0 <= start < end <= len(text) and (not quoted or text[start:end] == quoted):
        return start, end
    if not quoted:
        return None
    hits = [m.start() for m in re.finditer(re.escape(quoted), text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(quoted)


def build_marks(text: str, findings: list[Finding], prefix: str) -> tuple[list[Mark], dict[int, list[str]]]:
    """Non-overlapping marks over the text, sorted. Overlapping spans (54.33 inside 54.33亿元) merge into one
    mark carrying all their findings. Also returns, per finding, the ids of its marks in text order."""
    spans: list[Mark] = []
    for i, f in enumerate(findings):
        for q in f.quantities:
            loc = _locate(text, q.start, q.end, q.text)
            if loc:
                spans.append(Mark(loc[0], loc[1], findings=[i]))
    spans.sort(key=lambda m: (m.start, -m.end))
    merged: list[Mark] = []
    for s in spans:
        if merged and s.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, s.end)
            last.findings += [i for i in s.findings if i not in last.findings]
        else:
            merged.append(s)
    per_finding: dict[int, list[str]] = {}
    for n, m in enumerate(merged):
        m.id = f"{prefix}q{n}"
        m.findings.sort()
        m.cls = min((display_class(findings[i]) for i in m.findings), key=CLASSES.index)
        for i in m.findings:
            per_finding.setdefault(i, []).append(m.id)
    return merged, per_finding


def unchecked_spans(file: FileReport, marks: list[Mark]) -> list[tuple[int, int]]:
    """Numbers found but in no finding (not page furniture), clear of every mark and of each other."""
    text = file.text or ""
    taken = [(m.start, m.end) for m in marks]
    out: list[tuple[int, int]] = []
    for q in sorted(file.quantities, key=lambda q: (q.start, -q.end)):
        if q.furniture or not (0 <= q.start < q.end <= len(text)) or text[q.start:q.end] != q.text:
            continue
        if any(q.start < e and s < q.end for s, e in taken + out):
            continue
        out.append((q.start, q.end))
    return sorted(out)


def marked_text(text: str, marks: list[Mark], prefix: str, unchecked: list[tuple[int, int]] = ()):
    """The article as HTML: escaped text with a focusable button per mark (and a plain underline per unchecked
    number). Built by walking the sorted, non-overlapping spans over the original text, so every character is
    emitted exactly once."""
    from markupsafe import Markup
    from markupsafe import escape as _escape

    def escape(s: str):  # bidi controls and invisible characters are shown, not obeyed (display.visible)
        return _escape(visible(s))

    out: list[str] = []
    pos = 0
    spans = sorted([(m.start, m.end, m) for m in marks] + [(s, e, None) for s, e in unchecked],
                   key=lambda t: t[0])
    for start, end, m in spans:
        if start < pos:  # callers keep spans apart; never emit a character twice
            continue
        out.append(str(escape(text[pos:start])))
        if m is None:
            out.append(f'<span class="uq">{escape(text[start:end])}</span>')
            pos = end
            continue
        icon, label = LABELS[m.cls]
        ids = " ".join(f"{prefix}f{i}" for i in m.findings)
        out.append(
            f'<button type="button" class="q v-{m.cls}" id="{m.id}" data-findings="{ids}" '
            f'data-cls="{m.cls}" aria-pressed="false"><span class="qt">{escape(text[m.start:m.end])}</span>'
            f'<span class="badge" aria-hidden="true">{icon}</span><span class="sr"> ({label})</span></button>'
        )
        pos = m.end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _finding_pos(f: Finding) -> int:
    if f.end > f.start:
        return f.start
    return min((q.start for q in f.quantities), default=f.start)


def build_view(file: FileReport, prefix: str, href: str = "") -> View:
    order = sorted(range(len(file.findings)), key=lambda i: (_finding_pos(file.findings[i]), i))
    findings = [file.findings[i] for i in order]  # text order; ids below follow it
    text = file.text
    marks, per_finding = build_marks(text, findings, prefix) if text else ([], {})
    rows = []
    for i, f in enumerate(findings):
        line, col = f.line, f.column
        if not line and text:
            line, col = _line_col(text, _finding_pos(f))
        quantities = []
        for q in f.quantities:
            mark_id = ""
            if text:
                loc = _locate(text, q.start, q.end, q.text)
                mark_id = next((m.id for m in marks if loc and m.start <= loc[0] < m.end), "")
            quantities.append({"q": q, "mark": mark_id})
        cls = display_class(f)
        rows.append({
            "f": f, "id": f"{prefix}f{i}", "n": i + 1, "cls": cls, "icon": LABELS[cls][0],
            "label": LABELS[cls][1], "rank": rank(f), "pos": _finding_pos(f), "line": line, "column": col,
            "marks": per_finding.get(i, []), "quantities": quantities,
        })
    counts = {k: 0 for k in CLASSES + SEVERITIES}
    for r in rows:
        counts[r["cls"]] += 1
        counts[r["f"].severity] = counts.get(r["f"].severity, 0) + 1
    counts["rounding_or_unverifiable"] = counts["rounding"] + counts["unverifiable"]
    ranked = sorted(rows, key=lambda r: (r["rank"], r["pos"], r["n"]))  # errors first: the page's default order
    return View(
        file=file, prefix=prefix, name=PurePath(file.path).name or file.path,
        lang=LANGS.get(file.language, file.language or "und"), findings=ranked, marks=marks,
        body=marked_text(text, marks, prefix, unchecked_spans(file, marks)) if text is not None else None,
        counts=counts,
        kinds=sorted({f.kind for f in findings}), href=href,
        problems=[r for r in ranked if r["cls"] in PROBLEMS],
    )


def page_names(report: Report) -> list[str]:
    """One file name per article: the stem, made safe and unique ("index" is taken by the index page)."""
    return names_for([file.path for file in report.files])


def names_for(paths: list[str]) -> list[str]:
    """page_names from the articles' paths alone (a streamed batch knows them before any report)."""
    taken = {"index"}
    names = []
    for path in paths:
        stem = PurePath(path.replace("\\", "/")).stem or "article"
        stem = re.sub(r"[^\w.-]+", "_", stem).lstrip(".") or "article"
        name, n = stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.lower())
        names.append(name + ".html")
    return names


def first_sentence(message: str) -> str:
    """A finding's first sentence (what was compared and how far apart), for the summary's list."""
    return re.split(r"(?<=[.?!])\s+(?=\S)", message.strip(), maxsplit=1)[0]


def index_order(views: list[View]) -> list[View]:
    """The index's default order: most errors first, then most slips and partial lists, then by name."""
    return sorted(views, key=lambda v: (-v.counts["error"], -v.counts["warning"], -v.counts["partial"],
                                        v.name.lower()))


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """Inline CSS and JS, with the CSP hashes that let exactly these (and no injected script) run."""
    from importlib.resources import files

    base = files(__package__) / "templates"
    out = {}
    for key, fname in (("style", "report.css"), ("script", "report.js")):
        body = (base / fname).read_text(encoding="utf-8")
        if "</" in body:  # would end the inline element early
            raise ValueError(f"{fname} must not contain '</'")
        out[key] = body
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        out[key + "_hash"] = f"'sha256-{digest}'"
    return out


def _finalize(value):
    """Every value a template prints (file names, messages, warnings): its control and invisible characters shown
    as escapes, line breaks kept. The marked article is built apart, as Markup, keeping its own line endings."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_lines(value)
    return value


@lru_cache(maxsize=1)
def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, finalize=_finalize,
    )
    env.globals.update(classes=CLASSES, labels=LABELS, severities=SEVERITIES, problems=PROBLEMS)
    env.filters["first_sentence"] = first_sentence
    return env


@register
class HtmlRenderer(Renderer):
    name = "html"
    extension = ".html"
    description = "self-contained HTML pages for editors (one per article plus index.html for a folder)"

    def _page(self, template: str, report: Report, views: list[View], **extra) -> str:
        from markupsafe import Markup

        assets = _assets()
        langs = {v.lang for v in views}
        lang = extra.pop("page_lang", None) or (langs.pop() if len(langs) == 1 else "en")
        return _env().get_template(template).render(
            report=report, views=views, lang=lang, table_views=index_order(views),
            style=Markup(assets["style"]), script=Markup(assets["script"]),
            csp=f"default-src 'none'; style-src {assets['style_hash']}; script-src {assets['script_hash']}; "
                "img-src data:; base-uri 'none'; form-action 'none'",
            **extra,
        )

    def render(self, report: Report) -> str:
        if len(report.files) == 1:
            views = [build_view(report.files[0], "")]
            return self._page("article.html.j2", report, views, index_href="", combined=False)
        views = [build_view(f, f"a{n}-", href=f"#a{n}-article") for n, f in enumerate(report.files)]
        return self._page("article.html.j2", report, views, index_href="", combined=True)

    def render_pages(self, report: Report) -> dict[str, str]:
        names = page_names(report)
        pages: dict[str, str] = {}
        views = []
        for name, file in zip(names, report.files):
            view = build_view(file, "", href=name)
            views.append(view)
            pages[name] = self._page("article.html.j2", report, [view], index_href="index.html", combined=False)
        pages["index.html"] = self._page("index.html.j2", report, views, page_lang="en")
        return pages
