"""The catalogue of classic Meeting SDK signature mistakes, each a switch on a buggy signer.

`BUGS` is the project's single vocabulary of causes: diagnosis, the join page and the lessons
refer to these ids. This module is the data: what each mistake looks like, why it fails, what Zoom
says, how to fix it, and which change (lib.mistakes.alterations) makes it. The buggy signer that
switches them on is lib.mistakes.buggy_signer. Facts: docs/zoom-signature-facts.md (the forum snippet,
the browser's checks, error codes).
"""

from collections.abc import Callable
from dataclasses import dataclass

from lib.javascript.legacy import legacy_signature, node_base64_decode
from lib.mistakes import alterations
from lib.mistakes.key_bytes import KEY_BYTES_CODES
from lib.signing.encoding import standard_base64_encode
from lib.signing.steps import STEPS
from lib.zoom.facts import MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS
from lib.zoom.families import (
    ALL_FAMILIES,
    CLAIMS,
    EPOCH,
    FAMILIES,
    KEY,
    MEETING_FAMILIES,
    MEETING_NATIVE,
    MEETING_NUMBER,
    MEETING_WEB,
    ROLE,
    TEXT,
    VERSION,
    VIDEO,
    PlatformError,
)

BROWSER = "browser"
ZOOM_SERVER = "zoom server"
NOBODY_UNTIL_JOIN = "nobody until join"
NOBODY = "nobody"

_FROM_PAYLOAD = ("payload_json", "payload_b64", "signing_input", "hmac_hex", "signature", "token", "returned")
_FROM_HMAC = ("hmac_hex", "signature", "token", "returned")

# When the buggy signer applies each mistake's request change: the credentials first (which app's, the
# secret's text, which of the two goes where), then which family's claims (another SDK's signer), then the values
# signed, then the call itself. Two changes of the same value give another request in another order (a clock ten
# minutes ahead, then milliseconds).
REQUEST_STAGES = (
    "app",
    "secret_text",
    "key_and_secret",
    "meeting_number",
    "family",
    "session_name",
    "role_value",
    "role_type",
    "user_key",
    "clock",
    "cache",
    "lifetime",
    "time_unit",
    "claims",
    "call",
)
# The 6 bytes of "~?~?~?" give '+' or '/' at any alignment, so a key ending in them always shows btoa's mistake.
REVEALING_SDK_KEY = "DEMOkey~?~?~?"
VIDEO_PART = "The Video SDK"  # the Lessons page's part of the Video SDK's own mistakes (lib.training.lessons)


@dataclass(frozen=True)
class BugLesson:
    """Where the Lessons page (lib.training.lessons) teaches a mistake, and what to watch in its live demo."""

    part: str  # one of lib.training.lessons.BUG_PARTS
    place: int  # its position in that part, from 1
    look_at: str
    reveal_sdk_key: str | None = None  # a key that makes the mistake visible when the learner's does not
    family: str = MEETING_WEB  # the token family its live demo signs (one of the entry's families)


@dataclass(frozen=True)
class Bug:
    """One classic mistake: what the code looks like, why it fails, what Zoom says, how to fix it.

    `steps` are the rows of the signature where it makes the result differ from the correct one
    (for encoding bugs: when the input makes the difference visible at all); `claims` are the
    payload claims it adds, removes or changes.
    """

    id: str
    title: str
    js_before: str
    js_after: str
    py_before: str
    py_after: str
    why: str
    zoom_error: int | None
    symptom: str
    caught_by: str
    fix: str
    source: str
    steps: tuple[str, ...]
    families: tuple[str, ...]  # the token families (lib.zoom.families) whose signers make it, the first its demo's
    claims: frozenset = frozenset()  # by their name in every family it applies to
    claim_kinds: frozenset = frozenset()  # the kinds of those claims (lib.zoom.families.CLAIMS): one mistake per kind
    # The fact base's row that says Zoom answers zoom_error (its ID in docs/zoom-signature-facts.md), "" with none
    zoom_error_source: str = ""
    # The Token doctor's finding codes that detect it in a token ("code" or "code@step" where the same
    # code names another mistake at another step), or why no token shows it.
    found_by: tuple[str, ...] = ()
    undetectable: str = ""
    # How the buggy signer makes it, one stage of signing each (see sign_with_bugs):
    alter_request: Callable | None = None  # request -> (request, note or None: why it changed nothing)
    request_stage: str = ""  # with alter_request: when it is applied, one of REQUEST_STAGES
    alter_payload: Callable | None = None  # payload dict -> payload dict
    btoa_segments: bool = False  # header and payload through btoa (standard base64, Latin-1 only)
    mac_encoding: Callable | None = None  # MAC bytes -> signature text
    returns_mac: bool = False  # the signer hands back the signature segment alone
    secret_to_key: Callable | None = None  # secret text -> the HMAC key bytes the buggy code uses
    signer: Callable | None = None  # a whole other format: request -> BuggySteps
    jwt_only: bool = False  # a mistake of the JWT format: another format (signer) has no such step
    throws_at: tuple[str, ...] = ()  # the JavaScript calls it can make throw (BuggySteps.failed_at)
    # It writes the secret into the readable payload: a demo of it runs on the public demo credentials.
    demo_credentials: bool = False
    # where the Lessons page teaches it, one lesson per family it is taught in (tests/test_lessons.py: every entry is)
    lessons: tuple[BugLesson, ...] = ()

    def as_dict(self):
        fields = (
            "id",
            "title",
            "js_before",
            "js_after",
            "py_before",
            "py_after",
            "why",
            "zoom_error",
            "zoom_error_source",
        )
        fields += ("symptom", "caught_by", "fix", "source")
        return {name: getattr(self, name) for name in fields} | {
            "steps": list(self.steps),
            "families": list(self.families),
            "claim_kinds": sorted(self.claim_kinds),
        }


_CATALOGUE = (
    Bug(
        id="standard_base64_segments",
        families=ALL_FAMILIES,
        title="Standard base64 for header and payload",
        js_before="const encodedPayload = btoa(JSON.stringify(oPayload));",
        js_after="const encodedPayload = Buffer.from(JSON.stringify(oPayload)).toString('base64url');",
        py_before="payload_b64 = base64.b64encode(payload_json.encode()).decode()",
        py_after='payload_b64 = base64.urlsafe_b64encode(payload_json.encode()).rstrip(b"=").decode()',
        why="A JWT segment must be base64url without padding: `-` and `_` instead of `+` and `/`, no `=`. "
        "btoa writes standard base64, and only for Latin-1 text. Zoom re-encodes what it received and "
        "the HMAC no longer matches.",
        zoom_error=3712,
        zoom_error_source="signature-invalid",
        symptom="3712 Signature is invalid — but only when a segment happens to contain '+', '/' or '=', "
        "so the same code works for one meeting or key and fails for the next. A character beyond "
        "Latin-1 (an emoji, a CJK name) makes btoa throw InvalidCharacterError before anything is sent.",
        caught_by=ZOOM_SERVER,
        found_by=("standard_base64", "signed_over_standard_base64"),
        btoa_segments=True,
        jwt_only=True,
        throws_at=("btoa(header)", "btoa(payload)"),
        fix="Encode segments with base64url and strip '=', or let a JWT library do it "
        "(jsrsasign, jsonwebtoken, PyJWT).",
        source="Forum thread 98154; RFC 7515 §2 and RFC 4648 §5; facts §1, §3",
        steps=("payload_b64", "signing_input", "hmac_hex", "signature", "token", "returned"),
        lessons=(
            BugLesson(
                part="Encoding and format",
                place=1,
                look_at="The payload segment: `+`, `/` or `=` appear where base64url has `-`, `_` or nothing. "
                "Every step after it differs too, because the HMAC is computed over the wrong text.",
                reveal_sdk_key=REVEALING_SDK_KEY,
            ),
        ),
    ),
    Bug(
        id="standard_base64_signature",
        families=ALL_FAMILIES,
        title="Standard base64 for the signature",
        js_before="const signature = CryptoJS.enc.Base64.stringify(hash);",
        js_after="const signature = CryptoJS.enc.Base64url.stringify(hash); // crypto-js ≥ 4.2: no padding",
        py_before="signature = base64.b64encode(mac).decode()",
        py_after='signature = base64.urlsafe_b64encode(mac).rstrip(b"=").decode()',
        why="The third segment is base64url too. A 32-byte MAC in standard base64 always ends in '=' and "
        "usually has '+' or '/', so this one fails every time.",
        zoom_error=3712,
        zoom_error_source="signature-invalid",
        symptom="3712 Signature is invalid, on every attempt. The Web SDK does not look at the signature "
        "segment, so nothing shows in the browser before the server answers.",
        caught_by=ZOOM_SERVER,
        found_by=("standard_base64@signature",),
        mac_encoding=standard_base64_encode,
        jwt_only=True,
        fix="base64url-encode the MAC without '=' padding.",
        source="Forum thread 98154; RFC 7515 §2; facts §3",
        steps=("signature", "token", "returned"),
        lessons=(
            BugLesson(
                part="Encoding and format",
                place=2,
                look_at="Only the last segment differs: 44 characters ending in `=` instead of 43.",
            ),
        ),
    ),
    Bug(
        id="mac_only",
        families=ALL_FAMILIES,
        title="Returns the MAC instead of the token",
        js_before="return signature; // the HMAC alone",
        js_after='return encodedHeader + "." + encodedPayload + "." + signature;',
        py_before="return signature",
        py_after='return f"{header_b64}.{payload_b64}.{signature}"',
        why="join() wants the whole JWT header.payload.signature: the SDK reads appKey and role from the "
        "payload. A bare MAC has no payload to read.",
        zoom_error=None,
        symptom="Web SDK 6.2.0 fails in the browser: Component View's join() rejects with TypeError: Cannot read "
        "properties of undefined (reading 'replace'); Client View logs 'please check your signature and please "
        "add appKey' and returns without calling your error callback. Older SDKs sent it on and got 3712.",
        caught_by=BROWSER,
        found_by=("bare_signature",),
        returns_mac=True,
        jwt_only=True,
        fix="Return the assembled token, not its last segment.",
        source="Forum thread 98154; Web SDK 6.2.0 bundles; facts §3, §4",
        steps=("returned",),
        lessons=(
            BugLesson(
                part="Encoding and format",
                place=3,
                look_at="Everything matches until the last row: join() gets the signature segment alone.",
            ),
        ),
    ),
    Bug(
        id="meeting_number_claim",
        families=(MEETING_WEB,),
        claim_kinds=frozenset((MEETING_NUMBER,)),
        title="Claim meetingNumber instead of mn",
        js_before="const oPayload = { appKey: key, sdkKey: key, meetingNumber: meetingNumber, role, iat, exp };",
        js_after="const oPayload = { appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp };",
        py_before='payload = {"appKey": key, "sdkKey": key, "meetingNumber": mn, "role": role, "iat": iat, "exp": exp}',
        py_after='payload = {"appKey": key, "sdkKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp, '
        '"tokenExp": exp}',
        why="Zoom reads the meeting number from the claim `mn`; the join() parameter is called meetingNumber, "
        "which makes the wrong name easy to write. Zoom ignores unknown claims, so the token has no meeting number.",
        zoom_error=None,
        symptom="Rejected by Zoom's server when joining: the token has no `mn` to match the meeting you join. Which "
        "code Zoom answers for a missing `mn` is not documented (the forum thread with this mistake saw 3712, but "
        "it had other mistakes too).",
        caught_by=ZOOM_SERVER,
        found_by=("meeting_number_claim_name",),
        alter_payload=alterations.meeting_number_claim,
        jwt_only=True,
        fix="Name the claim `mn` and give it the same meeting number you pass to join().",
        source="Forum thread 98154; Zoom's auth endpoint sample src/index.js; facts §1, §3",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"mn", "meetingNumber"}),
        lessons=(
            BugLesson(
                part="Claims",
                place=1,
                look_at="The payload JSON: the claim is called meetingNumber instead of mn.",
            ),
        ),
    ),
    Bug(
        id="role_inverted",
        families=(MEETING_WEB,),
        claim_kinds=frozenset((ROLE,)),
        title="Role 0 and 1 swapped",
        js_before="generateSignature(key, secret, mn, 0); // Role (0 for a host, 1 for a participant)",
        js_after="generateSignature(key, secret, mn, 1); // role: 0 participant/attendee, 1 host",
        py_before="role = 0 if is_host else 1",
        py_after="role = 1 if is_host else 0",
        why="0 is participant/attendee and 1 is host. The forum's comment says the opposite, so a participant "
        "asks to be host and a host joins as a participant.",
        zoom_error=None,
        symptom="A participant signed as host (1) asks for host rights: in a meeting of the app's own account it may "
        "get them, and no source says which error Zoom gives otherwise (none maps a missing ZAK to 3708). A host "
        "signed as participant (0) joins without host powers and may wait for the host. Nothing reports an error.",
        caught_by=NOBODY_UNTIL_JOIN,
        found_by=("role_host_needs_zak", "role_participant_for_host"),
        alter_request=alterations.role_inverted,
        fix="Use 1 only for the host starting the meeting (with the host's ZAK for meetings outside the app's "
        "account), 0 for everyone else.",
        source="Forum thread 98154; Zoom's Meeting SDK auth docs; facts §1, §3, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"role"}),
        request_stage="role_value",
        lessons=(
            BugLesson(
                part="Claims",
                place=3,
                look_at="The role claim: 0 and 1 trade places.",
            ),
        ),
    ),
    Bug(
        id="role_string",
        families=(MEETING_WEB, VIDEO),
        claim_kinds=frozenset((ROLE,)),
        title="Role as text, not a number",
        js_before='const role = req.body.role; // "1" from a form or query string',
        js_after="const role = parseInt(req.body.role, 10); // 0 or 1 as a number",
        py_before='role = request.args["role"]  # "1"',
        py_after='role = int(request.args["role"])',
        why="Form fields and query strings are text. Zoom's Meeting SDK and Video SDK samples both parseInt the role "
        'before signing; a signer that does not puts "1" (a string) in the token: in `role` for the Meeting SDK, '
        "in `role_type` for the Video SDK, whose auth page says it must be a number.",
        zoom_error=None,
        symptom='The Web SDK itself reads "1" as host, so the browser goes on. Zoom\'s server is not documented to '
        "accept a string role, and which code it answers for one is not documented either. For a Video SDK token's "
        "`role_type` no platform's answer is documented.",
        caught_by=ZOOM_SERVER,
        found_by=("role_not_number", "role_type_not_number"),
        alter_request=alterations.role_string,
        fix="Convert the role to the number 0 or 1 and reject anything else, as the sample's validation does.",
        source="Zoom's auth endpoint samples (Meeting SDK, Video SDK) src/validations.js; Web SDK 6.2.0 bundles; "
        "the Video SDK auth page; facts §1, §4, Token families",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"role", "role_type"}),
        request_stage="role_type",
        lessons=(
            BugLesson(
                part="Claims",
                place=4,
                look_at='The role claim gains quotes: "1" is text, 1 is a number.',
            ),
            BugLesson(
                part=VIDEO_PART,
                place=3,
                look_at='The role_type claim gains quotes: "1" is text, 1 is a number, and the Video SDK wants a '
                "number.",
                family=VIDEO,
            ),
        ),
    ),
    Bug(
        id="no_token_exp",
        families=MEETING_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title="tokenExp left out",
        js_before="const oPayload = { appKey, sdkKey, mn, role, iat, exp };",
        js_after="const oPayload = { appKey, sdkKey, mn, role, iat, exp, tokenExp: exp };",
        py_before='payload = {..., "iat": iat, "exp": exp}',
        py_after='payload = {..., "iat": iat, "exp": exp, "tokenExp": exp}',
        why="Zoom's sample sets tokenExp equal to exp, and older guides list it; code copied from a generic JWT "
        "example leaves it out. Zoom's table calls it required for the native SDKs and optional for Web.",
        zoom_error=None,
        symptom="The Web SDK accepts a token without tokenExp (its own in-browser signer up to 3.11.2 left it out), "
        "so nothing fails on the web. Every native payload Zoom publishes has it, though no source shows a native "
        "SDK refusing a token without it. The Token doctor recommends adding it (a warning).",
        caught_by=NOBODY,
        found_by=("missing_token_exp",),
        alter_request=alterations.no_token_exp,
        jwt_only=True,
        fix="Add tokenExp equal to exp, as the official sample does.",
        source="Zoom's auth endpoint sample src/index.js; Zoom's Meeting SDK auth docs (claims table); Web SDK "
        "3.11.2 generateSDKSignature; facts §1",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"tokenExp"}),
        request_stage="claims",
        lessons=(
            BugLesson(
                part="Claims",
                place=5,
                look_at="The payload ends after exp: there is no tokenExp.",
            ),
            BugLesson(
                part="Claims",
                place=6,
                look_at="The native payload ends after exp: no tokenExp, which every native payload Zoom publishes "
                "carries.",
                family=MEETING_NATIVE,
            ),
        ),
    ),
    Bug(
        id="timestamps_milliseconds",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title="iat and exp in milliseconds",
        js_before="const iat = Date.now(); const exp = iat + 60 * 60 * 2;",
        js_after="const iat = Math.floor(Date.now() / 1000); const exp = iat + 60 * 60 * 2;",
        py_before="iat = int(time.time() * 1000); exp = iat + 7200",
        py_after="iat = int(time.time()); exp = iat + 7200",
        why="JWT times are seconds since 1970. Date.now() is milliseconds, so iat lands some 50,000 years "
        "ahead and the 2-hour lifetime added to it is really 7 seconds of milliseconds.",
        zoom_error=None,
        symptom="Rejected by Zoom's server: the token claims to be issued tens of thousands of years in the future. "
        "Which code Zoom answers for it is not documented. The browser does not check times.",
        caught_by=ZOOM_SERVER,
        found_by=("timestamp_milliseconds",),
        alter_request=alterations.timestamps_milliseconds,
        jwt_only=True,
        fix="Divide Date.now() by 1000 and round down; add lifetimes in seconds.",
        source="RFC 7519 §2 (NumericDate); facts §1, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"iat", "exp", "tokenExp"}),
        request_stage="time_unit",
        lessons=(
            BugLesson(
                part="Times",
                place=1,
                look_at="iat and exp get three more digits: they count milliseconds.",
            ),
        ),
    ),
    Bug(
        id="lifetime_too_short",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title=f"Lifetime under {MIN_LIFETIME_SECONDS} s",
        js_before="const exp = iat + 60 * 10; // ten minutes is plenty",
        js_after="const exp = iat + 60 * 60 * 2; // between 30 min and 48 h",
        py_before="exp = iat + 600",
        py_after="exp = iat + 7200",
        why=f"Zoom requires exp − iat ≥ {MIN_LIFETIME_SECONDS} s (30 minutes). Short-lived tokens feel safer but "
        "are refused outright.",
        zoom_error=None,
        symptom="Rejected by Zoom's server; which code it answers for an out-of-range lifetime is not documented. "
        "The official sample refuses such a request (HTTP 400) before signing.",
        caught_by=ZOOM_SERVER,
        found_by=("lifetime_too_short",),
        alter_request=alterations.lifetime_too_short,
        jwt_only=True,
        fix=f"Keep exp − iat between {MIN_LIFETIME_SECONDS} and {MAX_LIFETIME_SECONDS} s; the sample uses 7200.",
        source="Zoom's Meeting SDK auth docs; the sample's validations.js; facts §1, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"exp", "tokenExp"}),
        request_stage="lifetime",
        lessons=(
            BugLesson(
                part="Times",
                place=2,
                look_at=f"exp − iat drops below {MIN_LIFETIME_SECONDS} seconds.",
            ),
        ),
    ),
    Bug(
        id="lifetime_too_long",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title="Lifetime over 48 h",
        js_before="const exp = iat + 60 * 60 * 24 * 7; // a week, so we never re-sign",
        js_after="const exp = iat + 60 * 60 * 2; // sign a fresh token per join",
        py_before="exp = iat + 7 * 24 * 3600",
        py_after="exp = iat + 7200",
        why=f"Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 h) between iat and exp.",
        zoom_error=None,
        symptom="Rejected by Zoom's server; which code it answers for an out-of-range lifetime is not documented.",
        caught_by=ZOOM_SERVER,
        found_by=("lifetime_too_long",),
        alter_request=alterations.lifetime_too_long,
        jwt_only=True,
        fix="Sign a fresh token for each join with a lifetime of a few hours at most.",
        source="Zoom's Meeting SDK auth docs; the sample's validations.js; facts §1, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"exp", "tokenExp"}),
        request_stage="lifetime",
        lessons=(
            BugLesson(
                part="Times",
                place=3,
                look_at=f"exp − iat rises above {MAX_LIFETIME_SECONDS} seconds.",
            ),
        ),
    ),
    Bug(
        id="iat_in_future",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title="iat in the future (clock skew)",
        js_before="const iat = Math.floor(Date.now() / 1000); // on a server whose clock runs fast",
        js_after="const iat = Math.floor(Date.now() / 1000) - 30; // and keep the clock synced (NTP)",
        py_before="iat = int(time.time())  # clock ten minutes fast",
        py_after="iat = int(time.time()) - 30  # and run NTP",
        why="Zoom refuses a token issued after its own 'now'. A signing server whose clock runs ahead "
        "produces exactly that, intermittently, depending on the drift.",
        zoom_error=3712,
        zoom_error_source="iat-future",
        symptom="3712 Signature is invalid, although the token verifies with the right secret.",
        caught_by=ZOOM_SERVER,
        found_by=("iat_in_future",),
        alter_request=alterations.iat_in_future,
        fix="Sync the server clock; backdating iat by 30 s (as the sample did until 2023) absorbs small skew.",
        source="Zoom's auth endpoint sample history (iat = now − 30); facts §1, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"iat", "exp", "tokenExp"}),
        request_stage="clock",
        lessons=(
            BugLesson(
                part="Times",
                place=4,
                look_at="iat and exp are ten minutes later than the correct ones.",
            ),
        ),
    ),
    Bug(
        id="expired",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((EPOCH,)),
        title="Already expired (cached token)",
        js_before="if (!cached) cached = generateSignature(...); return cached; // reused for days",
        js_after="return generateSignature(...); // a fresh token for each join",
        py_before="@functools.cache\ndef signature_for(mn, role): ...",
        py_after="def signature_for(mn, role): ...  # sign on each request",
        why="A token stays valid only until exp. Caching it (or a page left open) hands join() a token whose "
        "exp has passed.",
        zoom_error=3705,
        zoom_error_source="exp-past",
        symptom="3705 The signature has expired. Works right after deployment, fails hours later.",
        caught_by=ZOOM_SERVER,
        found_by=("expired",),
        alter_request=alterations.expired,
        fix="Sign just before each join; never cache tokens beyond their exp.",
        source="Zoom error code list; facts §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"iat", "exp", "tokenExp"}),
        request_stage="cache",
        lessons=(
            BugLesson(
                part="Times",
                place=5,
                look_at="exp is before now: the token was signed for an earlier join.",
            ),
        ),
    ),
    Bug(
        id="meeting_number_spaces",
        families=(MEETING_WEB,),
        claim_kinds=frozenset((MEETING_NUMBER,)),
        title="Meeting number with spaces",
        js_before='const mn = "857 4606 5432"; // copied from the invitation',
        js_after='const mn = "857 4606 5432".replace(/\\D/g, "");',
        py_before='mn = "857 4606 5432"',
        py_after='mn = re.sub(r"\\D", "", "857 4606 5432")',
        why="Invitations show the meeting ID in groups; the token needs the bare digits, equal to the "
        "meetingNumber passed to join().",
        zoom_error=None,
        symptom="The token's mn is not the meeting number as digits. Zoom is not documented to accept it, and "
        "which code it answers is not documented (3706 The meeting number is wrong is its code for a token of "
        "another meeting).",
        caught_by=ZOOM_SERVER,
        found_by=("mn_not_digits",),
        alter_request=alterations.meeting_number_spaces,
        fix="Strip spaces and dashes; pass the same digits to the signer and to join().",
        source="Zoom error code list; facts §1, §5",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"mn"}),
        request_stage="meeting_number",
        lessons=(
            BugLesson(
                part="Claims",
                place=2,
                look_at="The mn claim keeps the spaces of the invitation.",
            ),
        ),
    ),
    Bug(
        id="secret_trailing_newline",
        families=ALL_FAMILIES,
        title="Secret with a trailing newline",
        js_before="const secret = fs.readFileSync('secret.txt', 'utf8'); // ends with \\n",
        js_after="const secret = fs.readFileSync('secret.txt', 'utf8').trim();",
        py_before='secret = open("secret.txt").read()',
        py_after='secret = open("secret.txt").read().strip()',
        why="The HMAC key is every byte of the secret. Editors and `echo` add a final newline to files and "
        "environment values; that byte makes a different key.",
        zoom_error=3712,
        zoom_error_source="signature-invalid",
        symptom="3712 Signature is invalid. The token looks perfect: only the signature segment differs.",
        caught_by=ZOOM_SERVER,
        found_by=("secret_whitespace",),
        alter_request=alterations.secret_trailing_newline,
        fix="Trim whitespace from the secret where you read it.",
        source="Zoom error code list (wrong secret); facts §5",
        steps=_FROM_HMAC,
        request_stage="secret_text",
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=1,
                look_at="Header and payload are identical; only the HMAC and everything after it differ.",
            ),
        ),
    ),
    Bug(
        id="secret_key_bytes",
        families=ALL_FAMILIES,
        title="Secret turned into other key bytes",
        js_before="const hash = crypto.createHmac('sha256', Buffer.from(secret, 'base64')); // it looks like base64",
        js_after="const hash = crypto.createHmac('sha256', secret); // the secret's own text",
        py_before="key = base64.b64decode(secret)",
        py_after='key = secret.encode("utf-8")',
        why="Zoom keys the HMAC with the secret's text. Code that decodes it (base64, hex) or writes it in another "
        "encoding (UTF-16, a byte-order mark, Latin-1, ASCII with '?') signs with other bytes: Node's "
        "Buffer.from(secret, 'base64'), jjwt 0.9's signWith(alg, String), .NET's Encoding.Unicode, jsrsasign with "
        "an all-hex secret, a secret file written by Windows PowerShell 5.1's Out-File (UTF-16 with a byte-order "
        "mark).",
        zoom_error=3712,
        zoom_error_source="signature-invalid",
        symptom="3712 Signature is invalid. The token looks perfect and verifies in the same library: only the "
        "signature segment differs from Zoom's.",
        caught_by=ZOOM_SERVER,
        found_by=KEY_BYTES_CODES,
        fix="Use the secret's UTF-8 bytes as the HMAC key: `crypto.createHmac('sha256', secret)`, "
        "`signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8)), SignatureAlgorithm.HS256)` in jjwt 0.10/0.11 "
        "(`Jwts.SIG.HS256` in 0.12), `Encoding.UTF8.GetBytes(secret)` in .NET, "
        "`{utf8: secret}` in jsrsasign.",
        source="jjwt 0.9 JwtBuilder.signWith; Node Buffer docs; .NET Encoding docs; jsrsasign KJUR.crypto.Mac; "
        "facts §2",
        steps=_FROM_HMAC,
        secret_to_key=node_base64_decode,
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=2,
                look_at="Header and payload are identical; the HMAC differs because its key is the base64-decoded "
                "secret.",
            ),
        ),
    ),
    Bug(
        id="key_secret_swapped",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((KEY,)),
        title="Key and secret swapped",
        js_before="generateSignature(process.env.ZOOM_SECRET, process.env.ZOOM_KEY, mn, role);",
        js_after="generateSignature(process.env.ZOOM_KEY, process.env.ZOOM_SECRET, mn, role);",
        py_before="sign(key=os.environ['ZOOM_SECRET'], secret=os.environ['ZOOM_KEY'], ...)",
        py_after="sign(key=os.environ['ZOOM_KEY'], secret=os.environ['ZOOM_SECRET'], ...)",
        why="Client ID and Client Secret sit next to each other in the Marketplace. Swapped, the token signs "
        "with the public ID and carries the secret in its readable payload.",
        zoom_error=None,
        symptom="Zoom refuses it; which code it answers is not documented. The HMAC is keyed with the Client ID (a "
        "signature Zoom cannot verify: 3712 Signature is invalid) while appKey holds the secret (3704 The accounts "
        "API Key is not valid is as likely), and no source says which Zoom checks first. And the secret is now "
        "readable by anyone who sees the token: rotate it.",
        caught_by=ZOOM_SERVER,
        found_by=("app_key_is_secret", "signed_with_key"),
        alter_request=alterations.key_secret_swapped,
        fix="appKey is the Client ID; the HMAC key is the Client Secret. Then regenerate the leaked secret.",
        source="Zoom error code list (key and secret swapped); facts §5 (which mistake gets which code)",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"appKey", "sdkKey", "app_key"}),
        request_stage="key_and_secret",
        demo_credentials=True,
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=3,
                look_at="appKey now holds the secret, readable by anyone (this demo uses the public demo credentials).",
            ),
        ),
    ),
    Bug(
        id="wrong_app_type",
        families=ALL_FAMILIES,
        claim_kinds=frozenset((KEY,)),
        title="Credentials of the wrong app type",
        js_before="// Client ID/Secret of a Server-to-Server OAuth app",
        js_after="// Client ID/Secret of a General app with Embed → Meeting SDK switched on",
        py_before="key, secret = S2S_CLIENT_ID, S2S_CLIENT_SECRET",
        py_after="key, secret = MEETING_SDK_CLIENT_ID, MEETING_SDK_CLIENT_SECRET",
        why="Only the credentials of an app with the Meeting SDK switched on sign SDK tokens: a General (OAuth) "
        "app with Embed → Meeting SDK on, whose Client ID and Secret are the Meeting SDK credentials (or a "
        "Meeting SDK app made before 2023-02-11). A Server-to-Server OAuth app's Client ID and Secret look the same "
        "but Zoom does not accept them here.",
        zoom_error=3712,
        zoom_error_source="wrong-app-type",
        symptom="3712 Signature is invalid.",
        caught_by=ZOOM_SERVER,
        found_by=("app_key_mismatch", "wrong_token_kind"),
        alter_request=alterations.wrong_app_type,
        fix="Create or open a General app, enable Features → Embed → Meeting SDK, use its Client ID and Secret.",
        source="Forum thread 98154 ('My credentials are Server-To-Server OAuth'); Zoom's get-credentials docs; "
        "facts §1",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"appKey", "sdkKey", "app_key"}),
        request_stage="app",
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=4,
                look_at="appKey is a Server-to-Server OAuth Client ID, and the HMAC key is its secret.",
            ),
        ),
    ),
    Bug(
        id="legacy_format",
        families=(MEETING_WEB,),
        title="Legacy pre-2022 signature format",
        js_before="const msg = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64');\n"
        "const hash = crypto.createHmac('sha256', apiSecret).update(msg).digest('base64');\n"
        "return Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64');",
        js_after="return KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), secret);",
        py_before='msg = base64.b64encode(f"{key}{mn}{ts}{role}".encode())\n'
        "hash = base64.b64encode(hmac.new(secret.encode(), msg, hashlib.sha256).digest()).decode()\n"
        'return base64.b64encode(f"{key}.{mn}.{ts}.{role}.{hash}".encode()).decode()',
        py_after='return jwt.encode(payload, secret, algorithm="HS256")',
        why="Until 2022 the Web SDK took base64('key.mn.timestamp.role.hash') signed with the JWT app's API "
        "secret. Current SDKs take only the HS256 JWT; old tutorials still show the former.",
        zoom_error=None,
        symptom="Web SDK 6.2.0 finds no '.'-separated payload and fails in the browser exactly like a MAC-only "
        "signature; older SDKs passed it to Zoom, which answers 3712 Signature is invalid.",
        caught_by=BROWSER,
        found_by=("legacy_signature_format",),
        signer=legacy_signature,
        fix="Sign the HS256 JWT of Zoom's current auth endpoint sample.",
        source="Zoom's 2020 'Generate Signature' docs (Node example); facts §3, §5",
        steps=STEPS,
        lessons=(
            BugLesson(
                part="Encoding and format",
                place=4,
                look_at="Nothing lines up: there is no header at all and the payload is a dotted string, not JSON.",
            ),
        ),
    ),
    Bug(
        id="argument_shift",
        families=(MEETING_WEB,),
        claim_kinds=frozenset(
            (
                KEY,
                MEETING_NUMBER,
                ROLE,
            )
        ),
        title="generateSignature(mn, role) called with two arguments",
        js_before="const signature = generateSignature(mn, 1); // function generateSignature(key, secret, mn, role)",
        js_after="const signature = await fetch('/signature', {method: 'POST', body: JSON.stringify({mn, role})});",
        py_before="signature = generate_signature(mn, 1)  # def generate_signature(key, secret, mn, role)",
        py_after="signature = generate_signature(SDK_KEY, SDK_SECRET, mn, 1)  # on the server",
        why="JavaScript fills parameters by position and does not complain about missing ones: the meeting "
        "number becomes the key, the role becomes the secret, and meetingNumber and role are undefined.",
        zoom_error=None,
        symptom="With a numeric role crypto-js throws TypeError: key.clamp is not a function and nothing is "
        'signed. With string arguments it signs {appKey: mn, sdkKey: mn, iat, exp} with the key "1", '
        "which Zoom refuses; which code it answers is not documented.",
        caught_by=BROWSER,
        found_by=("app_key_is_meeting_number", "signed_with_shifted_arguments"),
        alter_request=alterations.argument_shift,
        throws_at=("CryptoJS.HmacSHA256", "crypto.createHmac"),
        fix="Pass all four arguments — better, fetch the signature from your server, which holds key and secret.",
        source="Forum thread 98154; crypto-js 4.2.0 hmac.js; facts §3",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"appKey", "sdkKey", "mn", "role"}),
        request_stage="call",
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=5,
                look_at="appKey holds the meeting number, mn and role are gone, and with a numeric role crypto-js "
                "throws before anything is signed.",
            ),
        ),
    ),
    Bug(
        id="secret_in_browser",
        families=ALL_FAMILIES,
        title="The secret shipped to the browser",
        js_before='const secret = getCookie("secretCookie"); // or bundled into the page\'s JavaScript',
        js_after="const { signature } = await (await fetch('/signature', {method: 'POST', ...})).json();",
        py_before='st.iframe(f"<script>sign({secret!r})</script>")  # the secret is now in the page',
        py_after="token = sign_on_server(request)  # only the token goes to the browser",
        why="Anything the browser has, its user has. With the secret, anyone can sign host tokens for your app "
        "for any meeting it may join. Zoom removed in-browser signing from the SDK (3.12.0) for this reason.",
        zoom_error=None,
        symptom="None: the tokens are valid, which is why it goes unnoticed until the secret is abused.",
        caught_by=NOBODY,
        undetectable="The tokens are valid: nothing in a token shows where it was signed. Look at the code, "
        "where the secret is read.",
        fix="Sign on your server (Zoom's auth endpoint sample) and send only the token; regenerate an exposed secret.",
        source="Forum thread 98154 (secret read from a cookie); Web SDK 3.12.0 changelog; facts §1, §3",
        steps=(),
        lessons=(
            BugLesson(
                part="Credentials and where to sign",
                place=6,
                look_at="Nothing differs: the token is valid. The damage is that the secret left the server.",
            ),
        ),
    ),
    Bug(
        id="tpc_not_session_name",
        families=(VIDEO,),
        claim_kinds=frozenset((TEXT,)),
        title="tpc is not the session name joined",
        js_before="const tpc = encodeURIComponent(req.body.sessionName); // the page joins with the name as typed",
        js_after="const tpc = req.body.sessionName; // exactly the topic passed to client.join()",
        py_before='tpc = urllib.parse.quote(request.json["sessionName"])',
        py_after='tpc = request.json["sessionName"]',
        why="The Video SDK joins the session named in the token's tpc, and only when join() is given the same name "
        "(Zoom compares them ignoring case). A signer that encodes, trims, prefixes or picks the name from another "
        "field signs a session nobody joins: here a space became %20.",
        zoom_error=None,
        symptom="The join fails. The native Video SDK reports 1507 `Errors_JoinSession_Token_MismatchedSessionName`; "
        "what the Web Video SDK answers for it is not documented. Names without spaces or other encoded characters "
        "work, so it looks random.",
        caught_by=ZOOM_SERVER,
        found_by=("tpc_mismatch",),
        alter_request=alterations.tpc_not_session_name,
        fix="Sign tpc with exactly the session name passed to join(): one variable for both, never re-encoded.",
        source="Zoom's Video SDK auth page (tpc must match the session join context); ZoomVideoSDKConstants.h; "
        "facts, Token families: the Video SDK",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"tpc"}),
        request_stage="session_name",
        lessons=(
            BugLesson(
                part=VIDEO_PART,
                place=2,
                look_at="The tpc claim: the session name's space is now %20, so it names another session.",
                family=VIDEO,
            ),
        ),
    ),
    Bug(
        id="user_key_too_long",
        families=(VIDEO,),
        claim_kinds=frozenset((TEXT,)),
        title="User key over 36 characters",
        js_before="const payload = { ..., user_key: user.email }; // 40 characters",
        js_after="const payload = { ..., user_key: user.id }; // at most 36 characters, e.g. a UUID",
        py_before='payload["user_key"] = user.email',
        py_after='payload["user_key"] = str(user.id)  # at most 36 characters',
        why=f"`user_key` (formerly `user_identity`) is at most {CLAIMS['user_key'].max_length} characters: a UUID "
        "fits, an e-mail address often does not. Zoom's Video SDK sample refuses longer ones before signing.",
        zoom_error=None,
        symptom="The join fails. The native Video SDK reports 1510 `Errors_JoinSession_Token_UserIdentity_TooLong`; "
        "what the Web Video SDK answers for it is not documented.",
        caught_by=ZOOM_SERVER,
        found_by=("user_key_too_long",),
        alter_request=alterations.user_key_too_long,
        fix="Use an identifier of at most 36 characters (a UUID, a database id), or a hash of a longer one.",
        source="Zoom's Video SDK auth page (`user_key`, max 36); the Video SDK sample's validations.js; "
        "ZoomVideoSDKConstants.h; facts, Token families: the Video SDK",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"user_key"}),
        request_stage="user_key",
        lessons=(
            BugLesson(
                part=VIDEO_PART,
                place=4,
                look_at="The user_key claim: an e-mail address of 40 characters where at most 36 fit.",
                family=VIDEO,
            ),
        ),
    ),
    Bug(
        id="meeting_claims_in_video_token",
        families=(VIDEO,),
        claim_kinds=frozenset((KEY, ROLE, TEXT, VERSION, EPOCH)),
        title="A Meeting SDK token for the Video SDK",
        js_before="const oPayload = { appKey: sdkKey, sdkKey, iat, exp, tokenExp: exp }; // the Meeting SDK sample's",
        js_after="const oPayload = { app_key: sdkKey, role_type: role, tpc: sessionName, version: 1, iat, exp };",
        py_before='payload = {"appKey": key, "sdkKey": key, "iat": iat, "exp": exp, "tokenExp": exp}',
        py_after='payload = {"app_key": key, "role_type": role, "tpc": session_name, "version": 1, "iat": iat, '
        '"exp": exp}',
        why="Both SDKs sign an HS256 JWT, so a Meeting SDK signer (or Zoom's Meeting SDK auth sample, which signs a "
        "native Meeting SDK token when the request has no meetingNumber and role) looks right. But the Video SDK "
        "reads `app_key`, `role_type` and `tpc`: this token has none of them.",
        zoom_error=None,
        symptom="The join fails; which code the Video SDK answers for a Meeting SDK token is not documented. Without "
        "being told the SDK, the Token doctor sees a valid native Meeting SDK token: say it joins the Video SDK.",
        caught_by=ZOOM_SERVER,
        found_by=("wrong_token_kind",),
        alter_request=alterations.meeting_claims_in_video_token,
        fix="Sign the Video SDK's claims (Zoom's videosdk-auth-endpoint-sample), with the Video SDK app's key and "
        "secret.",
        source="Zoom's Video SDK auth page; zoom/videosdk-auth-endpoint-sample and meetingsdk-auth-endpoint-sample "
        "src/index.js; facts, Token families",
        steps=_FROM_PAYLOAD,
        claims=frozenset(
            {"app_key", "role_type", "tpc", "version", "user_key", "session_key", "appKey", "sdkKey", "tokenExp"}
        ),
        request_stage="family",
        lessons=(
            BugLesson(
                part=VIDEO_PART,
                place=5,
                look_at="The payload: appKey, sdkKey and tokenExp where app_key, role_type, tpc and version belong.",
                family=VIDEO,
            ),
        ),
    ),
    Bug(
        id="video_claims_in_meeting_token",
        families=MEETING_FAMILIES,
        claim_kinds=frozenset((KEY, MEETING_NUMBER, ROLE, TEXT, VERSION, EPOCH)),
        title="A Video SDK token for the Meeting SDK",
        js_before="const oPayload = { app_key: sdkKey, role_type: role, tpc: meetingNumber, version: 1, iat, exp };",
        js_after="const oPayload = { appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp };",
        py_before='payload = {"app_key": key, "role_type": role, "tpc": str(mn), "version": 1, "iat": iat, "exp": exp}',
        py_after='payload = {"appKey": key, "sdkKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp, '
        '"tokenExp": exp}',
        why="The Video SDK sample's signer, with the meeting number as its topic, makes a valid Video SDK token, not "
        "a Meeting SDK one: the Meeting SDK reads appKey, mn and role, and this token has none of them. The Video SDK "
        "cannot join Zoom meetings at all.",
        zoom_error=None,
        symptom="Web SDK 6.2.0 stops in the browser: 'appKey can not empty in the signature' (it reads appKey). "
        "What the native Meeting SDKs report is their one result for a bad JWT; which mistake gives it is not "
        "documented.",
        caught_by=BROWSER,
        found_by=("wrong_token_kind",),
        alter_request=alterations.video_claims_in_meeting_token,
        fix="Sign the Meeting SDK's claims (Zoom's meetingsdk-auth-endpoint-sample) with a Meeting SDK app's "
        "Client ID and Secret.",
        source="Zoom's Video SDK auth page (the Video SDK cannot join meetings); Web SDK 6.2.0 bundles; facts, "
        "Token families",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"appKey", "sdkKey", "mn", "role", "tokenExp", "app_key", "role_type", "tpc", "version"}),
        request_stage="family",
        lessons=(
            BugLesson(
                part=VIDEO_PART,
                place=6,
                look_at="The payload: app_key, role_type, tpc and version where appKey, mn and role belong.",
            ),
        ),
    ),
    Bug(
        id="token_exp_minimum",
        families=(MEETING_NATIVE,),
        claim_kinds=frozenset((EPOCH,)),
        title="tokenExp at its 1800 s minimum, in a token made ahead",
        js_before="// signed once while developing, pasted into the app\n"
        "const oPayload = { appKey: sdkKey, sdkKey, iat, exp: iat + 86400, tokenExp: iat + 1800 };",
        js_after="// signed by your server each time the app initialises the SDK\n"
        "const oPayload = { appKey: sdkKey, sdkKey, iat, exp, tokenExp: exp };",
        py_before='payload = {"appKey": key, "sdkKey": key, "iat": iat, "exp": iat + 86400, "tokenExp": iat + 1800}',
        py_after='payload = {"appKey": key, "sdkKey": key, "iat": iat, "exp": exp, "tokenExp": exp}',
        why="Zoom's native auth page sets tokenExp's minimum at 1800 s after iat, so native signers write exactly "
        "that and keep exp long. But the native SDK authenticates when the app initialises it, and tokenExp must "
        "then still be ahead: an Android developer found it has to be some 1800 s ahead of that moment, not only of "
        "iat. A token made ahead of its use (pasted into the app while developing, or cached) carries a tokenExp "
        "that has passed, while exp is still a day away.",
        zoom_error=None,
        symptom="The native SDK's authentication fails when the app initialises it, though exp is still ahead: "
        "Android's onZoomSDKInitializeResult gave errorCode 1 in the forum's case; each native SDK reports its one "
        "result for a bad JWT. The same token worked right after it was signed, so it looks random.",
        caught_by=ZOOM_SERVER,
        found_by=("token_exp_too_short",),
        alter_request=alterations.token_exp_minimum,
        jwt_only=True,
        fix="Set tokenExp equal to exp, as Zoom's sample does, and have your server sign a fresh token each time "
        "the app initialises the SDK; never build a token into the app.",
        source="Zoom developer forum thread 65869 (Android Meeting SDK, tokenExp = iat + 1800 in a JWT pasted into "
        "the app: errorCode 1); Zoom's native auth page (tokenExp at least 1800 s after iat); Zoom's auth endpoint "
        "sample src/index.js (tokenExp = exp); facts, the Meeting SDK for native apps",
        steps=_FROM_PAYLOAD,
        claims=frozenset({"iat", "exp", "tokenExp"}),
        request_stage="cache",
        lessons=(
            BugLesson(
                part="Times",
                place=6,
                look_at="iat is two hours before now, tokenExp only 1800 s after iat (already past) while exp is a "
                "day after iat.",
                family=MEETING_NATIVE,
            ),
        ),
    ),
)

BUGS: dict[str, Bug] = {bug.id: bug for bug in _CATALOGUE}

# The one map from the Token doctor's finding codes to the mistakes they detect: (code, step) for a
# code that names another mistake at that step, (code, None) otherwise. A code several mistakes name (wrong_token_kind:
# another app type's token, or the other SDK's) names the first of them in the catalogue.
FINDING_BUGS: dict[tuple[str, str | None], str] = {
    (code, step or None): bug.id
    for bug in reversed(_CATALOGUE)  # the first entry naming a code writes it last
    for code, _, step in (entry.partition("@") for entry in bug.found_by)
}


def bug_for_finding(code: str, step: str) -> str | None:
    """The catalogue id of the mistake a finding names, or None if it names none."""
    return FINDING_BUGS.get((code, step)) or FINDING_BUGS.get((code, None))


def platform_failures(bug: Bug, family: str) -> tuple[PlatformError, ...]:
    """What each platform of this family reports for the mistake, only where the fact base has a source: the family's
    table (lib.zoom.families) read through the codes that find the mistake, a signature Zoom cannot verify being the
    family's signature_mismatch. Empty: not documented (the Meeting SDK for web has its Zoom codes: zoom_error)."""
    codes = [entry.partition("@")[0] for entry in bug.found_by]
    if bug.zoom_error_source == "signature-invalid":
        codes.append("signature_mismatch")
    errors = FAMILIES[family].errors
    return tuple(dict.fromkeys(error for code in codes for error in errors.get(code, ())))


def other_sdk_mistake(joined: str) -> str | None:
    """The mistake of signing the other SDK's claims, for a token given to this family's SDK (wrong_token_kind when
    the SDK is stated: the code alone names another app type's token)."""
    return next((bug.id for bug in _CATALOGUE if bug.request_stage == "family" and joined in bug.families), None)


def symptom_for(bug: Bug, family: str) -> str:
    """What the user sees when this family's SDK gets the mistake: the entry's own words for the family it is written
    for, else the family's answers where the fact base has a source, and "not documented" where it has none."""
    if family == bug.families[0] or bug.caught_by not in (BROWSER, ZOOM_SERVER):
        return bug.symptom
    record = FAMILIES[family]
    if record.refused_as.startswith("its "):
        return f"The {record.title} refuses it, with {record.refused_as}."
    failures = platform_failures(bug, family)
    if not failures:
        return f"The {record.title} refuses it; what it reports is not documented."
    return f"The {record.title} refuses it: " + "; ".join(f"{e.platform} {e.code} `{e.name}`" for e in failures) + "."


# Switches that contradict each other: the buggy signer refuses them together.
EXCLUSIVE = (frozenset({"lifetime_too_short", "lifetime_too_long"}),)


def thrown_by(failed_at: str | None) -> str | None:
    """The catalogue id of the mistake that makes this JavaScript call throw."""
    return next((bug.id for bug in BUGS.values() if failed_at in bug.throws_at), None)
