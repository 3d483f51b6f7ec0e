"""Demo tokens: correct ones and one maker per classic mistake, signed with the public demo credentials.

The batch page offers them as a sample file and bench/diagnose.py measures on them, so both see the
same realistic mix. Each record carries the secret its developer would paste (the CLI's fields).
"""

import base64
import json

from lib.encoding import jsrsasign_key_bytes, standard_base64_encode
from lib.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET, HEADER
from lib.jsjson import json_stringify
from lib.signing import SignatureRequest, build_signature_steps, hmac_sha256

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


def _signed(request, secret_to_key=None):
    if secret_to_key is None:
        return build_signature_steps(request).token
    return build_signature_steps(request, secret_to_key).token


def _forum_token(now, index):
    """The forum snippet's token: btoa segments, CryptoJS Base64 MAC, meetingNumber claim, no tokenExp."""
    payload = {"appKey": DEMO_SDK_KEY, "sdkKey": DEMO_SDK_KEY, "meetingNumber": FIRST_MEETING + index, "role": 0}
    payload.update(iat=now, exp=now + 7200)
    header, body = (standard_base64_encode(json_stringify(part).encode()) for part in (HEADER, payload))
    signing_input = f"{header}.{body}"
    return f"{signing_input}.{standard_base64_encode(hmac_sha256(DEMO_SDK_SECRET.encode(), signing_input))}"


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
