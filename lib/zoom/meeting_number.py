"""Meeting numbers as people paste them: '857 4606 5432', '857-4606-5432' or a whole join link.

The builder, the Token doctor (its context and the mn rule's suggestion), Compare tokens and the join
page all read a meeting number through `normalize_meeting_number`, so they agree on what it is.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

_JOIN_LINK_HINT = "A join link looks like https://zoom.us/j/85746065432?pwd=…; paste that or just the digits."
_SEPARATORS = re.compile(r"[\s\-.]+")


@dataclass(frozen=True)
class MeetingNumber:
    digits: str | None
    note: str | None = None
    error: str | None = None


def normalize_meeting_number(text: str) -> MeetingNumber:
    """Digits only, from '857 4606 5432', '857-4606-5432' or a pasted join URL."""
    text = text.strip()
    if not text:
        return MeetingNumber(None, error="Enter the meeting number (the digits of the meeting ID, e.g. 85746065432).")
    if "/" in text or "zoom" in text.lower():
        return _meeting_number_from_url(text)
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or not digits.isascii():
        return MeetingNumber(
            None,
            error=f"The meeting number may contain only digits; {_describe_bad_chars(digits)} found. "
            "Copy the meeting ID from the Zoom client or invitation (e.g. 857 4606 5432).",
        )
    note = None if digits == text else f"Spaces and dashes removed: using {digits}."
    return MeetingNumber(digits, note=note)


def _describe_bad_chars(text):
    bad = sorted({c for c in text if not (c.isascii() and c.isdigit())})
    shown = ", ".join(repr(c) for c in bad[:5])
    return f"{shown}{' and more' if len(bad) > 5 else ''}"


def _meeting_number_from_url(text):
    try:
        parsed = urlparse(text if "://" in text else "https://" + text)
    except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 address
        return MeetingNumber(None, error="This looks like a link but cannot be read as one. " + _JOIN_LINK_HINT)
    candidates = [part for part in parsed.path.split("/") if part.isdigit() and part.isascii()]
    query = parse_qs(parsed.query)
    candidates += [v for key in ("confno", "meetingId", "mn") for v in query.get(key, []) if v.isdigit()]
    if not candidates:
        return MeetingNumber(
            None,
            error="This looks like a link, but no meeting number was found in it. " + _JOIN_LINK_HINT,
        )
    note = f"Meeting number {candidates[0]} taken from the join link."
    if "pwd" in query:
        note += " The link's pwd= value is an encoded passcode: it is not part of the signature."
    return MeetingNumber(candidates[0], note=note)
