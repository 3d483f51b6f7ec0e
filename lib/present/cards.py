"""The text of a finding card, the same on every page that shows findings (ui.findings draws it)."""

from lib.present.display import markdown_text


def finding_markdown(
    title: str, message: str, *, code: str | None = None, fix: str | None = None, notes=(), line: int | None = None
) -> str:
    """**title** (`code`) — message, then the fix and the page's notes (project Markdown) as paragraphs.

    Title, message and fix are shown as written, their `code spans` kept (markdown_text)."""
    head = markdown_text(title) if line is None else f"Line {line}: {markdown_text(title)}"
    text = f"**{head}**" + (f" (`{code}`)" if code else "") + f" — {markdown_text(message)}"
    if fix:
        text += f"\n\n**Fix:** {markdown_text(fix)}"
    return text + "".join(f"\n\n{note}" for note in notes if note)
