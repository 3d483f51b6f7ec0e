"""The project's facts in one place: claim names, bounds, roles and Zoom's error codes.

Pages, the command line and the tests read these values from here instead of repeating them; the
rules that use them (bounds, severities, predicted errors) are in lib.zoom.rules.
Sources: docs/zoom-signature-facts.md (the fact base, with where each fact comes from).
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class ZoomError:
    """A Web SDK error code: Zoom's message, its usual causes, what to do about it, and the ID of the row of the
    fact base's error table that says so (docs/zoom-signature-facts.md, "Error codes"). The one record of a code:
    the join page, the Token doctor, the endpoint tester and the lessons all read it from ZOOM_ERRORS."""

    code: int
    message: str
    causes: str
    fix: str
    source: str

    @property
    def answer(self) -> str:
        """The code and Zoom's words, as the app quotes them in a sentence."""
        return f"Zoom answers {self.code} “{self.message.rstrip('.')}”"


# Web SDK error codes, as SDK 6.2.0 reports them.
ZOOM_ERRORS = {
    error.code: error
    for error in (
        ZoomError(
            3712,
            "Signature is invalid.",
            "a signature Zoom cannot verify with the app's secret: wrong secret (whitespace, swapped with the "
            "key, dev/prod mix, other key bytes); base64 instead of base64url; wrong credential type; clock skew "
            "(iat in the future)",
            "Open the token in the Token doctor: it checks the encoding and claims, and with your secret it names"
            " the exact signing mistake. Also check the credentials are a General app's Client ID and Secret with"
            " Meeting SDK switched on.",
            "code-3712",
        ),
        ZoomError(
            3705,
            "The signature has expired.",
            "exp in the past; a cached token",
            "Sign a fresh token right before joining; never reuse a cached one past its exp.",
            "code-3705",
        ),
        ZoomError(
            3706,
            "The meeting number is wrong.",
            "mn is not the meeting joined",
            "Sign mn with exactly the digits of the meeting you join, without spaces or dashes.",
            "code-3706",
        ),
        ZoomError(
            3704,
            "The accounts API Key is not valid.",
            "appKey is not a Meeting SDK key",
            "Use the Client ID of a General app with Features → Embed → Meeting SDK switched on as appKey.",
            "code-3704",
        ),
        ZoomError(
            3708,
            "Incorrect role.",
            "role not 0 or 1 (which inputs trigger it exactly is not documented)",
            "Sign role as the number 0 to join or 1 to start as host; nothing else.",
            "code-3708",
        ),
        ZoomError(
            4011,
            "To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom "
            "Marketplace.",
            "joining a meeting outside the app's own account with an unpublished app",
            "Join meetings of the app's own account, or publish the app on the Zoom Marketplace (an unlisted app "
            "reviewed by Zoom also counts).",
            "code-4011",
        ),
        ZoomError(
            4012,
            "This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting "
            "host or vendor.",
            "anonymous join of another account's meeting: needs a ZAK or OBF token",
            "For meetings outside the app's account, pass the host's ZAK or an OBF token.",
            "code-4012",
        ),
        ZoomError(
            4013,
            "To access meeting raw data using a privilege token, you must also provide a corresponding OBF token "
            "authorized by the meeting host.",
            "no OBF token: meeting raw data was requested with a privilege token, without an OBF token from the host",
            "Meeting raw data with a privilege token needs an OBF token too: request one authorised by the "
            "meeting's host (GET /users/{userId}/token?type=onbehalf) and pass it to join() as obfToken.",
            "code-4013",
        ),
        ZoomError(
            4014,
            "The OBF token is invalid. Please check the OBF token and try again.",
            "a bad obfToken",
            "Request a new OBF token for this user and meeting.",
            "code-4014",
        ),
        ZoomError(
            4015,
            "The meeting number associated with the provided OBF token does not match the current meeting.",
            "an obfToken issued for another meeting",
            "Request the OBF token for this meeting's number.",
            "code-4015",
        ),
        ZoomError(
            4016,
            "The Privilege token is invalid.",
            "an invalid or expired privilege token",
            "Request a new privilege token: the one given is invalid or has expired.",
            "code-4016",
        ),
        ZoomError(
            3610,
            "Meeting does not exist.",
            "wrong meeting number (SDK 6.2.0's code for the server's 3001), or an expired registrant token (tk)",
            "Check the meeting number, and that the meeting still exists.",
            "code-3610",
        ),
        ZoomError(
            3001,
            "Meeting does not exist.",
            "wrong meeting number (the server's code; SDK 6.2.0 reports it as 3610)",
            "Check the meeting number, and that the meeting still exists.",
            "code-3001",
        ),
        ZoomError(
            3004,
            "Meeting Passcode wrong.",
            "a wrong passcode",
            "Type the meeting's passcode as the host shared it.",
            "code-3004",
        ),
        ZoomError(
            3008,
            "Meeting has not started",
            "the host has not started it and join before host is off",
            "Wait for the host to start the meeting, or enable join before host.",
            "code-3008",
        ),
        ZoomError(
            200,
            "Fail to join the meeting.",
            "a generic failure of Component View: read the reason text that comes with it",
            "Read the reason text that came with it; open the frame's developer console for details.",
            "code-200",
        ),
        ZoomError(
            1,
            "Fail to join the meeting.",
            "a generic failure of Client View: read the reason text that comes with it",
            "Read the reason text that came with it; open the frame's developer console for details.",
            "code-200",
        ),
        ZoomError(
            -3000,
            "connection error",
            "no answer from Zoom: network, proxy or firewall",
            "Check that this browser can reach zoom.us (proxy, firewall, VPN).",
            "code-3000",
        ),
    )
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
