"""The work the pages used to do themselves, now in lib/: each rule tested without Streamlit."""

import pytest

from lib.builder.credentials import Credentials, verifying_credentials
from lib.builder.form import FormInput
from lib.navigation import PAGES, entry_at
from lib.present.buggy_vs_correct import compare_signers, credentials_for, preset_ticks, python_that_ran
from lib.present.cards import finding_markdown
from lib.present.code_review import explain_run
from lib.present.token_doctor import token_doctor_result
from lib.review.sandbox import RunResult
from lib.review.submission import AUTO, read_submission
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET
from support.doctor_cases import NOW, good_payload, sign
from support.doctor_cases import SECRET as DOCTOR_SECRET

SECRET = "a-test-secret-of-thirty-two-bytes-or-more"
WRONG_SECRET = "another-secret-of-thirty-two-bytes-or-more"
CONFIGURED = Credentials("ConfiguredKey", "configured-secret-of-thirty-two-bytes", "secrets.toml [zoom]")


def test_finding_markdown_keeps_code_spans_and_escapes_the_rest():
    text = finding_markdown("A *title*", "use `mn_digits` here_now", code="c_x", fix="Do [this]", notes=["n1", None])
    assert text == r"**A \*title\*** (`c_x`) — use `mn_digits` here\_now" + "\n\n**Fix:** Do \\[this\\]\n\nn1"
    assert finding_markdown("T", "m", line=7).startswith("**Line 7: T** — m")


def test_a_former_address_finds_the_page_now_serving_it():
    doctor = next(entry for entry in PAGES if entry.title == "Token doctor")
    assert entry_at("inspector") == entry_at("token-doctor") == doctor
    with pytest.raises(KeyError, match="/nowhere"):
        entry_at("nowhere")


@pytest.mark.parametrize(
    "typed, kept, use_configured, expected",
    [
        ("typed-secret", "kept-secret", False, ("typed-secret", "Key")),
        ("", "kept-secret", False, ("kept-secret", "Key")),
        ("", None, False, (None, "Key")),  # never the demo secret: nothing given, nothing verified
        ("typed-secret", "kept-secret", True, (CONFIGURED.sdk_secret, CONFIGURED.sdk_key)),
    ],
)
def test_verifying_credentials(typed, kept, use_configured, expected):
    assert verifying_credentials(typed, kept, " Key ", use_configured, CONFIGURED) == expected


def test_verifying_credentials_without_a_key_give_none():
    assert verifying_credentials("", None, "  ", False, None) == (None, None)


def test_the_swapped_bug_never_writes_the_users_secret_into_a_payload():
    mine = FormInput("MyKey", SECRET, "85746065432", 0)
    form, note = credentials_for(mine, ("key_secret_swapped",))
    assert (form.sdk_key, form.sdk_secret) == (DEMO_SDK_KEY, DEMO_SDK_SECRET) and "demo credentials" in note
    assert credentials_for(mine, ("standard_base64_segments",)) == (mine, None)
    demo = FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, "85746065432", 0)
    assert credentials_for(demo, ("key_secret_swapped",)) == (demo, None)
    compared = compare_signers(form, "key_secret_swapped", ("key_secret_swapped",), 1_700_000_000)
    assert SECRET not in repr(compared)


def test_a_preset_ticks_exactly_its_bugs_and_custom_ticks_nothing():
    ticks = preset_ticks("forum")
    assert ticks and any(ticks.values()) and not all(ticks.values())
    assert preset_ticks("custom") is None


def test_the_python_shown_is_what_ran():
    assert [f.__name__ for f in python_that_ran("forum", ())] == [
        "forum_generate_signature",
        "js_btoa",
        "cryptojs_key_bytes",
    ]
    assert "legacy_signature" in [f.__name__ for f in python_that_ran("custom", ("legacy_format",))]


def test_bugs_that_cannot_combine_give_a_message_not_an_exception():
    form = FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, "85746065432", 0)
    compared = compare_signers(form, "custom", ("lifetime_too_long", "lifetime_too_short"), 1_700_000_000)
    assert compared.comparison is None and compared.error.startswith(r"lifetime\_too\_long and lifetime\_too\_short")


def test_an_unpaired_surrogate_is_named_by_its_position():
    form = FormInput("Key", "a-test-secret-\ud800-of-thirty-two-bytes", "85746065432", 0)
    compared = compare_signers(form, "custom", ("standard_base64_segments",), 1_700_000_000)
    assert compared.error.startswith("These inputs cannot be signed") and "\ud800" not in compared.error


@pytest.mark.parametrize(
    "chosen, name, upload, expected",
    [
        (AUTO, None, None, ("code", None, None)),
        ("Python", None, None, ("code", "python", None)),
        (AUTO, "signer.PHP", b"<?php", ("<?php", "php", None)),
        ("Ruby", "signer.php", b"x = 1", ("x = 1", "ruby", None)),  # the chosen language wins over the extension
        (AUTO, "signer.js", "é".encode("latin-1"), (None, "javascript", "error")),
        (AUTO, "signer.js", b"  \n", (None, "javascript", "warning")),
    ],
)
def test_read_submission(chosen, name, upload, expected):
    submission = read_submission("code", chosen, name, upload)
    text, language, level = expected
    assert (submission.text, submission.language) == (text, language)
    assert (submission.problem or (None,))[0] == level


def test_an_empty_paste_asks_for_code():
    assert read_submission("  ", AUTO).problem[0] == "warning"


@pytest.mark.parametrize(
    "result, unknown, levels, words",
    [
        (RunResult("timeout"), "", ["error"], "Stopped after"),
        (RunResult("threw", error="TypeError: x", limit="the sandbox cannot load fs"), "", ["warning"], "limit of"),
        (RunResult("no_function", top_level="ReferenceError: y"), "", ["info", "warning"], "could not be found"),
        (RunResult("threw", error="TypeError: x"), "`req`", ["warning"], "passed `null` for `req`"),
        (RunResult("threw", error="TypeError: x"), "", ["error"], "instead of a token"),
        (RunResult("returned", value="nope", unset=("ZOOM_KEY",)), "", ["info"], "process.env.ZOOM_KEY"),
    ],
)
def test_explain_run(result, unknown, levels, words):
    explanation = explain_run(result, unknown, 1_700_000_000)
    assert [level for level, _ in explanation.notes] == levels
    assert words in " ".join(text for _, text in explanation.notes)
    assert (explanation.diagnosis is not None) == (result.status == "returned")


@pytest.mark.parametrize(
    "typed, shared, kept, verified",
    [
        (DOCTOR_SECRET, None, WRONG_SECRET, True),  # typed now wins over one kept from an earlier check
        (WRONG_SECRET, None, DOCTOR_SECRET, False),
        ("", DOCTOR_SECRET, WRONG_SECRET, True),  # the builder's, when asked for, wins over the kept one
        ("", None, DOCTOR_SECRET, True),
        ("", None, None, None),
    ],
    ids=["typed-wins", "typed-wrong", "builders-wins", "kept", "none"],
)
def test_the_token_doctor_verifies_with_the_secret_typed_then_the_builders_then_the_kept_one(
    typed, shared, kept, verified
):
    result = token_doctor_result(
        sign(good_payload()), typed=typed, shared=shared, kept=kept, sdk_key="", meeting_number="", host=False, now=NOW
    )
    assert result["diagnosis"].verified is verified
    assert DOCTOR_SECRET not in result["report"] + result["secret_note"]
