"""Rows made ready for st.table, whose cells are Markdown: escaped, a pasted value cannot draw an image, a
link or a bullet (a CORS header `*` shows as *). Kept apart from the rest of lib.present: the command line
must not import pandas."""

import pandas as pd

from lib.present.display import escape_markdown

SAME_MARKS = {True: "✔", False: "✖"}
DIFFERENT = "background-color: rgba(240, 170, 0, 0.25)"


def markdown_table(rows: list[dict]) -> pd.DataFrame:
    """Every cell escaped (verdicts carry ✖ / ⚠ / ✔)."""
    return pd.DataFrame(rows).map(escape_markdown)


def _highlight_differences(row):
    return [DIFFERENT if row["same"] == SAME_MARKS[False] else ""] * len(row)


def side_by_side_table(rows, first_column: str):
    """Rows of (name, a, b, same, explanation) of two compared tokens, the differing ones highlighted."""
    frame = pd.DataFrame(rows, columns=[first_column, "a", "b", "same", "explanation"])
    frame["same"] = frame["same"].map(SAME_MARKS)
    return frame.astype(str).map(escape_markdown).style.apply(_highlight_differences, axis=1)
