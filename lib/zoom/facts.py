"""The project's facts in one place: claim names, bounds, roles and Zoom's error codes.

Pages, the command line and the tests read these values from here instead of repeating them; the
rules that use them (bounds, severities, predicted errors) are in lib.zoom.rules.
Sources: docs/zoom-signature-facts.md (the fact base, with where each fact comes from).
"""

from typing import NamedTuple

HEADER = {"alg": "HS256", "typ": "JWT"}

# Payload claims in the order Zoom's official auth endpoint sample writes them.
CLAIM_ORDER = ("appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp", "video_webrtc_mode")
# What the Web SDK needs. tokenExp is recommended, not required: Zoom's table says "required for Native,
# optional for Web", and the SDK's own in-browser signer up to 3.11.2 left it out.
REQUIRED_CLAIMS = ("appKey", "mn", "role", "iat", "exp")
RECOMMENDED_CLAIMS = ("tokenExp",)
TIME_CLAIMS = ("iat", "exp", "tokenExp")  # epoch seconds

MIN_LIFETIME_SECONDS = 1800
MAX_LIFETIME_SECONDS = 172800
DEFAULT_LIFETIME_SECONDS = 7200
CLOCK_SKEW_SECONDS = 30
# An iat/exp above this is milliseconds (Date.now()): epoch seconds stay below it until the year 5138.
MILLISECONDS_THRESHOLD = 10**11

ROLE_LABELS = {0: "0 — participant / attendee", 1: "1 — host"}
# 0 is not the same as leaving the claim out: SDK 6.2.0 treats an omitted claim as its internal mode 2.
WEBRTC_MODE_LABELS = {
    None: "not set (claim omitted: the SDK's default)",
    0: "0 — WebRTC video off",
    1: "1 — WebRTC video",
}

# Environment variable names used by Zoom's official sample.
ENV_SDK_KEY = "ZOOM_MEETING_SDK_KEY"
ENV_SDK_SECRET = "ZOOM_MEETING_SDK_SECRET"

# A clearly fake demo credential set, so the pages work without a Zoom account.
DEMO_SDK_KEY = "DEMOkeyNotARealClientID"
DEMO_SDK_SECRET = "DEMO-secret-not-real-0123456789abcdefXYZ"
DEMO_MEETING_NUMBER = "85746065432"
# A stand-in for Server-to-Server OAuth credentials: the wrong app type for Meeting SDK signatures.
# It looks like any Client ID (the exercises show it: a name saying "s2s" would give their answer away) and
# shares no 4 characters with the demo secret.
DEMO_S2S_CLIENT_ID = "Vq3TxR8mLpZ2wKd7NcYb4A"
DEMO_S2S_CLIENT_SECRET = "DEMO-s2s-oauth-secret-not-real-9876543210"

# The order in which the app assumes Zoom checks a token (Zoom does not document it): signature first,
# then the key, expiry, the meeting, the role. Used to say which error a token with several mistakes gets.
ZOOM_ERROR_ORDER = (3712, 3704, 3705, 3706, 3708)


class ZoomError(NamedTuple):
    """A Web SDK error code: Zoom's message, its usual causes, and the ID of the row of the fact base's error
    table that says so (docs/zoom-signature-facts.md, "Error codes")."""

    message: str
    causes: str
    source: str


# Web SDK error codes, as SDK 6.2.0 reports them.
ZOOM_ERRORS = {
    3712: ZoomError(
        "Signature is invalid.",
        "a signature Zoom cannot verify with the app's secret: wrong secret (whitespace, swapped with the key, "
        "dev/prod mix, other key bytes); base64 instead of base64url; wrong credential type; clock skew (iat in "
        "the future)",
        "code-3712",
    ),
    3705: ZoomError("The signature has expired.", "exp in the past; a cached token", "code-3705"),
    3706: ZoomError("The meeting number is wrong.", "mn is not the meeting joined", "code-3706"),
    3704: ZoomError("The accounts API Key is not valid.", "appKey is not a Meeting SDK key", "code-3704"),
    3708: ZoomError(
        "Incorrect role.", "role not 0 or 1 (which inputs trigger it exactly is not documented)", "code-3708"
    ),
    4011: ZoomError(
        "To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace.",
        "joining a meeting outside the app's own account with an unpublished app",
        "code-4011",
    ),
    4012: ZoomError(
        "This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host "
        "or vendor.",
        "anonymous join of another account's meeting: needs a ZAK or OBF token",
        "code-4012",
    ),
    4013: ZoomError(
        "To access meeting raw data using a privilege token, you must also provide a corresponding OBF token "
        "authorized by the meeting host.",
        "no OBF token: meeting raw data was requested with a privilege token, without an OBF token from the host",
        "code-4013",
    ),
    4014: ZoomError(
        "The OBF token is invalid. Please check the OBF token and try again.", "a bad obfToken", "code-4014"
    ),
    4015: ZoomError(
        "The meeting number associated with the provided OBF token does not match the current meeting.",
        "an obfToken issued for another meeting",
        "code-4015",
    ),
    4016: ZoomError("The Privilege token is invalid.", "an invalid or expired privilege token", "code-4016"),
    3610: ZoomError(
        "Meeting does not exist.",
        "wrong meeting number (SDK 6.2.0's code for the server's 3001), or an expired registrant token (tk)",
        "code-3610",
    ),
    3001: ZoomError(
        "Meeting does not exist.", "wrong meeting number (the server's code; SDK 6.2.0 reports it as 3610)", "code-3001"
    ),
    3004: ZoomError("Meeting Passcode wrong.", "a wrong passcode", "code-3004"),
    3008: ZoomError("Meeting has not started", "the host has not started it and join before host is off", "code-3008"),
    200: ZoomError(
        "Fail to join the meeting.",
        "a generic failure of Component View: read the reason text that comes with it",
        "code-200",
    ),
    1: ZoomError(
        "Fail to join the meeting.",
        "a generic failure of Client View: read the reason text that comes with it",
        "code-200",
    ),
    -3000: ZoomError("connection error", "no answer from Zoom: network, proxy or firewall", "code-3000"),
}

# What the app says instead of a code where no source says which one Zoom answers.
UNDOCUMENTED_ERROR = "Zoom refuses it; which code it answers is not documented"

# The Web SDK (Component View). Zoom's CDN folder for version V holds lib/vendor/react.min.js,
# lib/vendor/react-dom.min.js, zoom-meeting-embedded-V.min.js and lib/av (init()'s assetPath). The npm
# package's dist/ folder has the same layout, with the bundle named WEB_SDK_NPM_BUNDLE: serving that
# folder is a self-hosted copy (docs/self-hosting-sdk.md).
WEB_SDK_VERSION = "6.2.0"
WEB_SDK_VERSIONS = ("6.2.0", "6.1.0", "6.0.2", "5.1.4")  # offered in the join page; others may be typed
WEB_SDK_CDN = "https://source.zoom.us/{version}"
WEB_SDK_NPM_BUNDLE = "zoom-meeting-embedded-ES5.min.js"
# The language files the SDK ships (dist/lib/lang).
WEB_SDK_LANGUAGES = tuple(
    "en-US de-DE es-ES fr-FR id-ID it-IT ja-JP ko-KR nl-NL pl-PL pt-PT ru-RU sv-SE tr-TR vi-VN zh-CN zh-TW".split()
)
MAX_USER_NAME_LENGTH = 128
MAX_PASSCODE_LENGTH = 32
