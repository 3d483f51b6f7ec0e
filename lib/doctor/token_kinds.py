"""Other Zoom tokens pasted where a Meeting SDK signature belongs: what each is for and what to use instead.

They are JWTs too, so they decode; without this the doctor could only list the claims they lack.
Recognised from the claims (and header members) each kind is documented or observed to carry.
"""

from typing import NamedTuple

from lib.zoom.families import FAMILIES, MEETING_WEB, VIDEO, family_of


class TokenKind(NamedTuple):
    id: str
    name: str
    purpose: str
    instead: str


_MEETING_SDK_CLAIMS = frozenset(("appKey", "sdkKey", "mn", "role"))


def _claim_list(family_id):
    family = FAMILIES[family_id]
    required = [name for name in family.claims if name in family.required]
    recommended = [name for name in family.claims if name in family.recommended]
    return f"claims {', '.join(required)} (and {', '.join(recommended)})"


_INSTEAD = (
    "Sign a Meeting SDK signature on your server with the Client ID and Client Secret of a General app with "
    f"Embed → Meeting SDK on: {_claim_list(MEETING_WEB)}."
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
    _INSTEAD
    + ' If your app is built on the Video SDK, pass this token to the Video SDK\'s join() and say so (sdk: "video").',
)
MEETING_SDK = TokenKind(
    "meeting_sdk",
    "a Meeting SDK signature",
    "It joins a Zoom meeting with the Meeting SDK (mn is the meeting number); the Video SDK does not take it: it "
    "reads app_key, role_type and tpc.",
    "Sign a Video SDK token on your server with the SDK key and secret of your Video SDK app: "
    f"{_claim_list(VIDEO)}. If your app joins Zoom meetings, it needs the Meeting SDK, which takes this token "
    '(sdk: "web" or "native").',
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
    """Which other kind of Zoom token this is, or None for a Meeting SDK or Video SDK token (right or wrong)."""
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
    if "app_key" in payload and "tpc" not in payload and "version" not in payload:
        # a Cobrowse SDK token names its user (user_id, user_name) or is an agent's (role_type 2); anything else
        # with app_key is a Video SDK token, judged by that family's rules (lib.zoom.families)
        if "user_id" in payload or "user_name" in payload or payload.get("role_type") == 2:
            return COBROWSE_SDK
    if "iss" in payload and "exp" in payload and family_of(payload) != VIDEO:
        # iss beside tpc, role_type or app_key: a Video SDK token with a stray iss (or made for the wrong SDK), not
        # a REST API token; the families' rules judge it
        return REST_API_JWT
    return None


def family_kind(token_family: str) -> TokenKind:
    """The kind a token of this family is, named when it is given to the other product's SDK."""
    return VIDEO_SDK if token_family == VIDEO else MEETING_SDK
