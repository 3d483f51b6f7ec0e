"""Zoom's token families as data: which claims each SDK's token holds, what each claim means, and which
failures each platform reports for a broken one.

Every Zoom SDK signs the same way (HS256 over header.payload with the app's secret); what differs is the
payload. The claim table says what a claim is, once; a family record lists the claims its official sample
writes, in that order, which are required or recommended, the names people give them by mistake, the lifetime
bounds and the failures each platform reports. The rule book (lib.zoom.rules) judges a payload with one
validator per claim *kind*, reading the codes it reports from here, so nothing is written per family.
Sources: docs/zoom-signature-facts.md, "Token families".
"""

from typing import NamedTuple

from lib.zoom.facts import MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS, ROLE_LABELS, WEBRTC_MODE_LABELS

MEETING_WEB = "meeting_web"
MEETING_NATIVE = "meeting_native"
VIDEO = "video"
# The CLI's and the pages' `sdk` hint: which SDK joins with the token.
SDK_FAMILIES = {"web": MEETING_WEB, "native": MEETING_NATIVE, "video": VIDEO}
MEETING_FAMILIES = (MEETING_WEB, MEETING_NATIVE)
ALL_FAMILIES = (MEETING_WEB, MEETING_NATIVE, VIDEO)

# Claim kinds, one validator each in lib.zoom.rules.
KEY, MEETING_NUMBER, ROLE, EPOCH, TEXT, VERSION, FLAG, SETTING = (
    "key",
    "meeting_number",
    "role",
    "epoch",
    "text",
    "version",
    "flag",
    "setting",
)


class Claim(NamedTuple):
    """One claim: its kind (which validator judges it), what it means, the rule in words, the request field
    it is signed from (the CLI's input name), its length limit, the finding codes its validator reports
    (missing, not_number, out_of_range, too_long, misnamed), the values Zoom documents for it (value -> what it
    means; none: any text) and, for a list of them, what joins them into the one text the token holds."""

    name: str
    kind: str
    meaning: str
    rule: str
    field: str = ""
    max_length: int | None = None
    codes: dict = {}  # a NamedTuple default, never mutated
    values: dict = {}
    separator: str = ""


# The regions geo_regions may name (the Video SDK auth page; the Video sample's validator lists the same twelve).
_GEO_REGIONS = {
    "AU": "Australia",
    "BR": "Brazil",
    "CA": "Canada",
    "CN": "China",
    "DE": "Germany",
    "HK": "Hong Kong",
    "IN": "India",
    "JP": "Japan",
    "MX": "Mexico",
    "NL": "Netherlands",
    "SG": "Singapore",
    "US": "United States",
}

CLAIMS: dict[str, Claim] = {
    claim.name: claim
    for claim in (
        Claim(
            "appKey",
            KEY,
            "the Client ID (SDK key) of the Meeting SDK app",
            "required by the Meeting SDK for web since 5.0.0; text",
            "sdkKey",
            codes={"missing": "missing_app_key"},
        ),
        Claim("sdkKey", KEY, "the same Client ID again (deprecated)", "optional; equal to appKey", "sdkKey"),
        Claim(
            "mn",
            MEETING_NUMBER,
            "the meeting number passed to join()",
            "digits only; required for web, optional for native",
            "meetingNumber",
            codes={"missing": "missing_mn", "misnamed": "meeting_number_claim_name"},
        ),
        Claim(
            "role",
            ROLE,
            "0 participant or attendee, 1 host",
            "the number 0 or 1; required for web, optional for native",
            "role",
            codes={"missing": "missing_role", "not_number": "role_not_number", "out_of_range": "role_out_of_range"},
            values=ROLE_LABELS,
        ),
        Claim(
            "iat",
            EPOCH,
            "issued at",
            "whole epoch seconds, not ahead of Zoom's clock",
            "iat",
            codes={"missing": "missing_iat"},
        ),
        Claim(
            "exp",
            EPOCH,
            "expiry",
            f"whole epoch seconds, {MIN_LIFETIME_SECONDS} to {MAX_LIFETIME_SECONDS} s after iat",
            "exp",
            codes={"missing": "missing_exp"},
        ),
        Claim(
            "tokenExp",
            EPOCH,
            "the token's expiry (the sample sets it to exp)",
            f"at least {MIN_LIFETIME_SECONDS} s after iat; optional for web, in every native payload Zoom publishes",
            "tokenExp",
            codes={"missing": "missing_token_exp"},
        ),
        Claim(
            "video_webrtc_mode",
            FLAG,
            "WebRTC video: 1 on, 0 off; left out: the SDK's default",
            "0 or 1, or left out",
            "videoWebRtcMode",
            values={mode: words for mode, words in WEBRTC_MODE_LABELS.items() if mode is not None},
        ),
        Claim(
            "app_key",
            KEY,
            "the Video SDK key of the Video SDK app",
            "required; text",
            "sdkKey",
            codes={"missing": "missing_app_key"},
        ),
        Claim(
            "role_type",
            ROLE,
            "1 host (co-host when a host is in), 0 participant",
            "required; the number 0 or 1",
            "role",
            codes={
                "missing": "missing_role_type",
                "not_number": "role_type_not_number",
                "out_of_range": "role_type_out_of_range",
            },
            values={0: "0 — participant", 1: "1 — host (co-host when a host is in)"},
        ),
        Claim(
            "tpc",
            TEXT,
            "the session name passed to join()",
            "required; at most 200 characters; equal to the join's session name, ignoring case",
            "sessionName",
            200,
            codes={"missing": "missing_tpc", "too_long": "tpc_too_long", "whitespace": "tpc_whitespace"},
        ),
        Claim(
            "version",
            VERSION,
            "the token format's version",
            "1 (the sample writes it; some of Zoom's examples leave it out)",
            codes={"missing": "missing_version"},
            values={1: "1"},
        ),
        Claim(
            "user_key",
            TEXT,
            "your identifier of the user",
            "optional; at most 36 characters",
            "userKey",
            36,
            codes={"too_long": "user_key_too_long"},
        ),
        Claim(
            "user_identity",
            TEXT,
            "the former name of user_key (the sample still writes it)",
            "optional; at most 36 characters",
            "userIdentity",
            36,
            codes={"too_long": "user_key_too_long"},
        ),
        Claim(
            "session_key",
            TEXT,
            "your identifier of the session",
            "optional; at most 36 characters",
            "sessionKey",
            36,
            codes={"too_long": "session_key_too_long"},
        ),
        Claim(
            "geo_regions",
            SETTING,
            "the data-center regions to use",
            "optional; region codes joined by commas, each also enabled for the account",
            "geoRegions",
            values=_GEO_REGIONS,
            separator=",",
        ),
        Claim(
            "cloud_recording_option",
            SETTING,
            "cloud recording layout",
            "optional; 0 or 1",
            "cloudRecordingOption",
            values={0: "0 — one combined video (Zoom's default)", 1: "1 — a video file per user (host only)"},
        ),
        Claim(
            "cloud_recording_election",
            SETTING,
            "record this user in the cloud",
            "optional; 0 or 1",
            "cloudRecordingElection",
            values={0: "0 — self-view not recorded (Zoom's default)", 1: "1 — record this user's self-view"},
        ),
        Claim(
            "cloud_recording_transcript_option",
            SETTING,
            "cloud recording transcript",
            "optional; 0, 1 or 2",
            "cloudRecordingTranscriptOption",
            values={0: "0 — none (Zoom's default)", 1: "1 — transcript", 2: "2 — transcript and summary"},
        ),
        Claim(
            "telemetry_tracking_id", SETTING, "your tracking ID in Zoom's telemetry", "optional", "telemetryTrackingId"
        ),
        Claim(
            "audio_webrtc_mode",
            FLAG,
            "WebRTC audio: 1 on, 0 off; left out: the SDK's default",
            "0 or 1, or left out",
            "audioWebRtcMode",
            values={0: "0 — WebRTC audio off", 1: "1 — WebRTC audio"},
        ),
    )
}


class PlatformError(NamedTuple):
    """What one platform reports for a mistake: the code, its name or message, and the ID of the fact base's row
    that says so (docs/zoom-signature-facts.md)."""

    platform: str
    code: int
    name: str
    source: str

    def as_dict(self):
        return self._asdict()


_WEB_VERIFY = PlatformError("Web Video SDK", 200, "SESSION_FETCH_INFO_ERROR “Verify JWT failed”", "video-web-200")
_WEB_EXPIRED = PlatformError(
    "Web Video SDK",
    200,
    "SESSION_FETCH_INFO_ERROR “The token has expired, is over 2 days old, or is ineffective.”",
    "video-web-200",
)
_WEB_ROLE = PlatformError("Web Video SDK", 3010, "SESSION_ROLE_TYPE_ERROR “Role type error”", "video-web-3010")
_NATIVE_ROLE = PlatformError(
    "native Video SDK", 1509, "Errors_JoinSession_Token_RoleType_EmptyOrWrong", "video-native-1509"
)


class Family(NamedTuple):
    """A token family: its claims in the official sample's order, which are required and which recommended,
    the names people give claims by mistake (aliases: wrong name -> right name) and the older names still
    accepted, the lifetime bounds, the finding codes only this family gives, the failures each platform reports
    (finding code -> PlatformError, only where a source says), and what the SDK reports for any refused token."""

    id: str
    title: str
    sdk: str  # the `sdk` hint that names it
    claims: tuple
    required: frozenset
    recommended: frozenset
    aliases: dict
    former_names: dict
    min_lifetime: int
    max_lifetime: int
    codes: frozenset
    errors: dict
    refused_as: str
    sample: str

    @property
    def known(self) -> frozenset:
        """Every claim name this family's SDK reads, or that the rules name (a misnamed claim)."""
        return frozenset((*self.claims, *self.aliases))

    def claim(self, kind: str) -> str | None:
        """The family's claim of a kind (its key, its role), or None."""
        return next((name for name in self.claims if CLAIMS[name].kind == kind), None)


_MEETING_CLAIMS = ("appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp", "video_webrtc_mode")
_VIDEO_CODES = frozenset(
    (
        "missing_tpc",
        "tpc_too_long",
        "tpc_whitespace",
        "tpc_mismatch",
        "missing_role_type",
        "role_type_not_number",
        "role_type_out_of_range",
        "missing_version",
        "user_key_too_long",
        "session_key_too_long",
    )
)
_MEETING_SAMPLE = "zoom/meetingsdk-auth-endpoint-sample src/index.js"

FAMILIES: dict[str, Family] = {
    family.id: family
    for family in (
        Family(
            MEETING_WEB,
            "Meeting SDK for web",
            "web",
            _MEETING_CLAIMS,
            frozenset(("appKey", "mn", "role", "iat", "exp")),
            frozenset(("tokenExp",)),
            {"meetingNumber": "mn"},
            {},
            MIN_LIFETIME_SECONDS,
            MAX_LIFETIME_SECONDS,
            frozenset(("missing_mn", "missing_role", "meeting_number_claim_name", "role_host_needs_zak")),
            {},  # the Web SDK's codes: each rule's zoom_error (lib.zoom.rules), with its source
            "a Web SDK error code (see each finding)",
            _MEETING_SAMPLE + " (meetingNumber and role given)",
        ),
        Family(
            MEETING_NATIVE,
            "Meeting SDK for native apps (Android, iOS, Windows, macOS, Linux, Electron)",
            "native",
            _MEETING_CLAIMS,
            frozenset(("appKey", "iat", "exp")),
            frozenset(("tokenExp",)),
            {},
            {},
            MIN_LIFETIME_SECONDS,
            MAX_LIFETIME_SECONDS,
            frozenset(("meeting_native_assumed",)),
            {},  # one auth result for every bad JWT: refused_as
            "its auth result for a bad JWT: AUTHRET_JWTTOKENWRONG (Windows, Linux, Electron), "
            "ZoomSDKAuthError_JwtTokenWrong (macOS), MobileRTCAuthError_TokenWrong (iOS), "
            "ZOOM_ERROR_AUTHRET_TOKENWRONG (Android); which mistake gives which is not documented",
            _MEETING_SAMPLE + " (meetingNumber and role left out)",
        ),
        Family(
            VIDEO,
            "Video SDK",
            "video",
            (
                "app_key",
                "role_type",
                "tpc",
                "version",
                "iat",
                "exp",
                "user_key",
                "user_identity",
                "session_key",
                "geo_regions",
                "cloud_recording_option",
                "cloud_recording_election",
                "cloud_recording_transcript_option",
                "telemetry_tracking_id",
                "video_webrtc_mode",
                "audio_webrtc_mode",
            ),
            frozenset(("app_key", "role_type", "tpc", "iat", "exp")),
            frozenset(("version",)),
            {},
            {"user_identity": "user_key"},
            MIN_LIFETIME_SECONDS,
            MAX_LIFETIME_SECONDS,
            _VIDEO_CODES,
            {
                "missing_tpc": (
                    PlatformError(
                        "native Video SDK", 1508, "Errors_JoinSession_Token_NoSessionName", "video-native-1508"
                    ),
                ),
                "tpc_mismatch": (
                    PlatformError(
                        "native Video SDK",
                        1507,
                        "Errors_JoinSession_Token_MismatchedSessionName",
                        "video-native-1507",
                    ),
                ),
                "missing_role_type": (_WEB_ROLE, _NATIVE_ROLE),
                "role_type_out_of_range": (_WEB_ROLE, _NATIVE_ROLE),
                "user_key_too_long": (
                    PlatformError(
                        "native Video SDK",
                        1510,
                        "Errors_JoinSession_Token_UserIdentity_TooLong",
                        "video-native-1510",
                    ),
                ),
                "expired": (_WEB_EXPIRED,),
                "lifetime_too_long": (_WEB_EXPIRED,),
                "signature_mismatch": (_WEB_VERIFY,),
            },
            "a join failure (see each finding; the native Video SDK's 2003 and 2014 are generic)",
            "zoom/videosdk-auth-endpoint-sample src/index.js",
        ),
    )
}

_VIDEO_MARKS = frozenset(("tpc", "role_type", "app_key"))
_WEB_MARKS = frozenset(("mn", "role", "meetingNumber"))


def family_of(claims, sdk=None) -> str:
    """The family a token's claims belong to, or the one the user states with `sdk` ("web", "native", "video").

    tpc, role_type or app_key: the Video SDK's; otherwise a Meeting SDK token, for web when it has mn or role
    (one without the other is a web token missing it), native when it has neither."""
    if sdk is not None:
        try:
            return SDK_FAMILIES[sdk]
        except (KeyError, TypeError):
            raise ValueError(f"sdk must be one of {', '.join(SDK_FAMILIES)}, not {sdk!r}") from None
    if not _VIDEO_MARKS.isdisjoint(claims):
        return VIDEO
    return MEETING_NATIVE if _WEB_MARKS.isdisjoint(claims) else MEETING_WEB


def same_sdk(family: str, other: str) -> bool:
    """Both are Meeting SDK families, or both the Video SDK's: a token of one is not another product's."""
    return (family == VIDEO) == (other == VIDEO)


def request_field(claim: str) -> str:
    """The request field a claim is signed from (the CLI's input name), or the claim's own name."""
    known = CLAIMS.get(claim)
    return known.field if known and known.field else claim
