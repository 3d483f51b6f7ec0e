"""Small presentation helpers shared by the pages: coloured tokens and human-readable times.

They return plain strings (HTML is escaped here), so they are unit-tested without Streamlit.
"""

import re
from datetime import UTC, datetime

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


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
