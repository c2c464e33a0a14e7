"""The terminal report: problems first (errors, slips, partial lists, rounding notes, unverifiable claims), each
with its place, arithmetic and likely correction; then the relations that hold, one line each. Colour only on a
terminal.

With several articles, one that has nothing wrong (no error, slip or partial list) gets one line, and the
relations that hold are counted rather than listed (--verbose lists them). Options: `only` ("all", "problems":
errors, slips and partial lists, "errors"), `quiet` (only problems, and nothing at all for an article without
any), `verbose` (spell out what holds).
"""

from __future__ import annotations

import io

from ..display import clean
from ..model import FileReport, Finding, Report
from . import Renderer, register

ERROR, SLIP, PARTIAL, ROUNDING, UNVERIFIABLE, HOLDS = range(6)
LABEL = {ERROR: ("✗ error", "bold red"), SLIP: ("! slip", "bold yellow"), PARTIAL: ("◐ partial", "bold magenta"),
         ROUNDING: ("≈ rounding", "cyan"), UNVERIFIABLE: ("? unverifiable", "magenta"), HOLDS: ("✓ holds", "green")}
# How each group is counted in a summary: (singular, plural).
NOUNS = {ERROR: ("error", "errors"), SLIP: ("slip", "slips"), PARTIAL: ("partial list", "partial lists"),
         ROUNDING: ("rounding note", "rounding notes"), UNVERIFIABLE: ("unverifiable", "unverifiable"),
         HOLDS: ("holding", "holding")}
WRONG = (ERROR, SLIP, PARTIAL)  # what an editor must look at
SHOWN = {"all": set(range(6)), "problems": set(WRONG), "errors": {ERROR}}


def rank(f: Finding) -> int:
    if f.verdict == "discrepancy":
        return ERROR if f.severity == "error" else SLIP
    return {"partial": PARTIAL, "rounding": ROUNDING, "unverifiable": UNVERIFIABLE,
            "consistent": HOLDS}.get(f.verdict, UNVERIFIABLE)


def summary(counts: dict[int, int], always: tuple[int, ...] = (ERROR, SLIP)) -> str:
    """'1 error, 0 slips, 2 holding': errors and slips always, the other groups when there are any."""
    out = []
    for k in range(6):
        n = counts.get(k, 0)
        if n or k in always:
            one, many = NOUNS[k]
            out.append(f"{n} {one if n == 1 else many}")
    return ", ".join(out)


def _context(fr: FileReport, f: Finding, width: int = 18):
    from rich.text import Text

    text = fr.text or ""
    s, e = max(0, f.start - width), min(len(text), f.end + width)
    snippet = Text()
    pos = s
    for q in sorted(f.quantities, key=lambda q: q.start):
        if q.start < pos or q.end > e:
            continue
        snippet.append(clean(text[pos:q.start].replace("\n", " ")))
        snippet.append(clean(text[q.start:q.end]), style="bold underline")
        pos = q.end
    snippet.append(clean(text[pos:e].replace("\n", " ")))
    return Text("…") + snippet + Text("…")


@register
class TextRenderer(Renderer):
    name = "text"
    extension = ".txt"
    description = "a readable report for the terminal"

    def _console(self, buf):
        import sys

        from rich.console import Console

        tty = self.options.get("tty", sys.stdout.isatty())
        return Console(file=buf, force_terminal=tty, no_color=not tty, highlight=False, soft_wrap=True,
                       width=100, emoji=False)

    def render(self, report: Report) -> str:
        batch = len(report.files) > 1
        totals = {k: 0 for k in range(6)}
        printed = False
        parts = []
        for fr in report.files:
            text, counts, shown = self.render_file(fr, batch)
            parts.append(text)
            printed = printed or shown
            for k, n in counts.items():
                totals[k] += n
        parts.append(self.render_end(report.warnings, len(report.files), totals, printed))
        return "".join(parts)

    def render_file(self, fr: FileReport, batch: bool) -> tuple[str, dict[int, int], bool]:
        """One article's part of the report (`batch`: the run has several articles), its counts per group, and
        whether it printed anything. A streamed batch calls this in a worker, per article."""
        from rich.text import Text

        buf = io.StringIO()
        console = self._console(buf)
        verbose = self.options.get("verbose", False)
        quiet = self.options.get("quiet", False)
        only = self.options.get("only") or ("problems" if quiet else "all")
        shown = SHOWN[only]
        findings = sorted(fr.findings, key=lambda f: (rank(f), f.start))
        counts = {k: 0 for k in range(6)}
        for f in findings:
            counts[rank(f)] += 1
        if fr.error:  # text from input is shown escaped everywhere below (display.clean)
            if self.options.get("errors_inline", True):  # else they are on stderr, beside this report
                console.print(Text(f"{clean(fr.path)}  could not be checked: {clean(fr.error)}", style="bold red"))
                console.print()
                return buf.getvalue(), counts, True
            return "", counts, False
        wrong = any(counts[k] for k in WRONG) or bool(fr.warnings)
        visible = [f for f in findings if rank(f) in shown]
        if quiet and not visible and not fr.warnings:
            return "", counts, False
        head = Text(clean(fr.path), style="bold")
        head.append(f"  [{fr.language}]  ")
        c = fr.coverage
        if batch and not wrong and not verbose:  # one line for an article with nothing wrong
            line = Text("✓ ", style="green") + head
            line.append("nothing wrong: " + summary(counts, always=()) if findings else
                        f"no relations found to check ({c.numbers_found} numbers)")
            console.print(line)
            return buf.getvalue(), counts, True
        head.append(summary(counts))
        console.print(head)
        for w in fr.warnings:
            console.print(Text(f"  warning: {clean(w)}", style="yellow"))
        if not quiet:
            console.print(Text(f"  numbers: {c.numbers_found} found, {c.numbers_checked} checked, "
                               f"{c.numbers_unchecked} left unchecked", style="dim"))
        for f in visible:
            r = rank(f)
            label, style = LABEL[r]
            if r == HOLDS and not verbose:
                if batch:
                    continue  # counted in the heading; --verbose lists them
                line = Text("  ")
                line.append(f"{label:15s}", style=style)
                line.append(f"{f.line}:{f.column}  {f.kind}  ")
                line.append(clean(" ".join((f.arithmetic or f.message).split())))
                console.print(line)
                continue
            line = Text("  ")
            line.append(f"{label:15s}", style=style)
            line.append(f"{clean(fr.path)}:{f.line}:{f.column}  ", style="bold")
            line.append(f"{f.kind}  ", style="dim")
            line.append(clean(f.rule), style="dim")
            console.print(line)
            console.print(Text("      ") + Text(clean(" ".join(f.message.split()))))
            if fr.text:
                console.print(Text("      ") + _context(fr, f))
            if f.correction and f.verdict == "discrepancy":
                console.print(Text(f"      likely correction: {clean(f.correction)}", style="bold"))
        if batch and counts[HOLDS] and not verbose and HOLDS in shown:
            console.print(Text(f"  ✓ {counts[HOLDS]} more holding (--verbose lists them)", style="dim"))
        console.print()
        return buf.getvalue(), counts, True

    def render_end(self, warnings: list[str], files: int, totals: dict[int, int], printed: bool) -> str:
        """What follows the articles: the run's warnings, and for several articles the closing line."""
        from rich.text import Text

        buf = io.StringIO()
        console = self._console(buf)
        for w in warnings:
            console.print(Text(f"warning: {clean(w)}", style="yellow"))
        if files > 1 and (printed or not self.options.get("quiet", False)):
            console.print(Text(f"{files} articles: {summary(totals)}", style="bold"))
        return buf.getvalue()
