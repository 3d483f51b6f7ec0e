"""The HTML the pages draw with st.html / st.markdown(unsafe_allow_html): coloured tokens, marked
differences, the lessons' base64 and demo tables, the presenter's slide, the batch page's bars.

Every piece of text is escaped here, so a pasted value can never become markup; each function returns a
plain string and is unit-tested without Streamlit.
"""

import html
from pathlib import Path
from typing import TYPE_CHECKING

from lib.signing.encoding import NOT_IN_BASE64URL

if TYPE_CHECKING:  # for the annotations only: the pages that colour a token need none of these modules
    from lib.mistakes.buggy_vs_correct import Comparison
    from lib.training.lessons import Base64Comparison
    from lib.training.trainer import AgendaBlock, PresenterSlide

# The style sheet app.py adds to every page: Streamlit's code colours made readable, and the words a screen
# reader says for the classes below (sl-part, sl-correct, sl-buggy, sl-gap).
ACCESSIBLE_CSS = Path(__file__).with_name("accessible.css")


def readable(hue: str) -> str:
    """A CSS colour of this hue mixed 60/40 with the text colour around it: a darker shade on the light theme,
    a lighter one on the dark, 5.5:1 or more against either page background (WCAG AA asks 4.5:1)."""
    return f"color-mix(in srgb, {hue} 60%, currentColor)"


# jwt.io's convention of one colour per segment (its hues; the shades come from readable()).
SEGMENT_HUES = {"header": "#e8710a", "payload": "#a347d1", "signature": "#1e9e4a"}
SEGMENT_COLOURS = {name: readable(hue) for name, hue in SEGMENT_HUES.items()}


def colour_token_html(token: str) -> str:
    """The token's three dot-separated parts in header/payload/signature colours, wrapping anywhere, and a
    legend below. Not by colour alone: each part is named for a screen reader (class sl-part, data-part)
    and on hover (title); the dots and the legend's order tell them apart on a grey screen.

    Rendered as HTML (not Markdown) so that '_' in base64url is never taken for emphasis.
    """
    parts = token.split(".")
    names = list(SEGMENT_COLOURS)
    spans = []
    for index, part in enumerate(parts):
        name = names[index] if index < len(names) else f"part {index + 1}"
        colour = SEGMENT_COLOURS.get(name, "inherit")
        spans.append(
            f'<span class="sl-part" data-part="{name}" title="{name}" style="color:{colour}">{html.escape(part)}</span>'
        )
    legend = " . ".join(f'<span style="color:{colour}">{name}</span>' for name, colour in SEGMENT_COLOURS.items())
    return (
        '<div style="font-family:monospace;font-size:0.95rem;word-break:break-all;'
        'line-height:1.5;font-weight:600">' + ".".join(spans) + "</div>"
        f'<div class="sl-legend" style="font-size:0.85rem">{legend}</div>'
    )


# Marked differences: a light background with dark text on either theme (13:1 or more), underlined
# (solid on the correct side, wavy on the mistake's) so the marks show without colour, and named
# "differs" for a screen reader by accessible.css.
MARK_COLOURS = {"correct": "#c9f2d0", "buggy": "#ffc9c9"}
MARK_LINES = {"correct": "underline", "buggy": "underline wavy"}
MARKED_TEXT = "#0f0e0d"
# Bars (graphics) at 3:1 or more against the light and the dark page; each bar has its figures beside it.
CHART_COLOURS = {"error": "#d62728", "warning": "#b27b00"}


def mark_style(side: str) -> str:
    return f"background:{MARK_COLOURS[side]};color:{MARKED_TEXT};text-decoration:{MARK_LINES[side]}"


def fragments_html(fragments, side: str) -> str:
    """HTML for one side of a row: differing pieces in <mark class="sl-<side>">, all text escaped."""
    style = f"{mark_style(side)};padding:0 1px;border-radius:2px"
    parts = [
        f'<mark class="sl-{side}" style="{style}">{html.escape(f.text)}</mark>'
        if f.text and f.changed
        else f'<mark class="sl-{side} sl-gap" style="{style}" title="the other side has text here">‸</mark>'
        if f.changed
        else html.escape(f.text)
        for f in fragments
    ]
    return (
        '<pre style="white-space:pre-wrap;word-break:break-all;margin:0;font-size:0.85rem">'
        + ("".join(parts) or "<em>—</em>")
        + "</pre>"
    )


def base64_html(comparison: "Base64Comparison") -> str:
    """The two encodings one above the other, with the characters that differ marked."""

    def marked(encoded, chars, side):
        return "".join(
            f'<mark class="sl-{side}" style="{mark_style(side)}">{html.escape(c)}</mark>'
            if c in chars
            else html.escape(c)
            for c in encoded
        )

    rows = (
        ("standard base64 (btoa)", marked(comparison.standard, NOT_IN_BASE64URL, "buggy")),
        ("base64url (JWT)", marked(comparison.url, "-_", "correct")),
    )
    cells = "".join(
        f'<tr><th style="text-align:left;padding-right:1em">{label}</th>'
        f'<td style="font-family:monospace;word-break:break-all">{value}</td></tr>'
        for label, value in rows
    )
    return f"<table>{cells}</table>"


def demo_html(comparison: "Comparison") -> str:
    """The rows where the buggy signer differs from the correct one, marked as on the comparison page."""
    rows = [row for row in comparison.steps if not row.same]
    if not rows:
        return "<p>Every step is the same as the correct signer's.</p>"
    cells = "".join(
        f'<tr><td style="vertical-align:top;width:18%"><b>{html.escape(row.label)}</b><br>'
        f"<small>{html.escape(row.verdict)}</small></td>"
        f'<td style="vertical-align:top;width:41%">{fragments_html(row.correct_marked, "correct")}</td>'
        f'<td style="vertical-align:top;width:41%">{fragments_html(row.buggy_marked, "buggy")}</td></tr>'
        for row in rows
    )
    head = '<tr><th></th><th style="text-align:left">Correct</th><th style="text-align:left">With the mistake</th></tr>'
    return f'<table style="width:100%;table-layout:fixed">{head}{cells}</table>'


def presenter_html(slide: "PresenterSlide", agenda: "tuple[AgendaBlock, ...]") -> str:
    """One presenter slide in large type; points not yet revealed are left out, not hidden."""
    block = agenda[slide.block]
    points = "".join(
        f'<li style="margin:.4em 0;font-size:2.2rem;line-height:1.3">{html.escape(p)}</li>'
        for p in block.points[: slide.revealed]
    )
    timing = f"minute {slide.start_minute}–{slide.start_minute + block.minutes} of {sum(b.minutes for b in agenda)}"
    return (
        "<div>"
        f'<div style="font-size:1rem;opacity:.7">Block {slide.block + 1} of {len(agenda)} · {timing}</div>'
        f'<div style="font-size:3rem;font-weight:700;margin:.2em 0 .4em">{html.escape(block.title)}</div>'
        f'<ul style="padding-left:1.2em">{points}</ul></div>'
    )


def problem_bars_html(counts, tokens: int) -> str:
    """A bar per error/warning code of finding_counts()'s table, scaled to the most frequent one and
    coloured by severity (CHART_COLOURS).

    Plain HTML: drawn at once, where a Vega chart loads its library on every new session's first batch.
    """
    problems = counts[counts["severity"].isin(list(CHART_COLOURS))]
    longest = problems["tokens"].max() if len(problems) else 0
    rows = []
    for row in problems.itertuples():
        rows.append(
            f'<div style="display:grid;grid-template-columns:minmax(8rem,16rem) 1fr 7rem;gap:.6rem;'
            f'align-items:center;margin:.15rem 0" title="{html.escape(row.title)}">'
            f'<code style="font-size:.85em">{html.escape(row.code)}</code>'
            f'<div style="background:{CHART_COLOURS[row.severity]};height:.9rem;border-radius:2px;'
            f'width:max(2px,{row.tokens / longest * 100:.1f}%)"></div>'
            f'<span style="font-variant-numeric:tabular-nums">{row.tokens:,} ({row.tokens / tokens:.0%})</span></div>'
        )
    return "".join(rows)


REVIEW_MARKS = {"error": "#ffd7d7", "warning": "#fff1c2", "info": "#dbeafe"}  # a marked line's background
REVIEW_MARK_BORDERS = {"error": "#d62728", "warning": "#b27b00", "info": "#2563eb"}


def marked_code_html(text: str, findings) -> str:
    """The reviewed code with line numbers, each line with a finding marked in its worst severity's colour
    and followed by one note per finding (its title and code). `text` must already have its secrets masked."""
    by_line = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = by_line.get(number, [])
        worst = min((f.severity for f in found), key=list(REVIEW_MARKS).index, default=None)
        style = (
            f"background:{REVIEW_MARKS[worst]};color:{MARKED_TEXT};border-left:3px solid {REVIEW_MARK_BORDERS[worst]}"
            if worst
            else ""
        )
        rows.append(
            f'<tr class="sl-line{" sl-marked sl-" + worst if worst else ""}" style="{style}">'
            f'<td style="text-align:right;opacity:.75;padding:0 .6em;user-select:none">{number}</td>'
            f'<td style="white-space:pre-wrap;word-break:break-all">{html.escape(line) or " "}</td></tr>'
        )
        for finding in found:
            rows.append(
                f'<tr class="sl-note" style="background:{REVIEW_MARKS[finding.severity]};color:{MARKED_TEXT}"><td></td>'
                f'<td style="font-family:sans-serif;font-size:.85em;padding:.1em 0 .3em">↳ col {finding.column}: '
                f"<b>{html.escape(finding.title)}</b> <code>{html.escape(finding.code)}</code></td></tr>"
            )
    return (
        '<table class="sl-code" style="border-collapse:collapse;width:100%;font-family:monospace;'
        'font-size:.85rem;line-height:1.45">' + "".join(rows) + "</table>"
    )


def join_code_html(shown_code: str) -> str:
    """The join code as the projector shows it: large enough to read from the back of a room."""
    return (
        '<p style="font-size:6rem;font-weight:700;line-height:1.1;letter-spacing:0.08em;margin:0;'
        f'font-family:monospace">{html.escape(shown_code)}</p>'
    )
