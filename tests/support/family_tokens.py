"""Correct tokens of each Zoom SDK token family for the page tests, made with our signer for the real clock (the
pages judge against time.time()) and checked by PyJWT, an independent implementation."""

import time

import jwt

from lib.signing.steps import SignatureRequest, build_signature_steps
from support.doctor_cases import KEY, SECRET

SESSION = "Cool Cars"
FAMILY_REQUESTS = {  # family -> what our signer is asked for (tokens for the real clock: the pages use it)
    "meeting_web": dict(meeting_number=85746065432, role=0),
    "meeting_native": dict(),
    "video": dict(family="video", session_name=SESSION, role=1, user_key="user-7", session_key="room-7"),
}
HINTS = {"meeting_web": "web", "meeting_native": "native", "video": "video"}
TITLES = {"meeting_web": "Meeting SDK for web", "meeting_native": "Meeting SDK for native apps", "video": "Video SDK"}


def family_token(family, **changes):
    """A token of the family (correct unless `changes` say otherwise), signed by our signer and its signature
    verified by PyJWT (an independent check)."""
    now = int(time.time())
    values = {"iat": now - 10, "exp": now + 7190, **FAMILY_REQUESTS[family], **changes}
    token = build_signature_steps(SignatureRequest(sdk_key=KEY, sdk_secret=SECRET, **values)).token
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})  # the pages judge times
    assert claims["exp"] == values["exp"]
    assert ("tpc" in claims) == (family == "video") and ("mn" in claims) == (family == "meeting_web")
    return token
