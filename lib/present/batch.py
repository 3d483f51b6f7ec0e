"""The Batch check's page, without Streamlit: the page's SDK and session name given to the file's tokens that
do not name their own, and what it says about the families and one session's odd tokens."""

from dataclasses import replace

from lib.doctor.batch import ReadResult
from lib.zoom.families import FAMILIES


def with_page_context(source: ReadResult, sdk: str | None, session_name: str = "") -> ReadResult:
    """The file's items, each judged for `sdk` and joining `session_name` unless its own line says otherwise
    (a JSON Lines or CSV `sdk` / `sessionName` field wins over the page's choice)."""
    session_name = session_name.strip() or None
    if sdk is None and session_name is None:
        return source
    items = [
        replace(item, sdk=item.sdk or sdk, session_name=item.session_name or session_name) for item in source.items
    ]
    return replace(source, items=items)


def family_counts_text(token_families: dict) -> str:
    """'Token families: Video SDK × 12, Meeting SDK for web × 3' (most first); '' when none was a Zoom SDK token."""
    named = sorted(token_families.items(), key=lambda pair: -pair[1])
    return ("Token families: " + ", ".join(f"{FAMILIES[family].title} × {n:,}" for family, n in named)) if named else ""
