"""The code doctor (lib/review): the catalogue's code, the forum snippet, a labelled corpus in eight
languages, the limits of the lifetime rule, masked secrets, and the command line."""

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.doctor.findings import FINDING_CODES
from lib.javascript.forum import FORUM_SNIPPET
from lib.mistakes.buggy_signer import FORUM_CALL_BUGS
from lib.mistakes.catalogue import BUGS
from lib.review import MASK, ReviewInputError, detect_language, review_code
from lib.review.codes import CODE_ONLY, REVIEW_CODES
from lib.review.corrected import reference_signer
from lib.review.rules import REVIEW_RULES
from lib.review.syntax import GRAMMARS
from lib.zoom.facts import MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS
from support.cli import run_cli
from support.paths import DATA, ROOT

CORPUS = DATA / "review"
LABELS = json.loads((CORPUS / "labels.json").read_text())  # path from the repository's root -> language, findings

# Mistakes no code shows: the code is right, the values or the setup around it are wrong.
NOT_IN_CODE = {
    "role_inverted": "which role a user should get is the caller's decision; 0 and 1 are both valid code",
    "iat_in_future": "the catalogue's case is a server clock running fast: the code is right (local time read as "
    "UTC, which code does show, is reported with the same code)",
    "wrong_app_type": "Server-to-Server OAuth credentials look exactly like Meeting SDK ones",
    "tpc_not_session_name": "the catalogue's snippet encodes the name outside a payload, and a name encoded with no "
    "payload in sight may be meant for a URL: the Code doctor judges a tpc written in a Video SDK payload",
    "user_key_too_long": "how long the user's e-mail address is, is a value the code does not hold",
    "meeting_claims_in_video_token": "a correct native Meeting SDK signer: which SDK joins is not in the code",
    "video_claims_in_meeting_token": "a correct Video SDK signer: which SDK joins is not in the code",
    "token_exp_minimum": "tokenExp = iat + 1800 is the documented minimum: when the app uses the token is not in the "
    "code",
}


def own_codes(bug):
    return {entry.partition("@")[0] for entry in bug.found_by} or {bug.id}


@pytest.mark.parametrize("language", ["javascript", "python"])
@pytest.mark.parametrize("bug_id", sorted(BUGS))
def test_each_mistake_is_found_in_its_before_code_and_not_in_its_after_code(bug_id, language):
    bug = BUGS[bug_id]
    before = bug.js_before if language == "javascript" else bug.py_before
    after = bug.js_after if language == "javascript" else bug.py_after
    found = review_code(before, language)
    # the corrected code has nothing wrong; a note (an info) may say how it was read, as a native signer's does
    assert {f.severity for f in review_code(after, language).findings} <= {"info"}
    ours = [f for f in found.findings if f.code in own_codes(bug)]
    if bug_id in NOT_IN_CODE:  # nothing wrong seen; a note (an info) may say how the code was read
        assert ours == [] and {f.severity for f in found.findings} <= {"info"}
    else:
        assert ours, found.findings
        assert {f.bug_id for f in ours} == {bug_id}


def test_the_forum_snippet_gets_its_findings_on_the_lines_that_make_them():
    snippet = [line for line in FORUM_SNIPPET]
    review = review_code("\n".join(line.js for line in snippet))
    assert review.language == "javascript"
    for finding in review.findings:  # each finding names a mistake the walk-through puts on that line
        assert finding.bug_id in snippet[finding.line - 1].bug_ids, finding
    found = {f.bug_id for f in review.findings}
    assert found == set(FORUM_CALL_BUGS) - set(NOT_IN_CODE)
    assert {f.code for f in review.findings} == {
        "meeting_number_claim_name",
        "missing_token_exp",
        "standard_base64",
        "bare_signature",
        "secret_in_browser",
        "app_key_is_meeting_number",
    }


@pytest.mark.parametrize("name", sorted(LABELS))
def test_the_labelled_signers_get_exactly_their_findings(name):
    label = LABELS[name]
    text = (ROOT / name).read_text()
    review = review_code(text, label["language"])
    assert [f"{f.line} {f.code}" for f in review.findings] == label["findings"]
    assert detect_language(text) == label["language"]


def test_the_corpus_covers_every_language_with_a_clean_signer():
    clean = {label["language"] for label in LABELS.values() if not label["findings"]}
    assert clean == set(GRAMMARS)


@pytest.mark.parametrize("name", sorted(n for n, label in LABELS.items() if not label["findings"]))
def test_a_clean_signer_is_clean_because_it_is_read_not_because_it_is_missed(name):
    mutated = re.sub("tokenExp", "tokenExpiry", (ROOT / name).read_text(), flags=re.IGNORECASE)  # Go: TokenExp
    assert "missing_token_exp" in review_code(mutated, LABELS[name]["language"]).codes


# Short labelled snippets: (language, code, the codes it must get). An empty set: nothing at all.
SNIPPETS = [
    # standard base64, each unless converted to base64url
    ("javascript", "const s = CryptoJS.enc.Base64.stringify(hash);", {"standard_base64"}),
    ("javascript", "const p = Buffer.from(JSON.stringify(payload)).toString('base64');", {"standard_base64"}),
    ("javascript", "const p = Buffer.from(JSON.stringify(payload)).toString('base64url');", set()),
    ("javascript", "const p = btoa(JSON.stringify(payload)).replace(/\\+/g, '-').replace(/\\//g, '_');", set()),
    ("javascript", "const b = btoa(json);\nconst p = b.replace(/=+$/, '').replace(/\\+/g, '-');", set()),
    ("javascript", "const p = Buffer.from(json).toString('base64').replace(/=+$/, '');", {"standard_base64"}),
    ("javascript", "const auth = 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');", set()),
    ("python", "seg = base64.b64encode(json.dumps(payload).encode())", {"standard_base64"}),
    ("python", "seg = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b'=')", set()),
    ("php", "<?php $s = base64_encode($payload);", {"standard_base64"}),
    ("php", "<?php $s = rtrim(strtr(base64_encode($payload), '+/', '-_'), '=');", set()),
    ("csharp", "var s = Convert.ToBase64String(payloadBytes);", {"standard_base64"}),
    (
        "csharp",
        'var s = Convert.ToBase64String(payloadBytes).TrimEnd(\'=\').Replace("+", "-").Replace("/", "_");',
        set(),
    ),
    ("java", "String s = Base64.getEncoder().encodeToString(payload.getBytes());", {"standard_base64"}),
    ("java", "String s = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());", set()),
    ("go", "package m\nfunc f() { s := base64.StdEncoding.EncodeToString(payload) }", {"standard_base64"}),
    ("go", "package m\nfunc f() { s := base64.RawURLEncoding.EncodeToString(payload) }", set()),
    ("ruby", "seg = Base64.strict_encode64(payload.to_json)", {"standard_base64"}),
    ("ruby", "seg = Base64.urlsafe_encode64(payload.to_json, padding: false)", set()),
    # times
    ("javascript", "const iat = new Date().getTime();", {"timestamp_milliseconds"}),
    ("javascript", "const now = Date.now();\nconst iat = Math.floor(now / 1000);", set()),
    ("javascript", "const iat = Date.now() / 1000;", {"timestamp_not_integer"}),
    ("javascript", "const iat = Math.round(new Date().getTime / 1000);", {"timestamp_not_integer"}),
    ("javascript", "const started = Date.now(); log(Date.now() - started);", set()),
    ("typescript", "const iat: number = Date.now();", {"timestamp_milliseconds"}),
    ("python", "iat = time.time()", {"timestamp_not_integer"}),
    (
        "python",
        "now = time.time()\npayload = {'appKey': k, 'mn': m, 'role': 0, 'iat': int(now), 'exp': int(now) + 7200, "
        "'tokenExp': int(now) + 7200}",
        set(),
    ),
    ("python", "iat = int(datetime.utcnow().timestamp())", {"iat_in_future"}),
    ("python", "iat = int(datetime.now(timezone.utc).timestamp())", set()),
    ("java", "long iat = System.currentTimeMillis();", {"timestamp_milliseconds"}),
    ("java", "long iat = System.currentTimeMillis() / 1000;", set()),
    ("java", "Date exp = new Date(System.currentTimeMillis() + 5 * 60 * 1000);", {"lifetime_too_short"}),
    ("csharp", "var iat = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();", {"timestamp_milliseconds"}),
    ("csharp", "var exp = DateTime.UtcNow.AddMinutes(5);", {"lifetime_too_short"}),
    ("go", "package m\nfunc f() { iat := time.Now().UnixMilli() }", {"timestamp_milliseconds"}),
    ("go", "package m\nfunc f() { iat := time.Now().UnixNano() / 1e6 }", {"timestamp_milliseconds"}),
    ("go", "package m\nfunc f() { iat := time.Now().UnixNano() / 1e9 }", set()),
    ("go", "package m\nfunc f() { exp := time.Now().Add(time.Minute * 10).Unix() }", {"lifetime_too_short"}),
    ("go", "package m\nfunc f() { exp := time.Now().Add(2 * time.Hour).Unix() }", set()),
    ("php", "<?php $iat = microtime(true);", {"timestamp_not_integer"}),
    ("php", "<?php $exp = time() + 3 * 24 * 3600;", {"lifetime_too_long"}),
    ("ruby", "exp = Time.now.to_i + 300", {"lifetime_too_short"}),
    ("ruby", "exp = 2.hours.from_now.to_i", set()),
    ("python", "exp = datetime.utcnow() + timedelta(minutes=5)", {"lifetime_too_short"}),
    ("python", "exp = datetime.now(timezone.utc) + timedelta(hours=2)", set()),
    # payloads
    ("javascript", "const p = { iss: API_KEY, exp: Math.floor(Date.now() / 1000) + 3600 };", {"wrong_token_kind"}),
    ("javascript", "const p = { appKey: k, mn, role, iat, exp };\np.tokenExp = exp;", set()),
    ("javascript", "const p = { ...base, mn, role, iat, exp };", set()),
    ("javascript", "jwt.sign({ appKey: k, sdkKey: k, mn, role, tokenExp: t }, secret, { expiresIn: '2h' })", set()),
    (
        "javascript",
        "jwt.sign({ appKey: k, sdkKey: k, mn, role, tokenExp: t }, secret, { expiresIn: 60 })",
        {"lifetime_too_short"},
    ),
    ("javascript", "jwt.sign({ appKey: k, mn, role, tokenExp: t }, secret)", {"missing_exp"}),
    ("javascript", "client.join({ sdkKey: key, signature, meetingNumber, password, userName });", set()),
    (
        "python",
        "payload = {'appKey': SDK_SECRET, 'mn': mn, 'role': 1, 'iat': iat, 'exp': exp, 'tokenExp': exp}",
        {"app_key_is_secret"},
    ),
    (
        "python",
        "payload = {'sdkKey': key, 'mn': mn, 'role': 1, 'iat': iat, 'exp': exp, 'tokenExp': exp}",
        {"missing_app_key"},
    ),
    ("python", "payload = {'appKey': key, 'role': 1, 'iat': iat, 'exp': exp, 'tokenExp': exp}", {"missing_mn"}),
    ("python", "payload = {'appKey': key, 'mn': mn, 'iat': iat, 'exp': exp, 'tokenExp': exp}", {"missing_role"}),
    ("python", "payload = {'appKey': key, 'mn': mn, 'role': 1, 'exp': exp, 'tokenExp': exp}", {"missing_iat"}),
    ("python", "payload = {'appKey': key, 'mn': mn, 'role': 1, 'iat': iat}", {"missing_exp", "missing_token_exp"}),
    (
        "python",
        "payload = {'appKey': key, 'mn': mn, 'role': '1', 'iat': iat, 'exp': exp, 'tokenExp': exp}",
        {"role_not_number"},
    ),
    (
        "go",
        'package m\nfunc f() { c := jwt.MapClaims{"appKey": k, "mn": m, "role": 1, "iat": i, "exp": e} }',
        {"missing_token_exp"},
    ),
    (
        "csharp",
        'var p = new Dictionary<string, object> { { "appKey", k }, { "meetingNumber", m }, { "role", 1 }, '
        '{ "iat", i }, { "exp", e }, { "tokenExp", e } };',
        {"meeting_number_claim_name"},
    ),
    ("ruby", "payload = { appKey: k, mn: m, role: params[:role], iat: i, exp: e, tokenExp: e }", {"role_not_number"}),
    (
        "php",
        "<?php $p = ['appKey' => $k, 'mn' => $m, 'role' => (int) $_POST['role'], 'iat' => $i, 'exp' => $e, "
        "'tokenExp' => $e];",
        set(),
    ),
    # the secret
    ("javascript", "const secret = process.env.NEXT_PUBLIC_ZOOM_SECRET;", {"secret_in_browser"}),
    ("javascript", "const secret = document.getElementById('secret').value;", {"secret_in_browser"}),
    ("javascript", "const secret = process.env.ZOOM_MEETING_SDK_SECRET;", set()),
    ("javascript", "const hash = CryptoJS.HmacSHA256(msg, key);\ndocument.title = 'signed';", {"secret_in_browser"}),
    ("python", "secret = Path('secret.txt').read_text()", {"secret_whitespace"}),
    ("python", "secret = Path('secret.txt').read_text().strip()", set()),
    ("python", "key = hmac.new(base64.b64decode(sdk_secret), msg, hashlib.sha256)", {"base64_decoded_secret"}),
    ("ruby", "secret = File.read('secret.txt')", {"secret_whitespace"}),
    ("ruby", "secret = File.read('secret.txt').chomp", set()),
    (
        "go",
        'package m\nfunc f() { mac := hmac.New(sha256.New, []byte("Zx8Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk0Lm")) }',
        {"hardcoded_secret"},
    ),
    ("csharp", 'const string Secret = "your-client-secret-here";', set()),
    ("csharp", "var c = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), Alg);", set()),
    ("php", "<?php $secret = trim(file_get_contents('/run/secrets/zoom'));", set()),
    (
        "java",
        'String t = Jwts.builder().signWith(SignatureAlgorithm.HS256, "s3cr3tKeyValue1234567890abcdefgh").compact();',
        {"base64_decoded_secret", "hardcoded_secret"},
    ),
    # the call and the format
    (
        "javascript",
        "function generateSignature(key, secret, meetingNumber, role) {}\ngenerateSignature(meetingNumber, 0);",
        {"app_key_is_meeting_number"},
    ),
    ("python", "sig = generate_signature(SDK_KEY, SDK_SECRET, mn, 0)", set()),
    ("python", "token = '.'.join([api_key, meeting_number, str(ts), str(role), digest])", {"legacy_signature_format"}),
    (
        "ruby",
        'sig = Base64.strict_encode64("#{api_key}.#{meeting_number}.#{ts}.#{role}.#{hash}")',
        {"legacy_signature_format"},
    ),
    ("go", 'package m\nfunc f() { mn := "857 4606 5432" }', {"mn_not_digits"}),
    ("java", 'String mn = "857-4606-5432".replaceAll("\\\\D", "");', set()),
    ("javascript", "let cachedSignature = generateSignature(key, secret, mn, 0);", {"expired"}),
]


@pytest.mark.parametrize(("language", "code", "expected"), SNIPPETS, ids=[f"{s[0]}:{s[1][:40]}" for s in SNIPPETS])
def test_labelled_snippets(language, code, expected):
    review = review_code(code, language)
    assert {f.code for f in review.findings} == expected, review.findings


def test_the_snippets_cover_every_language():
    assert {language for language, _, _ in SNIPPETS} == set(GRAMMARS)


@pytest.mark.parametrize(
    ("lifetime", "code"),
    [
        (MIN_LIFETIME_SECONDS - 1, "lifetime_too_short"),
        (MIN_LIFETIME_SECONDS, None),
        (MIN_LIFETIME_SECONDS + 1, None),
        (MAX_LIFETIME_SECONDS - 1, None),
        (MAX_LIFETIME_SECONDS, None),
        (MAX_LIFETIME_SECONDS + 1, "lifetime_too_long"),
    ],
)
@pytest.mark.parametrize("language", ["javascript", "python"])
def test_lifetime_limits(lifetime, code, language):
    statement = f"const exp = iat + {lifetime};" if language == "javascript" else f"exp = iat + {lifetime}"
    assert review_code(statement, language).codes == ([code] if code else [])


def test_a_lifetime_written_as_a_product_or_a_named_constant_is_evaluated():
    code = "const TEN_MINUTES = 60 * 10;\nconst iat = Math.floor(Date.now() / 1000);\nconst exp = iat + TEN_MINUTES;"
    finding = review_code(code, "javascript").findings[0]
    assert (finding.code, finding.line, "600 s" in finding.message) == ("lifetime_too_short", 3, True)


SECRET = "Qm7Zt2Lp9Xw4Rk8Vn3Hs6Jd1Fb5Gc0Ya"


def test_a_hardcoded_secret_is_masked_everywhere_it_appears():
    code = f'const SDK_SECRET = "{SECRET}";\n// was {SECRET} before\nconst sig = CryptoJS.HmacSHA256(msg, SDK_SECRET);'
    review = review_code(code, "javascript")
    assert review.codes[0] == "hardcoded_secret"
    assert SECRET not in review.masked_text and SECRET not in json.dumps(review.as_dict())
    assert review.masked_text.count(MASK * len(SECRET)) == 2
    assert review.secrets_masked == 1
    assert review.findings[0].excerpt == f'const SDK_SECRET = "{MASK * len(SECRET)}";'


def test_a_literal_passed_as_the_key_is_masked_even_without_a_secret_name():
    review = review_code(f"mac = hmac.new(b'{SECRET}', msg, hashlib.sha256).digest()", "python")
    assert "hardcoded_secret" in review.codes and SECRET not in review.masked_text


def test_names_of_cookies_files_and_variables_are_not_masked():
    review = review_code("const secret = getCookie('secretCookie') || readFileSync('/etc/zoom-secret.txt');")
    assert "secretCookie" in review.masked_text and "/etc/zoom-secret.txt" in review.masked_text


def test_every_code_reported_is_known_and_the_token_doctors_codes_keep_their_meaning():
    assert set(CODE_ONLY) & set(FINDING_CODES) <= {"wrong_token_kind"}
    assert all(REVIEW_CODES[code] == FINDING_CODES[code] for code in FINDING_CODES)
    for name, label in LABELS.items():
        assert all(entry.split()[1] in REVIEW_CODES for entry in label["findings"]), name


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(ReviewInputError, match="unknown language 'cobol'"):
        review_code("x", "cobol")
    with pytest.raises(ReviewInputError, match="paste at most"):
        review_code("x" * 300_000)


def test_empty_or_unrelated_code_says_nothing_was_recognised():
    assert review_code("", "python").verdict.startswith("No signing code recognised")
    assert review_code("print('hello')", "python").findings == ()


code_pieces = st.sampled_from(
    [
        "const ",
        "x",
        " = ",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ",",
        ";",
        "\n",
        "'",
        '"',
        "`",
        "${",
        "Date.now()",
        "/ 1000",
        "btoa(",
        "iat",
        "exp",
        "mn",
        "role",
        ": ",
        "=>",
        "return ",
        "secret",
        "+ ",
        ".",
        "def ",
        "<?php",
        "$",
        "#{",
        "...",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=300) | st.lists(code_pieces, max_size=60).map("".join),
    language=st.sampled_from([None, *GRAMMARS]),
)
def test_review_never_raises_on_any_text(text, language):
    review = review_code(text, language)
    assert review.language in GRAMMARS
    for finding in review.findings:
        assert finding.code in REVIEW_CODES and finding.line >= 1 and finding.column >= 1


def test_the_command_line_reviews_each_line_in_order():
    lines = [
        {"code": (CORPUS / "buggy.rb").read_text(), "id": "rb"},
        {"code": reference_signer("python"), "language": "py"},
        "not json",
        {"code": 3},
        {"code": "x", "language": "cobol"},
        {"code": f'SECRET = "{SECRET}"'},
    ]
    process, outputs = run_cli("review", lines)
    assert process.returncode == 1 and process.stderr == ""
    assert [list(o) for o in outputs[:2]] == [
        ["id", "language", "token_family", "findings", "verdict"],
        ["language", "token_family", "findings", "verdict"],
    ]
    assert outputs[0]["language"] == "ruby" and outputs[1]["findings"] == []
    assert list(outputs[0]["findings"][0]) == [
        "code",
        "severity",
        "line",
        "column",
        "excerpt",
        "message",
        "fix",
        "bug_id",
    ]
    assert [o.get("error", {}).get("name") for o in outputs[2:5]] == ["JSONDecodeError", "InputError", "InputError"]
    assert "unknown language" in outputs[4]["error"]["message"]
    assert outputs[5]["findings"][0]["code"] == "hardcoded_secret" and SECRET not in process.stdout


def test_the_command_line_help_lists_the_fields():
    process = subprocess.run(
        [sys.executable, "-m", "lib", "review", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert "language, findings (code, severity, line, column, excerpt, message, fix, bug_id), verdict" in process.stdout


def test_the_corpus_files_are_short_and_ours():
    for name in LABELS:
        assert (ROOT / name).stat().st_size < 4000, name  # short signers we wrote, not other people's files
    assert set(LABELS) >= {
        f"tests/data/review/{path.name}" for path in CORPUS.iterdir() if path.is_file() and path.suffix != ".json"
    }


PHP_FUNCTION = """function zoom_signature($key, $secret, $meetingNumber, $role) {
    $iat = time();
    $payload = ['appKey' => $key, 'mn' => $meetingNumber, 'role' => $role, 'iat' => $iat, 'exp' => $iat + 600];
    return \\Firebase\\JWT\\JWT::encode($payload, $secret, 'HS256');
}"""


@pytest.mark.parametrize("language", [None, "php"])
def test_php_pasted_without_its_tag_is_read_as_php(language):
    review = review_code(PHP_FUNCTION, language)
    assert review.language == "php" and review.recognised
    assert [(f.line, f.code) for f in review.findings] == [(3, "missing_token_exp"), (3, "lifetime_too_short")]


LEGACY_SIGNERS = sorted((CORPUS / "rules" / "legacy_signature_format").iterdir())
EXTENSIONS = {".js": "javascript", ".ts": "typescript", ".py": "python", ".php": "php", ".go": "go", ".java": "java"}
EXTENSIONS |= {".cs": "csharp", ".rb": "ruby"}


def test_the_pre_2022_signers_cover_every_language():
    assert {EXTENSIONS[path.suffix] for path in LEGACY_SIGNERS} == set(GRAMMARS)


@pytest.mark.parametrize("path", LEGACY_SIGNERS, ids=[p.name for p in LEGACY_SIGNERS])
def test_the_pre_2022_format_is_found_and_its_own_milliseconds_and_base64_are_not_reported(path):
    review = review_code(path.read_text(), EXTENSIONS[path.suffix])
    assert "legacy_signature_format" in review.codes
    jwt_only = REVIEW_RULES["legacy_signature_format"].suppresses
    assert jwt_only >= {"timestamp_milliseconds", "standard_base64", "bare_signature"}
    assert not set(review.codes) & jwt_only, review.findings


def test_a_numeric_expires_in_string_is_read_as_milliseconds_as_jsonwebtoken_does():
    code = "jwt.sign({ appKey: k, sdkKey: k, mn, role, tokenExp: t }, secret, { expiresIn: '1800' })"
    (finding,) = review_code(code, "javascript").findings
    assert finding.code == "lifetime_too_short" and "1.8 s" in finding.message and "milliseconds" in finding.message


def test_a_logged_secret_is_a_warning_on_the_line_that_logs_it():
    code = "const sdkSecret = process.env.ZOOM_SDK_SECRET;\nconsole.log('secret', sdkSecret);"
    (finding,) = review_code(code, "javascript").findings
    assert (finding.code, finding.severity, finding.line) == ("secret_logged", "warning", 2)
    assert REVIEW_CODES["secret_logged"].severity == "warning" and finding.fix


@pytest.mark.parametrize(("length", "found"), [(15, False), (16, True), (24, True), (31, True), (32, True)])
def test_a_hardcoded_secret_is_found_from_16_characters(length, found):
    secret = SECRET[:length]
    review = review_code(f"const mac = crypto.createHmac('sha256', '{secret}');", "javascript")
    assert ("hardcoded_secret" in review.codes) is found
    assert secret not in review.masked_text  # masked at every length, found or not


def test_a_secret_that_contains_another_is_masked_whole():
    short = SECRET[:20]
    code = f'SDK_SECRET = "{short}"\nCLIENT_SECRET = "{SECRET}"\nmac = hmac.new(CLIENT_SECRET.encode(), m, sha256)'
    review = review_code(code, "python")
    assert review.masked_text.count(MASK * len(SECRET)) == 1 and SECRET[20:] not in review.masked_text


def test_a_secret_quoted_by_a_finding_message_is_masked_there():
    code = f"const signature = crypto.createHmac('sha256', '{SECRET}').update(message).digest('base64');"
    review = review_code(code, "javascript")
    messages = [f.message for f in review.findings if f.code == "standard_base64"]
    assert messages and all(SECRET not in m and MASK in m for m in messages)
    assert SECRET[:8] not in json.dumps(review.as_dict())
