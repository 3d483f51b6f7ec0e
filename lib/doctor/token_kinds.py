"""Other Zoom tokens pasted where a Meeting SDK signature belongs: what each is for and what to use instead.

They are JWTs too, so they decode; without this the doctor could only list the claims they lack.
Recognised from the claims (and header members) each kind is documented or observed to carry.
"""

from typing import NamedTuple


class TokenKind(NamedTuple):
    id: str
    name: str
    purpose: str
    instead: str


_MEETING_SDK_CLAIMS = frozenset(("appKey", "sdkKey", "mn", "role"))
_INSTEAD = (
    "Sign a Meeting SDK signature on your server with the Client ID and Client Secret of a General app with "
    "Embed → Meeting SDK on: claims appKey, mn, role, iat, exp (and tokenExp)."
)
REST_API_JWT = TokenKind(
    "rest_api_jwt",
    "a JWT app token for Zoom's REST API",
    "It authorised REST API calls with a JWT app's API key (iss) and secret; the JWT app type was retired in "
    "2023. Such an {iss, exp} token was never a join signature, though until 2022 a JWT app's API Key and Secret "
    "did sign the Web SDK's (pre-2022) join signatures.",
    _INSTEAD,
)
VIDEO_SDK = TokenKind(
    "video_sdk",
    "a Video SDK token",
    "It joins a Video SDK session (tpc is the session name), which is not a Zoom meeting: the Video SDK cannot "
    "join meetings and the Meeting SDK does not take its tokens.",
    _INSTEAD,
)
COBROWSE_SDK = TokenKind(
    "cobrowse_sdk",
    "a Cobrowse SDK token",
    "It starts or joins a Cobrowse SDK session (role_type 1 customer, 2 agent), not a meeting.",
    _INSTEAD,
)
OAUTH_ACCESS = TokenKind(
    "oauth_access_token",
    "an OAuth access token",
    "It authorises REST API calls for an OAuth or Server-to-Server OAuth app (issued by zoom.us, HS512); it is "
    "sent as 'Authorization: Bearer', never to join().",
    _INSTEAD + " A General (OAuth) app's Client ID and Secret are those credentials once Meeting SDK is on; a "
    "Server-to-Server OAuth app's are the wrong type.",
)
ZAK_OR_OBF = TokenKind(
    "zak_or_obf",
    "a ZAK or OBF token",
    "Zoom issues it (GET /users/{userId}/token?type=zak or ?type=onbehalf) to start a meeting as a user (ZAK) or to "
    "join one on a user's behalf (OBF). It goes to join() as zak or obfToken, beside the signature, not as it.",
    "Pass it as join()'s zak (or obfToken) and sign the Meeting SDK signature separately. " + _INSTEAD,
)


def token_kind(header: dict, payload: dict) -> TokenKind | None:
    """Which other kind of Zoom token this is, or None for a Meeting SDK signature (right or wrong)."""
    if not _MEETING_SDK_CLAIMS.isdisjoint(payload):
        return None
    issuer = payload.get("iss")
    audience = payload.get("aud")
    if "zm_skm" in header or audience == "clientsm":
        return ZAK_OR_OBF
    if (isinstance(issuer, str) and issuer.startswith("zm:cid:")) or (
        isinstance(audience, str) and "oauth.zoom.us" in audience
    ):
        return OAUTH_ACCESS
    if "app_key" in payload:
        return VIDEO_SDK if "tpc" in payload or "version" in payload else COBROWSE_SDK
    if "iss" in payload and "exp" in payload:
        return REST_API_JWT
    return None
