"""Demo tokens: correct ones and one maker per classic mistake, signed with the public demo credentials.

The batch page offers them as a sample file and bench/diagnose.py measures on them, so both see the
same realistic mix. Each mistake is made the catalogue's way (`sign_with_bugs`), named by its
catalogue id; `hex_secret` is the one mistake outside the catalogue (a quirk of jsrsasign, which the
official sample uses, named by the forensic finding that recognises it). Each record carries the
secret its developer would paste (the CLI's fields).
"""

import json

from lib.mistakes.buggy_signer import sign_with_bugs
from lib.signing.encoding import jsrsasign_key_bytes
from lib.signing.steps import SignatureRequest, build_signature_steps
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


def _with(*bug_ids, **changes):
    """A maker of tokens signed with these catalogue mistakes on."""
    return lambda now, index: sign_with_bugs(_request(now, index, **changes), bug_ids).returned


# The forum snippet's token once its call is fixed and the whole token returned: btoa segments, CryptoJS
# Base64 MAC, meetingNumber claim, no tokenExp.
FORUM_TOKEN_BUGS = ("standard_base64_segments", "standard_base64_signature", "meeting_number_claim", "no_token_exp")

# mistake id -> token maker(now, index); the secret pasted with it is DEMO_SDK_SECRET unless listed below.
MISTAKE_MAKERS = {
    "secret_trailing_newline": _with("secret_trailing_newline"),
    "key_secret_swapped": _with("key_secret_swapped"),
    "wrong_app_type": _with("wrong_app_type"),
    "timestamps_milliseconds": _with("timestamps_milliseconds"),
    "expired": _with("expired"),
    "meeting_number_spaces": _with("meeting_number_spaces"),
    "role_string": _with("role_string", role=1),
    "no_token_exp": _with("no_token_exp"),
    "forum_snippet": _with(*FORUM_TOKEN_BUGS, role=0),
    "mac_only": _with("mac_only"),
    "lifetime_too_short": _with("lifetime_too_short"),
    "hex_secret": lambda now, i: (
        build_signature_steps(_request(now, i, sdk_secret=HEX_SECRET), jsrsasign_key_bytes).token
    ),
}
PASTED_SECRETS = {"hex_secret": HEX_SECRET}


def demo_records(count: int, now: int) -> list[dict]:
    """`count` records {"token", "sdkSecret", "sdkKey"}: three in four correct, the rest cycling through
    MISTAKE_MAKERS."""
    mistakes = list(MISTAKE_MAKERS)
    records = []
    for index in range(count):
        if index % BUGGY_SHARE:
            token, secret = build_signature_steps(_request(now, index)).token, DEMO_SDK_SECRET
        else:
            mistake = mistakes[(index // BUGGY_SHARE) % len(mistakes)]
            token = MISTAKE_MAKERS[mistake](now, index)
            secret = PASTED_SECRETS.get(mistake, DEMO_SDK_SECRET)
        records.append({"token": token, "sdkSecret": secret, "sdkKey": DEMO_SDK_KEY})
    return records


def demo_jsonl(count: int, now: int) -> str:
    return "".join(json.dumps(record) + "\n" for record in demo_records(count, now))
