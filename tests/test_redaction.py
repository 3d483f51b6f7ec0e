"""The redacted report's last pass (lib.present.redaction.scrub): values the report's own rendering does not know are
secret — the secret inside a claim Zoom does not read, the SDK key inside mn — still never reach the
"safe to post" text. Each test first checks the value really is rendered (as [removed] or masked), so it
cannot pass because the row went missing."""

import base64

import jwt
import pytest

from lib.doctor.diagnosis import diagnose
from lib.present.redaction import REMOVED, mask_key, redacted_report, scrub
from support.doctor_cases import DROP, KEY, NOW, SECRET, good_payload, sign

OTHER_KEY = "OtherClientId0123456789"
ANOTHER_SECRET = "a-completely-different-secret-0123456789"


def token(signer=SECRET, **changes):
    """A correct token with the given claims changed (DROP leaves a claim out), signed with `signer`."""
    return jwt.encode(good_payload(**changes), signer, algorithm="HS256")


def report_of(text, *, secret=SECRET, sdk_key=None):
    checked = diagnose(text, secret=secret, sdk_key=sdk_key, now=NOW)
    return checked, redacted_report(checked, NOW, secret=secret, sdk_key=sdk_key)


SIGNERS = [pytest.param(SECRET, id="signed-with-the-secret"), pytest.param(ANOTHER_SECRET, id="signed-with-another")]
PASTED = [
    pytest.param(SECRET, id="pasted-clean"),
    pytest.param(SECRET + "\n", id="pasted-with-lf"),
    pytest.param(" " + SECRET + "\r\n", id="pasted-with-spaces-and-crlf"),
]


@pytest.mark.parametrize("pasted", PASTED)
@pytest.mark.parametrize("signer", SIGNERS)
@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"debug": SECRET}, id="value-of-an-unknown-claim"),
        pytest.param({"debug": {"env": SECRET}}, id="nested-in-an-unknown-claim"),
        pytest.param({"debug": ["x", SECRET]}, id="listed-in-an-unknown-claim"),
        pytest.param({SECRET: 1}, id="name-of-an-unknown-claim"),
    ],
)
def test_the_secret_inside_an_unknown_claim_never_reaches_the_report(changes, signer, pasted):
    checked, report = report_of(token(signer, **changes), secret=pasted)
    assert checked.has("unknown_claims")
    assert checked.verified is (signer == SECRET)
    assert SECRET not in report
    assert REMOVED in report  # the claim was rendered, and the secret in it replaced
    assert checked.segments[1] not in report and checked.segments[2] not in report


@pytest.mark.parametrize("signer", SIGNERS)
@pytest.mark.parametrize(
    "claim, changes, sdk_key",
    [
        pytest.param("mn", {"mn": KEY}, KEY, id="mn-key-given-and-in-appKey"),
        pytest.param("mn", {"mn": KEY}, None, id="mn-key-only-in-appKey"),
        pytest.param("mn", {"mn": KEY, "appKey": OTHER_KEY, "sdkKey": OTHER_KEY}, KEY, id="mn-key-only-given"),
        pytest.param("mn", {"mn": KEY, "appKey": DROP}, None, id="mn-key-only-in-sdkKey"),
        pytest.param("debug", {"debug": KEY}, None, id="unknown-claim-key-in-appKey"),
    ],
)
def test_the_sdk_key_in_another_claim_is_masked_in_the_report(claim, changes, sdk_key, signer):
    checked, report = report_of(token(signer, **changes), sdk_key=sdk_key)
    assert checked.payload[claim] == KEY
    assert KEY not in report
    assert f'| payload | `{claim}` | `"{mask_key(KEY)}"` |' in report  # the row is there, masked
    assert SECRET not in report


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param("Xy9Secret|Secret|Secret12345-long-enough", id="pipe"),
        pytest.param('Xy9Secret"Secret\\Secret12345-long-enough', id="quote-and-backslash"),
        pytest.param("Xy9Secret  Secret  Secret12345-long-enough", id="double-spaces"),
    ],
)
def test_a_secret_with_characters_the_table_escapes_never_reaches_the_report(secret):
    _, report = report_of(token(secret, debug=secret), secret=secret)
    stripped = "".join(secret.split()).replace("|", "").replace('"', "").replace("\\", "")
    assert stripped not in "".join(report.split()).replace("|", "").replace('"', "").replace("\\", "")


@pytest.mark.parametrize(
    "changes",
    [
        {"debug": SECRET},
        {"note": "x" + SECRET[2:12] + "y"},
        {"blob": base64.urlsafe_b64encode(SECRET.encode()).decode()},
        {SECRET[:10] + "-name": 1},
        {"appKey": SECRET, "sdkKey": SECRET},
    ],
    ids=["claim", "ten-in-a-row", "base64", "claim-name", "key-claims"],
)
def test_a_token_carrying_the_secret_is_reported_without_any_run_of_it(changes):
    checked = diagnose(sign(good_payload(**changes)), secret=SECRET, now=NOW)
    report = redacted_report(checked, NOW, secret=SECRET)
    assert {"secret_in_token", "app_key_is_secret"} & set(checked.codes)
    runs = [SECRET[i : i + 8] for i in range(len(SECRET) - 7)]
    assert not [run for run in runs if run in report]
    assert base64.urlsafe_b64encode(SECRET.encode()).decode()[:12] not in report


# ------------------------------------------------------------------------------ scrub() itself, on any text

PASTED_FORMS = [SECRET, f" {SECRET}", f"{SECRET}\n", f"\t{SECRET} \r\n", f"\n\n{SECRET}\n"]


@pytest.mark.parametrize("pasted", PASTED_FORMS, ids=["clean", "space", "lf", "tab-and-crlf", "blank-lines"])
def test_scrub_replaces_the_whole_secret_however_it_was_pasted(pasted):
    """Whole: a secret scrubbed piece by piece would leave tails shorter than the 8-character leak runs."""
    checked = diagnose(token(), secret=pasted, now=NOW)
    text = f"a: {SECRET}\nb: `{SECRET}`\nc: {SECRET}{SECRET}\n"
    assert scrub(text, checked, secret=pasted) == f"a: {REMOVED}\nb: `{REMOVED}`\nc: {REMOVED}{REMOVED}\n"


def test_scrub_removes_runs_of_eight_and_leaves_seven():
    checked = diagnose(token(), secret=SECRET, now=NOW)
    eight, seven = SECRET[3:11], SECRET[3:10]
    assert scrub(f"x{eight}y", checked, secret=SECRET) == f"x{REMOVED}y"
    assert scrub(f"x{seven}y", checked, secret=SECRET) == f"x{seven}y"


def test_scrub_removes_the_token_and_its_segments_and_masks_the_key():
    checked = diagnose(token(), secret=SECRET, sdk_key=KEY, now=NOW)
    header, payload, signature = checked.segments
    text = f"{checked.token} | {payload} | {signature} | {KEY}"
    scrubbed = f"{REMOVED}.{REMOVED}.{REMOVED} | {REMOVED} | {REMOVED} | {mask_key(KEY)}"  # segment by segment
    assert scrub(text, checked, sdk_key=KEY) == scrubbed and header not in scrubbed
