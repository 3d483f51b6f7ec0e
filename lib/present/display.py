"""Small presentation helpers shared by the pages: coloured tokens and human-readable times.

They return plain strings (HTML is escaped here), so they are unit-tested without Streamlit.
"""

import html
import re
from datetime import UTC, datetime

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)

# jwt.io's convention of one colour per segment, in tones readable on light and dark themes.
SEGMENT_COLOURS = {"header": "#e8710a", "payload": "#a347d1", "signature": "#1e9e4a"}


def colour_token_html(token: str) -> str:
    """The token's three dot-separated parts in header/payload/signature colours, wrapping anywhere.

    Rendered as HTML (not Markdown) so that '_' in base64url is never taken for emphasis.
    """
    parts = token.split(".")
    names = ["header", "payload", "signature"]
    spans = []
    for index, part in enumerate(parts):
        colour = SEGMENT_COLOURS[names[index]] if index < len(names) else "inherit"
        spans.append(f'<span style="color:{colour}">{html.escape(part)}</span>')
    dot = '<span style="opacity:.6">.</span>'
    return (
        '<div style="font-family:monospace;font-size:0.95rem;word-break:break-all;'
        'line-height:1.5;font-weight:600">' + dot.join(spans) + "</div>"
    )


def relative_time(seconds: int) -> str:
    """'in 2 h 0 min' / '5 min ago' / 'now' for a difference in seconds."""
    if seconds == 0:
        return "now"
    magnitude = abs(seconds)
    if magnitude < 60:
        text = f"{magnitude} s"
    elif magnitude < 3600:
        text = f"{magnitude // 60} min {magnitude % 60} s" if magnitude % 60 else f"{magnitude // 60} min"
    elif magnitude < 172800:
        text = f"{magnitude // 3600} h {magnitude % 3600 // 60} min"
    else:
        text = f"{magnitude // 86400} days {magnitude % 86400 // 3600} h"
    return f"in {text}" if seconds > 0 else f"{text} ago"


def describe_time(epoch, now: int) -> str:
    """An epoch-seconds claim as UTC and relative to now; anything else is said as it is."""
    if not isinstance(epoch, int) or isinstance(epoch, bool):
        return f"not an integer: {epoch!r}"
    try:
        moment = datetime.fromtimestamp(epoch, UTC)
    except (OverflowError, OSError, ValueError):
        return f"{epoch} is out of range for a date (milliseconds instead of seconds?)"
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC ({relative_time(epoch - now)})"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: str) -> str:
    """Text shown through st.markdown exactly as written: base64url's '_' and a key's '*' stay literal."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_text(text: str) -> str:
    """Text for st.markdown / st.error shown as written, except that `code spans` stay code spans:
    outside them escape_markdown keeps `_` (ZOOM_MEETING_SDK_SECRET), `$` (LaTeX to Streamlit), `<` literal."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [escape_markdown(text[last : span.start()]), span.group()]
        last = span.end()
    parts.append(escape_markdown(text[last:]))
    return "".join(parts)
