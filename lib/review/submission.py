"""What the Code doctor was given: pasted text or an uploaded file, and the language chosen or detected."""

from dataclasses import dataclass
from pathlib import PurePath

from lib.review.syntax import GRAMMARS

AUTO = "Detect from the code"
LANGUAGE_CHOICES = (AUTO, *(grammar.label for grammar in GRAMMARS.values()))  # the page's selectbox
UPLOAD_EXTENSIONS = sorted({e.lstrip(".") for grammar in GRAMMARS.values() for e in grammar.extensions})
LANGUAGE_OF_EXTENSION = {e: grammar.name for grammar in GRAMMARS.values() for e in grammar.extensions}


@dataclass(frozen=True)
class Submission:
    text: str | None  # None: nothing to review (see problem)
    language: str | None  # a GRAMMARS name, or None to detect it from the code
    problem: tuple[str, str] | None = None  # (Streamlit box name, what is wrong and how to fix it)


def read_submission(pasted: str, chosen: str, upload_name: str | None = None, upload: bytes | None = None):
    """An uploaded file wins over the pasted text; a chosen language over the file's extension."""
    language = next((g.name for g in GRAMMARS.values() if g.label == chosen), None)
    text = pasted
    if upload_name is not None:
        language = language or LANGUAGE_OF_EXTENSION.get(PurePath(upload_name).suffix.lower())
        try:
            text = upload.decode("utf-8")
        except UnicodeDecodeError:
            problem = f"{upload_name} is not UTF-8 text: save it as UTF-8, or paste the function instead."
            return Submission(None, language, ("error", problem))
    if not text.strip():
        return Submission(None, language, ("warning", "Paste the code that builds the signature, or upload its file."))
    return Submission(text, language)
