"""The secret must appear nowhere in a token: not as a claim, not inside one, not base64-encoded.

Header and payload are only encoded, so whatever they hold every browser can read. The rules are
lib.zoom.rules' `app_key_is_secret` (the key claims) and `secret_in_token` (anywhere else); the builder and
`sign` check the payload they are about to sign, the Token doctor the header and payload it decoded.
"""

import re
from itertools import islice

from lib.signing.encoding import base64_lenient_decode
from lib.zoom.facts import HEADER
from lib.zoom.families import CLAIMS
from lib.zoom.rules import KEY_CLAIMS, Breach, add_breach, cut

SECRET_RUN = 8  # this many characters of the secret in a row, anywhere in the token, are a leak
REMOVED = "[removed]"  # what is shown where the secret (or a run of it) was
SECRET_CODES = ("app_key_is_secret", "secret_in_token")  # the findings whose claims carry the secret
NAMED_WITH_SECRET = "(a claim named with the secret)"  # said instead of that name, which would leak it
_SEARCHED_RUNS = 64  # up to this many runs (a secret of 71 characters), each is searched for in the text
_MAX_SCANNED = 2000  # members looked at per token: a pasted megabyte of claims stays cheap
_NESTED = (dict, list)
_KNOWN_NAMES = frozenset((*CLAIMS, *HEADER, "meetingNumber"))  # names no secret is hidden in (every family's)
_BASE64_WORD = re.compile(r"[A-Za-z0-9+/_-]{11,}={0,2}")  # base64 of 8 bytes or more, alone or in a longer text


def _strings(value, depth=0):
    """Every string inside a JSON value (keys of objects too), nested at most a few levels."""
    if isinstance(value, str):
        yield value
    elif depth < 8 and isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item, depth + 1)
    elif depth < 8 and isinstance(value, list):
        for item in value:
            yield from _strings(item, depth + 1)


def _base64_decoded(text: str):
    """The text of every base64 word in text (a whole string or a word of it) that decodes."""
    for word in _BASE64_WORD.findall(text):
        try:
            yield base64_lenient_decode(word).decode("utf-8", "replace")
        except ValueError:
            continue


def carries_secret(text: str, secret: str, *, encoded: bool = True) -> bool:
    """Whether text holds the secret or SECRET_RUN characters of it in a row, or (`encoded`) either in a
    base64 word."""
    if len(secret) < SECRET_RUN:
        return False
    finder = _SecretFinder(secret)
    return finder.how(text) is not None if encoded else finder.holds(text)


def remove_secret(text: str, secret: str, marker: str) -> str:
    """text with the secret, every SECRET_RUN characters of it in a row, and every base64 word that decodes
    to either, replaced by marker."""
    if len(secret) < SECRET_RUN:
        return text
    finder = _SecretFinder(secret)
    if finder.how(text) is None:  # the usual case, found with a few substring searches
        return text
    for word in _BASE64_WORD.findall(text):
        if not finder.holds(word) and any(map(finder.holds, _base64_decoded(word))):
            text = text.replace(word, marker)
    text = text.replace(secret, marker)
    for start in range(len(secret) - SECRET_RUN + 1):
        text = text.replace(secret[start : start + SECRET_RUN], marker)
    return text


class _SecretFinder:
    """Finds the secret, or SECRET_RUN characters of it in a row, in text and in base64-decoded text.

    Any SECRET_RUN = 8 characters in a row of the secret contain one of its 4-character blocks at a
    multiple of 4, so text holding none of those blocks is passed over with a few substring searches.
    Nothing is kept beyond one token (no cache outlives the call: the secret must not).
    """

    def __init__(self, secret: str):
        self.secret = secret
        self.blocks = [secret[i : i + 4] for i in range(0, len(secret) - 3, 4)] if len(secret) >= SECRET_RUN else []
        self.runs = None  # every SECRET_RUN characters in a row, made when a block is seen
        self.seen = {}  # text -> how, for this one token (appKey and sdkKey are usually the same text)

    def holds(self, text: str) -> bool:
        if self.secret in text:
            return True
        for block in self.blocks:
            if block in text:
                break
        else:
            return False
        if self.runs is None:
            self.runs = {self.secret[i : i + SECRET_RUN] for i in range(len(self.secret) - SECRET_RUN + 1)}
        if len(self.runs) <= _SEARCHED_RUNS:  # a usual secret: a substring search per run
            return any(run in text for run in self.runs)
        return any(text[i : i + SECRET_RUN] in self.runs for i in range(len(text) - SECRET_RUN + 1))

    def how(self, text: str) -> str | None:
        """How a string carries the secret: "as text", "base64-encoded", or None."""
        if text in self.seen:
            return self.seen[text]
        how = None
        if self.holds(text):
            how = "as text"
        elif any(self.holds(decoded) for decoded in _base64_decoded(text)):  # `Basic <base64>` too
            how = "base64-encoded"
        self.seen[text] = how
        return how

    def in_value(self, value) -> str | None:
        if type(value) is str:
            return self.how(value)
        if isinstance(value, dict | list):
            return next(filter(None, map(self.how, _strings(value))), None)
        return None  # numbers, booleans and null hold no secret


def only_names_and_key(payload: dict, payload_json: bytes, known_key) -> bool:
    """The payload's JSON text holds no string but its (known) claim names and the key the user gave.

    Counted, not searched: every JSON string adds exactly two unescaped quotes and an escaped one adds
    more, so as many quotes as names plus key-claim values equal to the key proves there is no other string,
    nested or not (another claim equal to the key is a string the count does not expect: it fails).
    """
    if not _KNOWN_NAMES.issuperset(payload):
        return False
    key_values = sum(payload.get(claim) == known_key for claim in KEY_CLAIMS) if known_key else 0
    return payload_json.count(b'"') == 2 * (len(payload) + key_values)


def secret_claims(header: dict, payload: dict, secret: str, known_key: str | None = None) -> dict:
    """{(part, claim): how} for every header or payload member whose value (or name) carries the secret.
    `known_key`: the SDK key the user gave; a key claim equal to it is theirs, not the secret."""
    shortest = min(len(secret), SECRET_RUN)
    if known_key == secret:
        known_key = None  # the secret given as the key too proves nothing
    finder = None
    found = {}
    for part, members in (("header", header), ("payload", payload)):
        if members == HEADER:
            continue  # the standard header holds nothing else
        items = members.items() if len(members) <= _MAX_SCANNED else islice(members.items(), _MAX_SCANNED)
        for name, value in items:
            # worth a look: an unknown name, a string long enough (other than the key the user gave), anything nested
            if name not in _KNOWN_NAMES:
                finder = finder or _SecretFinder(secret)
                if finder.how(name):
                    found[(part, NAMED_WITH_SECRET)] = "in the claim's name"
                    continue
            kind = value.__class__
            if (kind is str and value != known_key and len(value) >= shortest) or kind in _NESTED:
                finder = finder or _SecretFinder(secret)
                if (how := finder.in_value(value)) and (part, kind) == ("payload", str) and name in KEY_CLAIMS:
                    how = _key_is_secret(value, secret)
                if how:
                    found[(part, name)] = how
    return found


def _key_is_secret(key: str, secret: str) -> str | None:
    """How a key claim is the secret: it holds the whole secret, or is a piece of it (a cut secret), as text or
    base64-encoded; None when it only shares a run with it. A Client ID is public (every token carries it), so a
    run they share shows nothing new; it happens with placeholders ("your-client-id", "your-client-secret"), not
    by chance with real credentials, and "key and secret are swapped" would be a wrong answer there."""
    for how, text in (("as text", key), *(("base64-encoded", decoded) for decoded in _base64_decoded(key))):
        if secret in text or (len(text) >= SECRET_RUN and text in secret):
            return how
    return None


def secret_breaches(header: dict, payload: dict, secret: str, known_key: str | None = None) -> list[Breach]:
    """The secret (or SECRET_RUN characters of it in a row), as text or base64-encoded, in any header or
    payload member: an error whatever the signature says, since every browser can read the token."""
    found = secret_claims(header, payload, secret, known_key)
    if not found:
        return []
    keys = [name for (part, name) in found if part == "payload" and name in KEY_CLAIMS]
    others = [(part, name) for (part, name) in found if not (part == "payload" and name in KEY_CLAIMS)]
    breaches = []
    if keys:
        add_breach(
            breaches,
            "app_key_is_secret",
            f"The token's {' and '.join(keys)} claim holds the secret: key and secret are swapped, and the "
            "token carries the secret for anyone to read, whatever its signature says.",
            claims=keys,
        )
    if others:
        names = ", ".join(f"{name} ({part}, {found[part, name]})" for part, name in others)
        add_breach(
            breaches,
            "secret_in_token",
            f"The secret is inside the token: {cut(names)}. Header and payload are only encoded, so every "
            "browser that receives the token can read it, whatever its signature says.",
            claims=[name for _, name in others],
        )
    return breaches
