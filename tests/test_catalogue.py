"""The bug catalogue: its contract, and that each switch changes exactly the steps and claims it says."""

import base64
import hashlib
import hmac
import json
import re
from dataclasses import replace

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES
from lib.javascript.forum import JsError, forum_call, forum_signature
from lib.javascript.legacy import node_hmac_key, node_utf8
from lib.mistakes.alterations import (
    CLOCK_AHEAD_SECONDS,
    EMAIL_USER_KEY,
    TOO_LONG_LIFETIME_SECONDS,
    TOO_SHORT_LIFETIME_SECONDS,
)
from lib.mistakes.buggy_signer import (
    FORUM_BUGS,
    FORUM_CALL_BUGS,
    PRESETS,
    REQUEST_ORDER,
    BugSelectionError,
    check_bug_ids,
    sign_with_bugs,
)
from lib.mistakes.catalogue import (
    BROWSER,
    BUGS,
    EXCLUSIVE,
    FINDING_BUGS,
    NOBODY,
    NOBODY_UNTIL_JOIN,
    REQUEST_STAGES,
    ZOOM_SERVER,
    other_sdk_mistake,
)
from lib.signing.steps import STEPS, SignatureRequest, build_signature_steps
from lib.zoom.facts import DEMO_S2S_CLIENT_ID, DEMO_S2S_CLIENT_SECRET, ZOOM_ERRORS
from lib.zoom.families import ALL_FAMILIES, CLAIMS, FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO
from lib.zoom.rules import RULES
from support.cli import run_cli
from support.paths import ROOT

CONTRACT_IDS = [
    "standard_base64_segments",
    "standard_base64_signature",
    "mac_only",
    "meeting_number_claim",
    "role_inverted",
    "role_string",
    "no_token_exp",
    "timestamps_milliseconds",
    "lifetime_too_short",
    "lifetime_too_long",
    "iat_in_future",
    "expired",
    "meeting_number_spaces",
    "secret_trailing_newline",
    "secret_key_bytes",
    "key_secret_swapped",
    "wrong_app_type",
    "legacy_format",
    "argument_shift",
    "secret_in_browser",
    "tpc_not_session_name",
    "user_key_too_long",
    "meeting_claims_in_video_token",
    "video_claims_in_meeting_token",
    "token_exp_minimum",
]
ALL = (MEETING_WEB, MEETING_NATIVE, VIDEO)
WEB_ONLY = (MEETING_WEB,)
# The token families whose signers make each mistake (the first: where its demo and lesson sign).
FAMILIES_OF = {
    "standard_base64_segments": ALL,
    "standard_base64_signature": ALL,
    "mac_only": ALL,
    "meeting_number_claim": WEB_ONLY,
    "role_inverted": WEB_ONLY,
    "role_string": (MEETING_WEB, VIDEO),
    "no_token_exp": (MEETING_WEB, MEETING_NATIVE),
    "timestamps_milliseconds": ALL,
    "lifetime_too_short": ALL,
    "lifetime_too_long": ALL,
    "iat_in_future": ALL,
    "expired": ALL,
    "meeting_number_spaces": WEB_ONLY,
    "secret_trailing_newline": ALL,
    "secret_key_bytes": ALL,
    "key_secret_swapped": ALL,
    "wrong_app_type": ALL,
    "legacy_format": WEB_ONLY,
    "argument_shift": WEB_ONLY,
    "secret_in_browser": ALL,
    "tpc_not_session_name": (VIDEO,),
    "user_key_too_long": (VIDEO,),
    "meeting_claims_in_video_token": (VIDEO,),
    "video_claims_in_meeting_token": (MEETING_WEB, MEETING_NATIVE),
    "token_exp_minimum": (MEETING_NATIVE,),
}
TEXT_FIELDS = ("id", "title", "js_before", "js_after", "py_before", "py_after", "why", "symptom", "fix", "source")
SECRET = "bugs-test-secret-0123456789-abcdefghij"
# A key whose payload needs '+', '/' and '=' in standard base64, so the encoding bugs show.
KEY = "abcDEF123ghiJKL456mnoP~?~?~?"
IAT = 1_700_000_000
REQUEST = SignatureRequest(KEY, SECRET, 85746065432, 0, IAT, IAT + 7200)
CORRECT = build_signature_steps(REQUEST)
SESSION_NAME = "Team Standup"
# What each family's signer is asked to sign: a native token has no meeting number and no role.
REQUESTS = {
    MEETING_WEB: REQUEST,
    MEETING_NATIVE: SignatureRequest(KEY, SECRET, iat=IAT, exp=IAT + 7200, family=MEETING_NATIVE),
    VIDEO: SignatureRequest(
        KEY,
        SECRET,
        role=1,
        iat=IAT,
        exp=IAT + 7200,
        family=VIDEO,
        session_name=SESSION_NAME,
        user_key="user-1001",
        session_key="session-2002",
    ),
}
SDK_OF = {MEETING_WEB: "web", MEETING_NATIVE: "native", VIDEO: "video"}


def differing_steps(buggy, correct=CORRECT):
    return tuple(step for step in STEPS if getattr(buggy, step) != getattr(correct, step))


def claims(steps):
    return json.loads(steps.payload_json)


def differing_claims(buggy):
    before, after = claims(CORRECT), claims(buggy)
    return {name for name in before.keys() | after.keys() if before.get(name, "∅") != after.get(name, "∅")}


def test_catalogue_has_exactly_the_agreed_ids_in_order():
    assert list(BUGS) == CONTRACT_IDS
    assert all(BUGS[i].id == i for i in BUGS)


@pytest.mark.parametrize("bug", BUGS.values(), ids=lambda bug: bug.id)
def test_every_entry_is_complete(bug):
    for name in TEXT_FIELDS:
        assert isinstance(getattr(bug, name), str) and getattr(bug, name).strip(), name
    assert bug.zoom_error is None or bug.zoom_error in ZOOM_ERRORS
    assert bug.caught_by in (BROWSER, ZOOM_SERVER, NOBODY_UNTIL_JOIN, NOBODY)
    assert set(bug.steps) <= set(STEPS) and list(bug.steps) == sorted(bug.steps, key=STEPS.index)
    assert set(bug.as_dict()) >= set(TEXT_FIELDS) | {"zoom_error", "caught_by", "families", "claim_kinds"}


def kind_of(name):
    """A claim's kind, a misnamed one's (meetingNumber) that of the claim it stands for."""
    aliases = {alias: claim for family in FAMILIES.values() for alias, claim in family.aliases.items()}
    return CLAIMS[aliases.get(name, name)].kind


@pytest.mark.parametrize("bug", BUGS.values(), ids=lambda bug: bug.id)
def test_every_entry_names_its_families_and_the_kinds_of_claims_it_changes(bug):
    """The metadata every entry carries: the families whose signers make it (the agreed ones, each once, the first
    where it is taught), the claims it changes in each of them by name and the kinds of those claims."""
    assert bug.families == FAMILIES_OF[bug.id]
    assert len(set(bug.families)) == len(bug.families) and set(bug.families) <= set(ALL_FAMILIES)
    assert bug.claim_kinds == {kind_of(name) for name in bug.claims}
    assert all(lesson.family in bug.families for lesson in bug.lessons)
    assert bug.lessons and bug.lessons[0].family == bug.families[0]


def test_titles_are_unique():
    assert len({bug.title for bug in BUGS.values()}) == len(BUGS)


def test_prose_is_safe_markdown():
    """The page renders this prose as Markdown: outside `code spans` nothing may turn into formatting."""
    from lib.javascript.forum import FORUM_SNIPPET

    texts = [getattr(b, f) for b in BUGS.values() for f in ("title", "why", "symptom", "fix", "source")]
    texts += [t for line in FORUM_SNIPPET for t in (line.does, line.wrong) if t]
    for text in texts:
        assert not re.findall(r"[_*$<>#~|\\]", re.sub(r"`[^`]*`", "", text)), text


def request_showing(bug_id, family=None):
    """Inputs on which this bug must show, in one of its families (its first unless told); argument_shift with a
    string role so that it signs."""
    if bug_id == "argument_shift":
        return SignatureRequest(KEY, SECRET, "85746065432", "1", IAT, IAT + 7200)
    return REQUESTS[family or BUGS[bug_id].families[0]]


# the catalogue's own families: a family added by mistake is tried too (FAMILIES_OF pins them)
FAMILY_CASES = [(bug_id, family) for bug_id in CONTRACT_IDS for family in BUGS[bug_id].families]


@pytest.mark.parametrize(("bug_id", "family"), FAMILY_CASES)
def test_each_bug_alone_differs_exactly_where_it_says(bug_id, family):
    """In every family it applies to: the steps it names differ, and the claims it changes are its claims of that
    family (role_string: role in a Meeting SDK token, role_type in a Video SDK one)."""
    request = request_showing(bug_id, family)
    correct = build_signature_steps(request)
    buggy = sign_with_bugs(request, [bug_id])
    assert buggy.error is None and buggy.notes == ()
    assert differing_steps(buggy, correct) == BUGS[bug_id].steps
    if "payload_json" in BUGS[bug_id].steps and bug_id != "legacy_format":
        before, after = json.loads(correct.payload_json), json.loads(buggy.payload_json)
        changed = {n for n in before.keys() | after.keys() if before.get(n, "∅") != after.get(n, "∅")}
        present = before.keys() | after.keys()
        assert BUGS[bug_id].claims & FAMILIES[family].known & present <= changed <= BUGS[bug_id].claims
        assert {kind_of(name) for name in changed} <= BUGS[bug_id].claim_kinds


def test_header_never_differs_and_standard_base64_segments_is_intermittent():
    clean = SignatureRequest("abcDEF123ghiJKL456mnoPx", SECRET, 85746065432, 0, IAT, IAT + 7200)
    buggy = sign_with_bugs(clean, ["standard_base64_segments"])
    correct = build_signature_steps(clean)
    assert not set("+/=") & set(base64.b64encode(correct.payload_json.encode()).decode())
    assert differing_steps(buggy, correct) == ()


def test_argument_shift_with_a_numeric_role_throws_in_crypto_js():
    buggy = sign_with_bugs(REQUEST, ["argument_shift"])
    assert buggy.error.as_dict() == {"name": "TypeError", "message": "key.clamp is not a function"}
    assert buggy.failed_at == "CryptoJS.HmacSHA256"
    assert claims(buggy) == {
        "appKey": 85746065432,
        "sdkKey": 85746065432,
        "iat": IAT,
        "exp": IAT + 7200,
        "tokenExp": IAT + 7200,
    }
    assert (buggy.hmac_hex, buggy.signature, buggy.token, buggy.returned) == (None, None, None, None)


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")  # the key "1" is the point
def test_argument_shift_with_strings_signs_with_the_role_as_key():
    buggy = sign_with_bugs(request_showing("argument_shift"), ["argument_shift"])
    assert jwt.decode(buggy.token, "1", algorithms=["HS256"], options={"verify_exp": False})["appKey"] == "85746065432"


def test_value_bugs_do_what_their_titles_say():
    def payload(*ids):
        return claims(sign_with_bugs(REQUEST, ids))

    assert payload("role_inverted")["role"] == 1
    assert payload("role_string")["role"] == "0"
    assert payload("role_inverted", "role_string")["role"] == "1"
    ms = payload("timestamps_milliseconds")
    assert ms["iat"] == IAT * 1000 and ms["exp"] - ms["iat"] == 7200
    assert payload("lifetime_too_short")["exp"] - IAT == TOO_SHORT_LIFETIME_SECONDS < 1800
    assert payload("lifetime_too_long")["exp"] - IAT == TOO_LONG_LIFETIME_SECONDS > 172800
    assert payload("iat_in_future")["iat"] == IAT + CLOCK_AHEAD_SECONDS
    expired = payload("expired")
    assert expired["exp"] < IAT and expired["exp"] - expired["iat"] == 7200 and expired["tokenExp"] == expired["exp"]
    assert payload("meeting_number_spaces")["mn"] == "857 4606 5432"
    assert payload("key_secret_swapped")["appKey"] == SECRET
    assert payload("wrong_app_type")["appKey"] == DEMO_S2S_CLIENT_ID
    assert "meetingNumber" in payload("meeting_number_claim") and "mn" not in payload("meeting_number_claim")


# Swapped, the HMAC key is the (short) Client ID: that is the bug.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_secret_bugs_change_the_hmac_key_as_described():
    def verifies(bug_id, key):
        return jwt.decode(
            sign_with_bugs(REQUEST, [bug_id]).token, key, algorithms=["HS256"], options={"verify_exp": False}
        )

    assert verifies("secret_trailing_newline", SECRET + "\n")
    assert verifies("key_secret_swapped", KEY)
    assert verifies("wrong_app_type", DEMO_S2S_CLIENT_SECRET)


def test_encoding_bugs_use_standard_base64_and_mac_only_returns_the_last_segment():
    steps = sign_with_bugs(REQUEST, ["standard_base64_segments", "standard_base64_signature", "mac_only"])
    assert steps.payload_b64 == base64.b64encode(steps.payload_json.encode()).decode()
    assert steps.signature == base64.b64encode(bytes.fromhex(steps.hmac_hex)).decode()
    assert steps.returned == steps.signature and steps.token.endswith("." + steps.signature)


def test_legacy_format_is_the_old_node_example():
    steps = sign_with_bugs(REQUEST, ["legacy_format"])
    key, mn, timestamp, role, mac = base64.b64decode(steps.returned).decode().split(".", 4)
    assert (key, mn, timestamp, role) == (KEY, "85746065432", str(IAT * 1000 - 30000), "0")
    message = base64.b64encode(f"{key}{mn}{timestamp}{role}".encode())
    assert mac == base64.b64encode(hmac.new(SECRET.encode(), message, hashlib.sha256).digest()).decode()
    assert steps.header_json is None and steps.returned == steps.token


def test_legacy_format_notes_the_switches_it_makes_meaningless():
    steps = sign_with_bugs(REQUEST, ["legacy_format", "mac_only", "meeting_number_claim", "role_inverted"])
    assert steps.notes == (
        "mac_only: no effect, the legacy format has no such step.",
        "meeting_number_claim: no effect, the legacy format has no such step.",
    )
    assert base64.b64decode(steps.returned).decode().split(".")[3] == "1"  # role_inverted still applies


def test_node_key_and_text_conversions():
    assert node_utf8("a\ud800b") == b"a\xef\xbf\xbdb"
    with pytest.raises(JsError) as caught:
        node_hmac_key(1)
    assert caught.value.code == "ERR_INVALID_ARG_TYPE" and caught.value.message.endswith("Received type number (1)")
    with pytest.raises(JsError, match="Received an instance of Array"):
        node_hmac_key([])


def test_switches_that_cannot_apply_say_so():
    odd = SignatureRequest(KEY, 7, "not digits", 5, "soon", "later")
    steps = sign_with_bugs(odd, ["role_inverted", "meeting_number_spaces", "secret_trailing_newline", "expired"])
    assert len(steps.notes) == 4 and steps.error.name == "TypeError"


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (["nope"], "unknown bug id"),
        ("mac_only", "list of catalogue ids"),
        ([1], "list of catalogue ids"),
        (sorted(EXCLUSIVE[0]), "cannot be on together"),
    ],
)
def test_bad_selections_are_refused_with_a_reason(selection, message):
    with pytest.raises(BugSelectionError, match=message):
        check_bug_ids(selection)


texts = st.text(st.characters(codec="latin-1"), min_size=1, max_size=30)
requests = st.builds(
    SignatureRequest,
    sdk_key=texts,
    sdk_secret=texts,
    meeting_number=st.one_of(st.integers(0, 10**12), st.text("0123456789 ", min_size=1, max_size=13)),
    role=st.sampled_from([0, 1, "0", "1"]),
    iat=st.integers(1_500_000_000, 2_000_000_000),
    exp=st.integers(1_500_000_000, 2_000_000_000),
)


@settings(max_examples=200)
@given(request=requests)
def test_the_forum_presets_are_the_composition_of_their_bugs(request):
    """The literal replay of the snippet and the catalogue's switches agree on every step."""
    for preset_bugs, replay in ((FORUM_BUGS, forum_signature), (FORUM_CALL_BUGS, forum_call)):
        composed, literal = sign_with_bugs(request, preset_bugs), replay(request)
        assert composed == literal


allowed_selections = st.sets(st.sampled_from(CONTRACT_IDS)).filter(lambda s: not any(g <= s for g in EXCLUSIVE))


@settings(max_examples=300)
@given(request=requests, selection=allowed_selections)
def test_any_combination_changes_only_steps_its_bugs_declare(request, selection):
    correct = build_signature_steps(request)
    buggy = sign_with_bugs(request, selection)
    declared = {step for bug_id in selection for step in BUGS[bug_id].steps}
    assert set(differing_steps(buggy, correct)) <= declared
    if not declared:
        assert buggy.returned == correct.token


def test_presets_cover_the_forum_and_every_single_bug():
    assert list(PRESETS) == ["forum", "forum_call", *CONTRACT_IDS]
    assert all(PRESETS[i].bug_ids == (i,) for i in CONTRACT_IDS)
    assert set(FORUM_CALL_BUGS) - set(FORUM_BUGS) == {"argument_shift"}


def sign_cli(records):
    return run_cli("sign", records, "--now", str(IAT))


BASE_RECORD = {"sdkKey": KEY, "sdkSecret": SECRET, "meetingNumber": 85746065432, "role": 0, "iat": IAT}


def test_cli_signs_with_a_list_of_bug_ids_like_the_library():
    selection = ["standard_base64_signature", "mac_only", "role_string"]
    process, [output] = sign_cli([{**BASE_RECORD, "variant": selection}])
    assert process.returncode == 0
    expected = sign_with_bugs(SignatureRequest(KEY, SECRET, 85746065432, 0, IAT, IAT + 7200), selection)
    fields = ("header_json", "payload_json", "header_b64", "payload_b64", "signing_input", "hmac_hex", "signature")
    for name in (*fields, "token", "returned"):
        assert output[name] == getattr(expected, name), name
    assert output["returned"] == output["signature"] and "warnings" in output


def test_cli_reports_a_javascript_throw_with_its_step_and_fails():
    process, [output, fine] = sign_cli([{**BASE_RECORD, "variant": ["argument_shift"]}, {**BASE_RECORD, "variant": []}])
    assert process.returncode == 1
    assert output["error"] == {"name": "TypeError", "message": "key.clamp is not a function"}
    assert output["step"] == "CryptoJS.HmacSHA256" and "signing_input" in output and "hmac_hex" not in output
    assert (
        fine["returned"] == build_signature_steps(SignatureRequest(KEY, SECRET, 85746065432, 0, IAT, IAT + 7200)).token
    )


def test_cli_refuses_unknown_or_conflicting_ids_and_warns_when_the_secret_enters_the_output():
    process, outputs = sign_cli(
        [
            {**BASE_RECORD, "variant": ["nope"]},
            {**BASE_RECORD, "variant": ["lifetime_too_short", "lifetime_too_long"]},
            {**BASE_RECORD, "variant": ["key_secret_swapped"]},
        ]
    )
    assert [o.get("step") for o in outputs[:2]] == ["variant", "variant"]
    assert "Traceback" not in process.stderr
    assert any("key_secret_swapped" in w["message"] for w in outputs[2]["warnings"])


def test_secret_does_not_reach_the_cli_output_for_other_bugs():
    selection = [i for i in CONTRACT_IDS if i not in ("key_secret_swapped", "lifetime_too_long")]
    process, [output] = sign_cli([{**BASE_RECORD, "variant": selection}])
    assert SECRET not in process.stdout and output["payload_json"]


# ------------------------------------------------------------------------ one vocabulary with the doctor


def detect(bug_id, family=None):
    """The Token doctor's findings on a token made with this one mistake in one of its families (its first unless
    told), given what a user would give: the SDK that joins, and the meeting or the session joined."""
    family = family or BUGS[bug_id].families[0]
    key = "DEMOkey~?~?~?" if bug_id == "standard_base64_segments" else KEY  # a key whose base64 shows + / =
    request = replace(request_showing(bug_id, family), sdk_key=key)
    buggy = sign_with_bugs(request, [bug_id])
    joined = {"meeting_number": "85746065432"} if family == MEETING_WEB else {}
    joined |= {"session_name": SESSION_NAME} if family == VIDEO else {}
    return diagnose(buggy.returned, secret=SECRET, sdk_key=key, now=IAT, sdk=SDK_OF[family], **joined).findings


def named_codes(bug_id):
    return {entry.partition("@")[0] for entry in BUGS[bug_id].found_by}


@pytest.mark.parametrize(("bug_id", "family"), [case for case in FAMILY_CASES if BUGS[case[0]].found_by])
def test_the_doctor_finds_every_mistake_in_every_family_it_applies_to(bug_id, family):
    """Told the SDK and the join, the doctor finds a named code of the mistake in each of its families."""
    found = {f.code for f in detect(bug_id, family)}
    assert found & named_codes(bug_id), (found, named_codes(bug_id))


VIDEO_SDK_MISTAKES = [
    ("tpc_not_session_name", VIDEO),
    ("user_key_too_long", VIDEO),
    ("role_string", VIDEO),
    ("meeting_claims_in_video_token", VIDEO),
    ("video_claims_in_meeting_token", MEETING_WEB),
]


@pytest.mark.parametrize(("bug_id", "family"), VIDEO_SDK_MISTAKES)
def test_the_video_sdk_mistakes_are_found_by_exactly_their_codes(bug_id, family):
    """The Video SDK's mistakes, and the two tokens of the other SDK: the doctor's errors and warnings are exactly the
    codes the entry names (role_string in a Video SDK token: role_type_not_number)."""
    found = {f.code for f in detect(bug_id, family) if f.severity != "info"}
    expected = {"role_type_not_number"} if bug_id == "role_string" else named_codes(bug_id)
    assert found == expected


def test_the_other_sdks_token_is_refused_only_when_the_doctor_is_told_the_sdk():
    """Without the hint each is a valid token of its own family: the catalogue's symptom says to name the SDK."""
    for bug_id, family in (("meeting_claims_in_video_token", VIDEO), ("video_claims_in_meeting_token", MEETING_WEB)):
        token = sign_with_bugs(REQUESTS[family], [bug_id]).returned
        assert [f.code for f in diagnose(token, secret=SECRET, now=IAT).findings if f.severity == "error"] == []
        assert "wrong_token_kind" in {f.code for f in diagnose(token, now=IAT, sdk=SDK_OF[family]).findings}


@pytest.mark.parametrize("bug_id", CONTRACT_IDS)
def test_every_mistake_is_found_by_the_codes_it_names_or_says_why_not(bug_id):
    bug = BUGS[bug_id]
    assert bool(bug.found_by) != bool(bug.undetectable)
    if bug.undetectable:
        return
    named = named_codes(bug_id)
    # a code two mistakes share names the first of them (wrong_token_kind: another app type's token)
    own = {code for code in named if FINDING_BUGS.get((code, None)) in (bug_id, None)}
    found = {f.code for f in detect(bug_id)}
    assert found & named and {f.code for f in detect(bug_id) if f.bug_id == bug_id} >= found & own, (found, named)


@pytest.mark.parametrize("bug_id", CONTRACT_IDS)
def test_a_mistake_predicts_the_error_its_findings_predict(bug_id):
    """A finding that names the mistake predicts the mistake's error, or none where it cannot tell alone (an
    appKey of another app may be right for that app)."""
    codes = {entry.partition("@")[0] for entry in BUGS[bug_id].found_by}
    predicted = {FINDING_CODES[code].zoom_error for code in codes}
    if len(predicted) > 1:  # one finding's code against another's undocumented answer: the mistake's is undocumented
        assert BUGS[bug_id].zoom_error is None and "not documented" in BUGS[bug_id].symptom, predicted
    else:
        assert predicted <= {BUGS[bug_id].zoom_error, None}, codes


def test_key_and_secret_swapped_predicts_no_code_as_the_fact_base_says():
    """The fact base: appKey holding the secret is not documented (3704 as likely as 3712); the rule book agrees."""
    facts = " ".join((ROOT / "docs" / "zoom-signature-facts.md").read_text(encoding="utf-8").split())
    assert "`appKey` holding the meeting number or the secret (3704" in facts
    assert RULES["app_key_is_secret"].zoom_error is None
    assert BUGS["key_secret_swapped"].zoom_error is None and BUGS["key_secret_swapped"].zoom_error_source == ""


def test_the_request_order_covers_exactly_the_mistakes_that_change_the_request():
    assert sorted(REQUEST_ORDER) == sorted(bug.id for bug in BUGS.values() if bug.alter_request)


def test_each_request_change_names_its_stage_and_the_stages_give_the_agreed_order():
    """The stage is a field of the mistake; the order it gives is behaviour (a clock ahead, then milliseconds)."""
    for bug in BUGS.values():
        assert (bug.request_stage in REQUEST_STAGES) if bug.alter_request else bug.request_stage == "", bug.id
    assert REQUEST_ORDER == (
        "wrong_app_type",
        "secret_trailing_newline",
        "key_secret_swapped",
        "meeting_number_spaces",
        "meeting_claims_in_video_token",
        "video_claims_in_meeting_token",
        "tpc_not_session_name",
        "role_inverted",
        "role_string",
        "user_key_too_long",
        "iat_in_future",
        "expired",
        "token_exp_minimum",
        "lifetime_too_short",
        "lifetime_too_long",
        "timestamps_milliseconds",
        "no_token_exp",
        "argument_shift",
    )
    payload = json.loads(sign_with_bugs(REQUEST, ("timestamps_milliseconds", "iat_in_future")).payload_json)
    assert payload["iat"] == (IAT + CLOCK_AHEAD_SECONDS) * 1000


@pytest.mark.parametrize(("bug_id", "family"), FAMILY_CASES)
def test_demo_credentials_are_asked_for_exactly_where_the_secret_reaches_the_payload(bug_id, family):
    payload_json = sign_with_bugs(request_showing(bug_id, family), (bug_id,)).payload_json or ""
    assert BUGS[bug_id].demo_credentials == (SECRET in payload_json), payload_json


def test_a_code_two_mistakes_name_names_the_first_and_the_stated_sdk_names_the_other_sdks_token():
    """wrong_token_kind alone stays another app type's token (a pasted OAuth token); told the SDK, the exercises name
    the mistake of signing the other SDK's claims."""
    assert FINDING_BUGS[("wrong_token_kind", None)] == "wrong_app_type"
    assert [bug_id for bug_id, bug in BUGS.items() if "wrong_token_kind" in bug.found_by] == [
        "wrong_app_type",
        "meeting_claims_in_video_token",
        "video_claims_in_meeting_token",
    ]
    assert other_sdk_mistake(VIDEO) == "meeting_claims_in_video_token"
    assert other_sdk_mistake(MEETING_WEB) == other_sdk_mistake(MEETING_NATIVE) == "video_claims_in_meeting_token"


def test_cli_signs_a_video_sdk_mistake_like_the_library():
    record = {"sdkKey": KEY, "sdkSecret": SECRET, "sessionName": SESSION_NAME, "role": 1, "iat": IAT}
    process, outputs = sign_cli([{**record, "variant": [bug_id]} for bug_id in ("tpc_not_session_name", "role_string")])
    assert process.returncode == 0
    tpc, role = (json.loads(output["payload_json"]) for output in outputs)
    assert tpc["tpc"] == "Team%20Standup" and role["role_type"] == "1"
    request = SignatureRequest(KEY, SECRET, role=1, iat=IAT, exp=IAT + 7200, family=VIDEO, session_name=SESSION_NAME)
    assert outputs[0]["returned"] == sign_with_bugs(request, ["tpc_not_session_name"]).returned


def test_a_video_sdk_mistake_on_a_meeting_sdk_request_says_it_changed_nothing():
    steps = sign_with_bugs(REQUEST, ["tpc_not_session_name", "user_key_too_long", "meeting_claims_in_video_token"])
    assert steps.returned == CORRECT.token and len(steps.notes) == 3
    assert all("not a Video SDK token" in note for note in steps.notes)
    assert sign_with_bugs(REQUESTS[VIDEO], ["video_claims_in_meeting_token"]).notes == (
        "video_claims_in_meeting_token: the token already is a Video SDK token.",
    )
    assert len(EMAIL_USER_KEY) == CLAIMS["user_key"].max_length + 4
