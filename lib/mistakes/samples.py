"""Demo tokens: correct ones and one maker per classic mistake, signed with the public demo credentials.

The batch page offers them as a sample file and bench/diagnose.py measures on them, so both see the
same realistic mix. Each record carries the secret its developer would paste (the CLI's fields).
"""

import base64
import json

from lib.mistakes.catalogue import sign_with_bugs
from lib.signing.encoding import jsrsasign_key_bytes, utf8_bytes
from lib.signing.steps import SignatureRequest, build_signature_steps, hmac_sha256
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET

HEX_SECRET = "ab" * 16  # all-hex: jsrsasign (the official sample) keys it as 16 hex bytes
BUGGY_SHARE = 4  # one record in four has a mistake
FIRST_MEETING = 85746065432


def _request(now, index, **changes):
    values = dict(
        sdk_key=DEMO_SDK_KEY,
        sdk_secret=DEMO_SDK_SECRET,
        meeting_number=FIRST_MEETING + index,
        role=index % 2,
        iat=now,
        exp=now + 7200,
    )
    return SignatureRequest(**{**values, **changes})


def _signed(request, secret_to_key=utf8_bytes):
    return build_signature_steps(request, secret_to_key).token


# The forum snippet's token once its call is fixed and the whole token returned: btoa segments, CryptoJS
# Base64 MAC, meetingNumber claim, no tokenExp.
FORUM_TOKEN_BUGS = ("standard_base64_segments", "standard_base64_signature", "meeting_number_claim", "no_token_exp")


def _forum_token(now, index):
    return sign_with_bugs(_request(now, index, role=0), FORUM_TOKEN_BUGS).returned


# mistake name -> token maker(now, index); the secret pasted with it is DEMO_SDK_SECRET unless listed below.
MISTAKE_MAKERS = {
    "secret with a trailing newline": lambda now, i: _signed(_request(now, i, sdk_secret=DEMO_SDK_SECRET + "\n")),
    "key used as secret": lambda now, i: _signed(_request(now, i, sdk_secret=DEMO_SDK_KEY)),
    "another app's secret": lambda now, i: _signed(_request(now, i, sdk_secret="another-apps-secret-0123456789")),
    "milliseconds": lambda now, i: _signed(_request(now, i, iat=now * 1000, exp=(now + 7200) * 1000)),
    "expired": lambda now, i: _signed(_request(now, i, iat=now - 9000, exp=now - 1800)),
    "meeting number with spaces": lambda now, i: _signed(_request(now, i, meeting_number="857 4606 5432")),
    "string role": lambda now, i: _signed(_request(now, i, role="1")),
    "no tokenExp": lambda now, i: _signed(_request(now, i, token_exp=None)),
    "forum snippet (btoa)": _forum_token,
    "MAC only": lambda now, i: base64.b64encode(hmac_sha256(DEMO_SDK_SECRET.encode(), str(i))).decode(),
    "lifetime too short": lambda now, i: _signed(_request(now, i, exp=now + 600)),
    "hex secret (jsrsasign)": lambda now, i: _signed(_request(now, i, sdk_secret=HEX_SECRET), jsrsasign_key_bytes),
}
PASTED_SECRETS = {"hex secret (jsrsasign)": HEX_SECRET}


def demo_records(count: int, now: int) -> list[dict]:
    """`count` records {"token", "sdkSecret", "sdkKey"}: three in four correct, the rest cycling through
    MISTAKE_MAKERS."""
    mistakes = list(MISTAKE_MAKERS)
    records = []
    for index in range(count):
        if index % BUGGY_SHARE:
            token, secret = _signed(_request(now, index)), DEMO_SDK_SECRET
        else:
            mistake = mistakes[(index // BUGGY_SHARE) % len(mistakes)]
            token = MISTAKE_MAKERS[mistake](now, index)
            secret = PASTED_SECRETS.get(mistake, DEMO_SDK_SECRET)
        records.append({"token": token, "sdkSecret": secret, "sdkKey": DEMO_SDK_KEY})
    return records


def demo_jsonl(count: int, now: int) -> str:
    return "".join(json.dumps(record) + "\n" for record in demo_records(count, now))
