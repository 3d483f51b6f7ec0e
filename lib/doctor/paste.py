"""Finding the token in whatever a user pastes: quotes, `Bearer `, the endpoint's JSON answer, a token
wrapped over lines, a log line around it."""

import json
import re
from typing import NamedTuple

_BEARER = re.compile(r"(?i)^(?:authorization\s*:\s*)?bearer\s+")
_TOKEN_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=."
_TOKEN_RUNS = re.compile(r"[A-Za-z0-9_\-+/=.]+")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_QUOTES = "\"'`"
_JSON_TOKEN_FIELDS = ("signature", "token", "jwt", "sdkSignature")
_JSON_KEY_FIELDS = ("sdkKey", "appKey", "clientId")


class PastedToken(NamedTuple):
    """The token found in pasted text, what was removed around it, and an SDK key found beside it."""

    text: str
    removed: tuple
    sdk_key: str | None = None


def _bare_token(text) -> PastedToken:
    """The usual paste, a bare token (built without NamedTuple's Python-level __new__: the hot path)."""
    return tuple.__new__(PastedToken, (text, (), None))


def _is_token_text(text):
    """Only characters a token (in either base64 alphabet) can hold: deleting them all leaves nothing."""
    return text.isascii() and not text.encode("ascii").translate(None, _TOKEN_BYTES)


def extract_token(pasted) -> PastedToken:
    """Find the token in whatever was pasted: strip whitespace, quotes, `Bearer `, a JSON wrapper
    such as the sample's {"signature": ..., "sdkKey": ...}, line breaks inside, surrounding text."""
    if isinstance(pasted, bytes | bytearray):
        pasted = bytes(pasted).decode("utf-8", "replace")
    elif not isinstance(pasted, str):
        pasted = "" if pasted is None else str(pasted)
    if pasted.isascii():  # no invisible character to strip (all are non-ASCII)
        text = pasted.strip()
        if not text.encode("ascii").translate(None, _TOKEN_BYTES):  # the usual case: nothing around the token
            return _bare_token(text)
    else:
        text = pasted.strip().strip(_INVISIBLE).strip()
        if _is_token_text(text):
            return _bare_token(text)
    removed = []
    sdk_key = None
    for _ in range(4):  # wrappers can nest: Bearer "…", JSON inside quotes, …
        before = text
        bearer = _BEARER.match(text)
        if bearer:
            text = text[bearer.end() :].strip()
            removed.append("the 'Bearer ' prefix")
        text = text.rstrip(",;").strip()
        if text[:1] in '{"' and text[-1:] in '}"':
            unwrapped, key = _unwrap_json(text)
            if unwrapped is not None:
                text, sdk_key = unwrapped.strip(), sdk_key or key
                removed.append("the JSON around it" if before.startswith("{") else "the quotes")
        if len(text) >= 2 and text[0] == text[-1] and text[0] in _QUOTES:
            text = text[1:-1].strip()
            removed.append("the quotes")
        if text == before:
            break
    pieces = text.split()
    if len(pieces) > 1 and not any(piece.count(".") >= 2 for piece in pieces):  # a token wrapped over lines
        joined = "".join(pieces)
        if _is_token_text(joined):
            text = joined
            removed.append("line breaks and spaces inside the token")
    if not _is_token_text(text):
        runs = _TOKEN_RUNS.findall(text)
        jwt_like = [r for r in runs if r.count(".") == 2 and min(map(len, r.split("."))) >= 2]
        if jwt_like:
            text = _without_name_prefix(jwt_like[0])
            removed.append("the text around the token")
    return PastedToken(text, tuple(dict.fromkeys(removed)), sdk_key)


def _without_name_prefix(run):
    """'signature=eyJ….eyJ….x' from a log line: '=' inside the header (not its padding) ends a name."""
    head, _, rest = run.partition(".")
    unpadded = head.rstrip("=")
    if "=" not in unpadded:
        return run
    return f"{unpadded.rsplit('=', 1)[1]}{head[len(unpadded) :]}.{rest}"


def _unwrap_json(text):
    """(token, sdk key) from a JSON string or object holding the token; (None, None) if it does not."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None, None
    if isinstance(value, str):
        return value, None
    if not isinstance(value, dict):
        return None, None
    token = next((value[k] for k in _JSON_TOKEN_FIELDS if isinstance(value.get(k), str)), None)
    key = next((value[k] for k in _JSON_KEY_FIELDS if isinstance(value.get(k), str) and value[k]), None)
    return token, key
