"""How each classic mistake changes what is signed, as the buggy signer applies it (lib.mistakes.buggy_signer).

A request change takes a SignatureRequest and returns (request, note or None): a note says why it changed
nothing, e.g. a role that is neither 0 nor 1 has nothing to swap. The catalogue (lib.mistakes.catalogue)
names the change each mistake makes.
"""

import functools
from dataclasses import replace
from urllib.parse import quote

from lib.javascript.forum import js_to_string
from lib.signing.jsjson import js_number
from lib.signing.steps import ABSENT
from lib.zoom.facts import DEMO_S2S_CLIENT_ID, DEMO_S2S_CLIENT_SECRET, MIN_LIFETIME_SECONDS
from lib.zoom.families import MEETING_NATIVE, VIDEO
from lib.zoom.rules import is_integer

CLOCK_AHEAD_SECONDS = 600  # a server clock ten minutes fast
TOO_SHORT_LIFETIME_SECONDS = 600  # "ten minutes is plenty"
TOO_LONG_LIFETIME_SECONDS = 7 * 24 * 3600  # "a week, so we never re-sign"
CACHED_PAST_EXPIRY_SECONDS = 3600  # the cached token expired an hour ago
MADE_AHEAD_SECONDS = 2 * 3600  # a native token signed two hours before the app initialises the SDK with it
MADE_AHEAD_LIFETIME_SECONDS = 24 * 3600  # its exp: a day, as in forum 65869's token
# The user's e-mail address as the Video SDK's user key: longer than the claim's limit of 36.
EMAIL_USER_KEY = "alexandra.participant@example-school.org"


def spaced_digits(digits: str) -> str:
    """Digits grouped the way Zoom invitations show meeting IDs: 857 4606 5432."""
    head, rest = digits[:3], digits[3:]
    half = len(rest) // 2
    return " ".join(part for part in (head, rest[:half], rest[half:]) if part)


def wrong_app_type(r):
    return replace(r, sdk_key=DEMO_S2S_CLIENT_ID, sdk_secret=DEMO_S2S_CLIENT_SECRET), None


def secret_trailing_newline(r):
    if not isinstance(r.sdk_secret, str):
        return r, "the secret is not text, so no newline was added"
    return replace(r, sdk_secret=r.sdk_secret + "\n"), None


def key_secret_swapped(r):
    return replace(r, sdk_key=r.sdk_secret, sdk_secret=r.sdk_key), None


def meeting_number_spaces(r):
    digits = js_to_string(r.meeting_number)
    if r.meeting_number is ABSENT or not (digits.isdigit() and digits.isascii() and len(digits) > 3):
        return r, "the meeting number is not a run of digits, so no spaces were put in"
    return replace(r, meeting_number=spaced_digits(digits)), None


def role_inverted(r):
    swaps = {0: 1, 1: 0, "0": "1", "1": "0"}
    if (is_integer(r.role) or isinstance(r.role, str)) and r.role in swaps:
        return replace(r, role=swaps[r.role]), None
    return r, f"the role is {js_to_string(r.role)}, neither 0 nor 1, so there is nothing to swap"


def role_string(r):
    if not is_integer(r.role):
        return r, "the role is not a number, so it is left as it is"
    return replace(r, role=js_number(r.role)), None


def timed(change):
    """Wrap a change of (iat, exp) so that non-integer times are left alone with a note."""

    @functools.wraps(change)
    def apply(r):
        if not (is_integer(r.iat) and is_integer(r.exp)):
            return r, "iat and exp are not whole numbers, so the times were left as they are"
        iat, exp = change(r.iat, r.exp)
        return replace(r, iat=iat, exp=exp), None  # tokenExp follows exp unless it was given

    return apply


@timed
def iat_in_future(iat, exp):
    return iat + CLOCK_AHEAD_SECONDS, exp + CLOCK_AHEAD_SECONDS


@timed
def expired(iat, exp):
    shift = exp - iat + CACHED_PAST_EXPIRY_SECONDS
    return iat - shift, exp - shift


def token_exp_minimum(r):
    """A native token signed ahead of its use (pasted into the app while developing), with tokenExp at the native auth
    page's minimum of iat + 1800 and exp a day later (forum 65869)."""
    if not (is_integer(r.iat) and is_integer(r.exp)):
        return r, "iat and exp are not whole numbers, so the times were left as they are"
    iat = r.iat - MADE_AHEAD_SECONDS
    return replace(r, iat=iat, exp=iat + MADE_AHEAD_LIFETIME_SECONDS, token_exp=iat + MIN_LIFETIME_SECONDS), None


@timed
def lifetime_too_short(iat, exp):
    return iat, iat + TOO_SHORT_LIFETIME_SECONDS


@timed
def lifetime_too_long(iat, exp):
    return iat, iat + TOO_LONG_LIFETIME_SECONDS


@timed
def timestamps_milliseconds(iat, exp):
    return iat * 1000, iat * 1000 + (exp - iat)  # Date.now(), plus a lifetime still counted in seconds


def meeting_number_claim(payload):
    return {("meetingNumber" if claim == "mn" else claim): value for claim, value in payload.items()}


def no_token_exp(r):
    return replace(r, token_exp=None), None


def argument_shift(r):
    return replace(r, sdk_key=r.meeting_number, sdk_secret=r.role, meeting_number=ABSENT, role=ABSENT), None


def _video_only(r, what):
    """A note when the request signs no Video SDK token (the mistake has nothing to change), else None."""
    return None if r.family == VIDEO else f"the token is not a Video SDK token, so there is no {what} to change"


def tpc_not_session_name(r):
    """The signer URL-encodes the session name (spaces become %20) while join() gets it as typed."""
    note = _video_only(r, "tpc")
    if note:
        return r, note
    if not isinstance(r.session_name, str) or quote(r.session_name) == r.session_name:
        return r, "the session name has nothing URL encoding changes, so tpc stays the session name"
    return replace(r, session_name=quote(r.session_name)), None


def user_key_too_long(r):
    note = _video_only(r, "user_key")
    return (r, note) if note else (replace(r, user_key=EMAIL_USER_KEY), None)


def meeting_claims_in_video_token(r):
    """The Meeting SDK sample's signer, given no meeting number and role: a native Meeting SDK token."""
    note = _video_only(r, "claim")
    if note:
        return r, note
    return replace(
        r, family=MEETING_NATIVE, role=ABSENT, session_name=ABSENT, user_key=ABSENT, session_key=ABSENT
    ), None


def video_claims_in_meeting_token(r):
    """The Video SDK sample's signer, with the meeting number as its topic (tpc)."""
    if r.family == VIDEO:
        return r, "the token already is a Video SDK token"
    topic = ABSENT if r.meeting_number is ABSENT else js_to_string(r.meeting_number)
    return replace(r, family=VIDEO, session_name=topic, meeting_number=ABSENT), None
