"""The terminal report: problems first (errors, slips, rounding notes, unverifiable claims), each with its place,
arithmetic and likely correction; then the relations that hold, one line each. Colour only on a terminal."""

from __future__ import annotations

import io

from ..model import FileReport, Finding, Report
from . import Renderer, register

ORDER = {("discrepancy", "error"): 0, ("discrepancy", "warning"): 1, ("rounding", "info"): 2,
         ("unverifiable", "info"): 3}
LABEL = {0: ("✗ error", "bold red"), 1: ("! slip", "bold yellow"), 2: ("≈ rounding", "cyan"),
         3: ("? unverifiable", "magenta"), 4: ("✓ holds", "green")}


def _rank(f: Finding) -> int:
    return ORDER.get((f.verdict, f.severity), 4 if f.verdict == "consistent" else 1)


def _context(fr: FileReport, f: Finding, width: int = 18):
    from rich.text import Text

    text = fr.text or ""
    s, e = max(0, f.start - width), min(len(text), f.end + width)
    snippet = Text()
    pos = s
    for q in sorted(f.quantities, key=lambda q: q.start):
        if q.start < pos or q.end > e:
            continue
        snippet.append(text[pos:q.start].replace("\n", " "))
        snippet.append(text[q.start:q.end], style="bold underline")
        pos = q.end
    snippet.append(text[pos:e].replace("\n", " "))
    return Text("…") + snippet + Text("…")


@register
class TextRenderer(Renderer):
    name = "text"
    extension = ".txt"
    description = "a readable report for the terminal"

    def render(self, report: Report) -> str:
        from rich.console import Console
        from rich.text import Text

        import sys

        buf = io.StringIO()
        tty = self.options.get("tty", sys.stdout.isatty())
        console = Console(file=buf, force_terminal=tty, no_color=not tty, highlight=False, soft_wrap=True,
                          width=100, emoji=False)
        verbose = self.options.get("verbose", False)
        totals = {k: 0 for k in range(5)}
        for fr in report.files:
            findings = sorted(fr.findings, key=lambda f: (_rank(f), f.start))
            counts = {k: 0 for k in range(5)}
            for f in findings:
                counts[_rank(f)] += 1
                totals[_rank(f)] += 1
            head = Text(fr.path, style="bold")
            head.append(f"  [{fr.language}]  ")
            head.append(_summary(counts))
            console.print(head)
            c = fr.coverage
            console.print(Text(f"  numbers: {c.numbers_found} found, {c.numbers_checked} checked, "
                               f"{c.numbers_unchecked} left unchecked", style="dim"))
            for f in findings:
                r = _rank(f)
                label, style = LABEL[r]
                if r == 4 and not verbose:
                    line = Text("  ")
                    line.append(f"{label:15s}", style=style)
                    line.append(f"{f.line}:{f.column}  {f.kind}  ")
                    line.append(" ".join((f.arithmetic or f.message).split()))
                    console.print(line)
                    continue
                line = Text("  ")
                line.append(f"{label:15s}", style=style)
                line.append(f"{fr.path}:{f.line}:{f.column}  ", style="bold")
                line.append(f"{f.kind}  ", style="dim")
                line.append(f.rule, style="dim")
                console.print(line)
                console.print(Text("      ") + Text(" ".join(f.message.split())))
                if fr.text:
                    console.print(Text("      ") + _context(fr, f))
                if f.correction and f.verdict == "discrepancy":
                    console.print(Text(f"      likely correction: {f.correction}", style="bold"))
            console.print()
        if len(report.files) > 1:
            console.print(Text(f"{len(report.files)} articles: {_summary(totals)}", style="bold"))
        return buf.getvalue()


def _summary(counts: dict[int, int]) -> str:
    parts = [f"{counts[0]} error(s)", f"{counts[1]} slip(s)", f"{counts[2]} rounding note(s)",
             f"{counts[3]} unverifiable", f"{counts[4]} holding"]
    return ", ".join(parts)
