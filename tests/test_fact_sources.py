"""Every predicted Zoom error names the fact base's row that says so, and the facts of the 2026-12-07 check.

The fact base (docs/zoom-signature-facts.md) gives each sourced fact about an error code a row whose first cell
is an ID in backticks, whose second is the code and whose last is the source. The rule book, the catalogue,
the Token doctor's codes and the error table cite these IDs; a prediction without one fails here, and so does an
ID the fact base does not have or a row whose code differs from the prediction.
"""

import ast
import re
from pathlib import Path

import pytest

from lib.doctor.findings import FINDING_CODES
from lib.doctor.token_kinds import OAUTH_ACCESS, REST_API_JWT
from lib.join.outcome import JoinOutcome, bugs_answered_with, explain_outcome
from lib.join.plan import JoinForm, plan_join
from lib.mistakes.catalogue import BROWSER, BUGS, ZOOM_SERVER
from lib.mistakes.key_bytes import KEY_BYTES
from lib.training.exercises import DIFFICULTIES, exercise_set, signer_outcome
from lib.training.lessons import _CLAIM_RULES
from lib.zoom.facts import UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.families import MEETING_WEB
from lib.zoom.rules import RULES

FACTS = Path(__file__).resolve().parents[1] / "docs" / "zoom-signature-facts.md"
_ID_ROW = re.compile(r"^\|\s*`(?P<id>[a-z0-9-]+)`\s*\|")


def table_rows(text: str) -> dict[str, list[str]]:
    """The rows of the fact base's tables headed "| ID |": their cells, ID first."""
    rows = {}
    in_id_table = False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_id_table = False
        elif line.replace(" ", "").startswith("|ID|"):
            in_id_table = True
        elif in_id_table and _ID_ROW.match(line):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            assert cells[0].strip("`") not in rows, f"ID {cells[0]} appears twice"
            rows[cells[0].strip("`")] = cells
    return rows


def fact_sources(text: str) -> dict[str, tuple[int, ...]]:
    """ID -> the codes its row names ("200 / 1" names two), for rows whose last cell gives a source."""
    return {
        row_id: tuple(int(code) for code in cells[1].split("/"))
        for row_id, cells in table_rows(text).items()
        if len(cells) >= 4 and cells[-1]
    }


SOURCES = fact_sources(FACTS.read_text(encoding="utf-8"))

PREDICTIONS = (
    [(f"rule {code}", rule.zoom_error, rule.zoom_error_source) for code, rule in RULES.items()]
    + [(f"mistake {bug.id}", bug.zoom_error, bug.zoom_error_source) for bug in BUGS.values()]
    + [(f"finding {code}", spec.zoom_error, spec.zoom_error_source) for code, spec in FINDING_CODES.items()]
)


def test_the_fact_base_is_read():
    assert SOURCES["exp-past"] == (3705,) and SOURCES["code-200"] == (200, 1)
    assert len(SOURCES) >= 20


def test_a_row_without_a_source_is_no_source():
    text = (
        "| ID | code | what | source |\n|---|---|---|---|\n| `told` | 3712 | a | forum 1 |\n| `untold` | 3705 | b | |"
    )
    assert fact_sources(text) == {"told": (3712,)}


def test_every_row_with_an_id_gives_its_source():
    rows = table_rows(FACTS.read_text(encoding="utf-8"))
    assert rows and all(len(cells) >= 4 and cells[-1] for cells in rows.values()), rows


@pytest.mark.parametrize(("what", "zoom_error", "source"), PREDICTIONS, ids=[p[0] for p in PREDICTIONS])
def test_a_predicted_error_names_a_source_that_says_so(what, zoom_error, source):
    if zoom_error is None:
        assert source == "", f"{what} cites {source} but predicts no error"
        return
    assert source, f"{what} predicts {zoom_error} without a source: cite a row of the fact base or predict None"
    assert source in SOURCES, f"{what} cites {source}, which docs/zoom-signature-facts.md does not have"
    assert zoom_error in SOURCES[source], f"{what} predicts {zoom_error}; its source {source} says {SOURCES[source]}"


@pytest.mark.parametrize("code", sorted(ZOOM_ERRORS))
def test_every_error_code_cites_its_row_with_the_same_message(code):
    error = ZOOM_ERRORS[code]
    assert error.source in SOURCES and code in SOURCES[error.source]
    row = table_rows(FACTS.read_text(encoding="utf-8"))[error.source]
    assert row[2] == error.message, (row[2], error.message)


@pytest.mark.parametrize("code", sorted(ZOOM_ERRORS))
def test_every_zoom_error_record_is_complete(code):
    """One record per code: its code, Zoom's message, the usual causes, the fix, and a source row for that code."""
    error = ZOOM_ERRORS[code]
    assert error.code == code
    for name in ("message", "causes", "fix", "source"):
        value = getattr(error, name)
        assert isinstance(value, str) and value.strip(), f"{code} has no {name}"
    assert error.source in SOURCES and code in SOURCES[error.source], (code, error.source)


LIB = Path(__file__).resolve().parents[1] / "lib"


def _is_zoom_code(node) -> bool:
    """A literal error code: a known one of four digits, or any of the 37xx signature codes. The generic failure
    codes 200 and 1 are left out: as numbers they are everywhere."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = ast.Constant(-node.operand.value) if isinstance(node.operand, ast.Constant) else node
    value = node.value if isinstance(node, ast.Constant) else None
    return type(value) is int and ((value in ZOOM_ERRORS and abs(value) >= 1000) or 3700 <= value < 3800)


def second_zoom_error_tables(source: str) -> list[str]:
    """Places in a module's source that hold data per Zoom error code outside lib.zoom.facts.ZOOM_ERRORS: a dict
    keyed by codes, a sequence of (code, ...) pairs, or a branch on a code (`if code == 3705: ...`). Naming a
    code is fine (a rule's zoom_error=3712, the order Zoom checks in); attaching text to it is the table's job."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict) and sum(1 for key in node.keys if key and _is_zoom_code(key)) >= 2:
            found.append(f"line {node.lineno}: a dict keyed by error codes")
        elif isinstance(node, (ast.Tuple, ast.List)):
            pairs = [
                e for e in node.elts if isinstance(e, (ast.Tuple, ast.List)) and e.elts and _is_zoom_code(e.elts[0])
            ]
            if len(pairs) >= 2:
                found.append(f"line {node.lineno}: (code, ...) pairs")
        elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
            if any(_is_zoom_code(side) for side in (node.left, *node.comparators)):
                found.append(f"line {node.lineno}: a branch on an error code")
        elif isinstance(node, ast.MatchValue) and _is_zoom_code(node.value):
            found.append(f"line {node.lineno}: a case of an error code")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "FIXES = {3712: 'check the secret', 3705: 'sign a fresh one'}",
        "FIXES = ((3712, 'check the secret'), (-3000, 'check the network'))",
        "def fix(code):\n    if code == 3705:\n        return 'sign a fresh one'",
        "match code:\n    case 3706:\n        pass",
    ],
)
def test_the_second_table_check_finds_each_shape(source):
    assert second_zoom_error_tables(source)


def test_naming_a_code_is_no_second_table():
    source = "RULE = Rule(zoom_error=3712)\nORDER = (3712, 3704, 3705)\nMEETING_LEVEL = 3000 <= code < 4000"
    assert second_zoom_error_tables(source) == []


def test_zoom_errors_are_one_table():
    """Zoom's error codes live in lib.zoom.facts.ZOOM_ERRORS only: no module of lib keeps its own per-code data."""
    found = {
        str(path.relative_to(LIB.parent)): places
        for path in sorted(LIB.rglob("*.py"))
        if (places := second_zoom_error_tables(path.read_text(encoding="utf-8")))
    }
    assert found == {}


# ------------------------------------------------------------------------ what the fact base calls undocumented


@pytest.mark.parametrize(
    "code",
    [
        "lifetime_too_short",
        "lifetime_too_long",
        "missing_iat",
        "missing_exp",
        "app_key_is_meeting_number",
        "app_key_is_secret",
        "missing_app_key",
        "role_not_number",
        "timestamp_milliseconds",
    ],
)
def test_no_code_is_predicted_where_no_source_gives_one(code):
    assert RULES[code].zoom_error is None


def test_a_bare_mac_and_the_pre_2022_format_are_no_cause_of_3712():
    """SDK 6.2.0 fails in the browser on both (TypeError reading 'replace'): they never reach Zoom."""
    for bug_id in ("mac_only", "legacy_format"):
        assert BUGS[bug_id].zoom_error is None and BUGS[bug_id].caught_by == BROWSER
    assert not {bug.id for bug in bugs_answered_with(3712)} & {"mac_only", "legacy_format"}
    assert FINDING_CODES["bare_signature"].zoom_error is None
    assert FINDING_CODES["legacy_signature_format"].zoom_error is None
    assert "a bare MAC" not in ZOOM_ERRORS[3712].causes and "legacy" not in ZOOM_ERRORS[3712].causes


def test_a_symptom_leads_with_a_code_only_when_the_mistake_predicts_it():
    for bug in BUGS.values():
        leading = re.match(r"(-?\d{3,4})\b", bug.symptom)
        assert (int(leading[1]) if leading else None) == bug.zoom_error, bug.id


# ------------------------------------------------------------------------ the OBF and privilege-token codes


def test_4013_is_the_missing_obf_token_beside_a_privilege_token():
    error = ZOOM_ERRORS[4013]
    assert "privilege token" in error.message and "OBF token" in error.message
    assert "invalid" not in error.causes and "expired" not in error.causes and "ZAK" not in error.causes
    assert "valid" not in error.fix and "obfToken" in error.fix
    explanation = explain_outcome(JoinOutcome("failed", 4013, ""))
    assert "no OBF token" in explanation.causes and "expired" not in explanation.fix


def test_invalid_mismatched_and_privilege_tokens_have_codes_of_their_own():
    assert "OBF token is invalid" in ZOOM_ERRORS[4014].message
    assert "does not match" in ZOOM_ERRORS[4015].message
    assert ZOOM_ERRORS[4016].message == "The Privilege token is invalid."
    assert ZOOM_ERRORS[4016].fix


def test_the_fact_base_no_longer_calls_4013_an_invalid_or_expired_zak():
    text = FACTS.read_text(encoding="utf-8")
    row = table_rows(text)["code-4013"]
    assert "privilege token" in row[2] and "expired" not in row[3]


def test_spaces_around_the_passcode_predict_no_code():
    """No source says Zoom answers 3004 for them: the page trims them and says only that."""
    form = JoinForm(token="", meeting_number="85746065432", user_name="Dee", passcode=" 123456 ")
    [trimmed] = [p for p in plan_join(form, now=1_800_000_000).problems if p.code == "passcode_trimmed"]
    assert not re.search(r"\b\d{4}\b", trimmed.message), trimmed.message


# ------------------------------------------------------------------------ credentials and app types


def test_jwt_app_credentials_signed_web_sdk_joins_until_2022():
    assert "never signed" not in REST_API_JWT.purpose
    assert "until 2022" in REST_API_JWT.purpose and "never a join signature" in REST_API_JWT.purpose


def test_a_general_apps_oauth_credentials_are_meeting_sdk_credentials():
    assert "wrong type for it" not in OAUTH_ACCESS.instead
    assert "General (OAuth) app's Client ID and Secret are those credentials" in OAUTH_ACCESS.instead
    assert "Server-to-Server OAuth app's are the wrong type" in OAUTH_ACCESS.instead
    assert "plain OAuth" not in BUGS["wrong_app_type"].why and "General (OAuth)" in BUGS["wrong_app_type"].why


# ------------------------------------------------------------------------ key bytes


def _way(code):
    return [way for way in KEY_BYTES if way.code == code]


def test_hex_covers_upper_case_and_latin1_is_nodes():
    [hex_way] = _way("hex_secret")
    assert "0-9, a-f, A-F" in hex_way.libraries
    [latin1] = _way("latin1_secret_bytes")
    assert "as Latin-1 encoders do" not in latin1.libraries and "Buffer.from(secret, 'latin1')" in latin1.libraries


def test_the_jjwt_fix_names_hs256():
    """Keys.hmacShaKeyFor alone picks HS384/HS512 for a secret of 48 bytes or more, which Zoom refuses."""
    for code in ("base64_decoded_secret", "base64_truncated_secret"):
        [way] = _way(code)
        assert "SignatureAlgorithm.HS256)" in way.fix and "Jwts.SIG.HS256" in way.fix
        assert "signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8)))" not in way.fix
    assert "SignatureAlgorithm.HS256)" in BUGS["secret_key_bytes"].fix


def test_powershell_out_file_is_utf16_with_a_bom_not_utf8():
    [bom] = _way("bom_secret")
    assert "PowerShell's Out-File)" not in bom.libraries and "-Encoding UTF8" in bom.libraries
    secret = "Ab1-0123456789abcdefghijklmnopqrstuv"
    keys = {way.key(secret) for way in _way("utf16_bom_secret")}
    assert keys == {b"\xff\xfe" + secret.encode("utf-16-le"), b"\xff\xfe" + (secret + "\r\n").encode("utf-16-le")}
    assert all("PowerShell 5.1's Out-File" in way.libraries for way in _way("utf16_bom_secret"))


# ------------------------------------------------------------------------ lessons and exercises


def test_the_claims_lesson_allows_a_backdated_iat():
    assert "backdate" in _CLAIM_RULES["iat"] and "not in the future" in _CLAIM_RULES["iat"]


@pytest.mark.parametrize(
    "bug_id",
    [
        bug.id
        for bug in BUGS.values()
        if bug.caught_by == ZOOM_SERVER and bug.zoom_error is None and MEETING_WEB in bug.families
    ],
)
def test_what_happens_says_undocumented_instead_of_a_code(bug_id):
    said = signer_outcome("javascript", (bug_id,))
    assert said == f"{UNDOCUMENTED_ERROR}.", said


def test_lifetime_and_text_role_exercises_state_no_code():
    """Issue 23's seed-7 exercises said 3712 for a lifetime out of range and 3708 for a text role."""
    for bug_id in ("lifetime_too_short", "lifetime_too_long", "role_string"):
        said = signer_outcome("javascript", (bug_id,))
        assert not re.search(r"\b37\d\d\b", said), (bug_id, said)


@pytest.mark.parametrize("seed", [7, 42, 2026])
@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_every_code_an_exercise_states_is_sourced_by_one_of_its_mistakes(seed, difficulty):
    for exercise in exercise_set(seed, difficulty):
        stated = {int(code) for line in exercise.context for code in re.findall(r"Zoom answers (-?\d+)", line)}
        sourced = {BUGS[bug_id].zoom_error for bug_id in exercise.bug_ids if BUGS[bug_id].zoom_error_source}
        assert stated <= sourced, (exercise.bug_ids, stated)


def test_the_drawn_sets_meet_mistakes_without_a_documented_code():
    """The draw above meets at least one mistake without a documented code, so the test is not empty."""
    undocumented = {bug.id for bug in BUGS.values() if bug.caught_by == ZOOM_SERVER and bug.zoom_error is None}
    drawn = {
        bug_id
        for seed in (7, 42, 2026)
        for difficulty in DIFFICULTIES
        for exercise in exercise_set(seed, difficulty)
        for bug_id in exercise.bug_ids
    }
    assert drawn & undocumented
