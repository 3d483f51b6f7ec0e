"""Each forensic re-signing, one test per variant: a token signed the way that mistake signs is named by that
variant and no other, with the evidence that says which form of the secret (or which text) was signed.

Tokens are signed independently of lib.mistakes.forensics: PyJWT with the mistaken key bytes, or HMAC by hand where
PyJWT cannot make the mistake (standard base64 segments) or refuses the key (the one-character role secrets).
Removing any candidate from lib.mistakes.forensics makes its test here fail: no neighbour reproduces the same MAC,
and where the pasted secret and a fixed whitespace variant would both match, the evidence tells them apart.
"""

import base64
import hashlib
import hmac
import json
import re
import subprocess

import jwt
import pytest

from lib.doctor.diagnosis import diagnose
from lib.javascript.legacy import node_base64_decode
from lib.mistakes.forensics import MISTAKE_CODES
from lib.mistakes.key_bytes import jaxb_base64_decode
from lib.signing.encoding import secret_fingerprint
from support.doctor_cases import DROP, NOW, SECRET, good_payload

MEETING = 85746065432
KEY = "abcDEF123ghiJKL456mnoPqrsTUV789wx"  # 32+ bytes: PyJWT refuses shorter HMAC keys in these tests
OTHER_KEY = "SomethingElseInTheToken-0123456789"


def claims(**changes):
    """A correct payload with this file's key; a change to DROP leaves the claim out."""
    return good_payload(**({"appKey": KEY, "sdkKey": KEY} | changes))


def signed(key: bytes, **changes) -> str:
    return jwt.encode(claims(**changes), key, algorithm="HS256")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hand_signed(key: bytes, payload: dict, *, standard_base64_signing_input=False) -> str:
    """header.payload.signature with the HMAC computed by hand, over the token's own segments or over the
    standard base64 (btoa) form of the same JSON."""
    header_json = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode()
    payload_json = json.dumps(payload, separators=(",", ":")).encode()
    signing_input = f"{b64url(header_json)}.{b64url(payload_json)}"
    signed_text = signing_input
    if standard_base64_signing_input:
        signed_text = f"{base64.b64encode(header_json).decode()}.{base64.b64encode(payload_json).decode()}"
        assert signed_text != signing_input, "the case must have '+', '/' or '=' in standard base64"
    mac = hmac.digest(key, signed_text.encode(), hashlib.sha256)
    return f"{signing_input}.{b64url(mac)}"


def forensic(checked):
    """The forensic findings of a diagnosis as (code, evidence)."""
    return [(f.code, f.evidence) for f in checked.findings if f.code in MISTAKE_CODES]


def only_forensic(checked):
    found = forensic(checked)
    assert checked.verified is False and checked.has("signature_mismatch")
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------- whitespace


@pytest.mark.parametrize(
    "signed_with, words",
    [
        pytest.param(SECRET + "\n", ("line feed", "end"), id="trailing-lf"),
        pytest.param(SECRET + "\r\n", ("\\r\\n", "end"), id="trailing-crlf"),
        pytest.param(SECRET + " ", ("space", "end"), id="trailing-space"),
        pytest.param(SECRET + "\t", ("tab", "end"), id="trailing-tab"),
        pytest.param(" " + SECRET, ("space", "start"), id="leading-space"),
        pytest.param("\n" + SECRET, ("line feed", "start"), id="leading-lf"),
    ],
)
def test_each_whitespace_variant_is_proven_and_says_which_whitespace(signed_with, words):
    """The user gives the clean secret; the server signed with whitespace. The fingerprint in the evidence
    is that of exactly the whitespace form that signed, so a neighbouring variant cannot stand in."""
    checked = diagnose(signed(signed_with.encode()), secret=SECRET, now=NOW)
    code, evidence = only_forensic(checked)
    assert code == "secret_whitespace"
    assert evidence["secret_used"] == secret_fingerprint(signed_with)
    assert all(word in evidence["whitespace"] for word in words), evidence["whitespace"]
    assert "pasted" not in evidence["whitespace"]


@pytest.mark.parametrize(
    "pasted",
    [
        pytest.param("\t" + SECRET, id="leading-tab"),
        pytest.param(SECRET + "\n\n", id="two-trailing-lf"),
        pytest.param(" " + SECRET + " ", id="spaces-both-sides"),
        pytest.param(SECRET + " \r\n", id="space-then-crlf"),
    ],
)
def test_the_pasted_whitespace_is_tried_as_it_was_pasted(pasted):
    """Whitespace no fixed variant covers: only the secret exactly as pasted reproduces the signature."""
    checked = diagnose(signed(pasted.encode()), secret=pasted, now=NOW)
    assert checked.has("secret_trimmed")
    code, evidence = only_forensic(checked)
    assert code == "secret_whitespace"
    assert "pasted" in evidence["whitespace"]
    assert evidence["secret_used"] == secret_fingerprint(pasted)


@pytest.mark.parametrize("whitespace", ["\n", "\r\n", " ", "\t"], ids=["lf", "crlf", "space", "tab"])
def test_pasted_whitespace_that_a_fixed_variant_also_covers_is_reported_as_pasted(whitespace):
    """The secret as pasted is tried before the fixed variants, so the user is told it is their own paste."""
    pasted = SECRET + whitespace
    code, evidence = only_forensic(diagnose(signed(pasted.encode()), secret=pasted, now=NOW))
    assert code == "secret_whitespace" and "pasted" in evidence["whitespace"]
    assert evidence["secret_used"] == secret_fingerprint(pasted)


def test_whitespace_no_variant_covers_and_not_pasted_is_not_explained_away():
    """Limit of the whitespace variants: two trailing line feeds, with the clean secret given, are not named."""
    checked = diagnose(signed((SECRET + "\n\n").encode()), secret=SECRET, now=NOW)
    assert checked.has("signature_mismatch") and forensic(checked) == []


# ------------------------------------------------------------------------------ key as secret


def test_key_from_the_context_is_tried_when_the_token_carries_another():
    token = signed(KEY.encode(), appKey=OTHER_KEY, sdkKey=OTHER_KEY)
    assert forensic(diagnose(token, secret=SECRET, now=NOW)) == []  # without the context, nothing to try
    code, evidence = only_forensic(diagnose(token, secret=SECRET, sdk_key=KEY, now=NOW))
    assert (code, evidence) == ("signed_with_key", {"key_used": secret_fingerprint(KEY)})


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="appKey-and-sdkKey"),
        pytest.param({"sdkKey": DROP}, id="appKey-only"),
        pytest.param({"appKey": DROP}, id="sdkKey-only"),
        pytest.param({"appKey": OTHER_KEY}, id="sdkKey-differs-from-appKey"),
        pytest.param({"sdkKey": OTHER_KEY}, id="appKey-differs-from-sdkKey"),
    ],
)
def test_a_key_claim_of_the_token_is_tried_as_the_secret(changes):
    """No SDK key given: the token's own appKey / sdkKey values are tried, each of them."""
    token = signed(KEY.encode(), **changes)
    code, evidence = only_forensic(diagnose(token, secret=SECRET, now=NOW))
    assert (code, evidence) == ("signed_with_key", {"key_used": secret_fingerprint(KEY)})


# ------------------------------------------------------------------------- shifted arguments


@pytest.mark.parametrize("role_text", ["0", "1"], ids=["role-0", "role-1"])
def test_each_role_value_is_tried_as_the_secret(role_text):
    """generateSignature(meetingNumber, role) fills (key, secret, ...): the role text is the HMAC key and the
    meeting number the key claim. The key is one byte: this test is about that short key."""
    payload = claims(appKey=str(MEETING), sdkKey=str(MEETING), mn=DROP, role=DROP)
    code, evidence = only_forensic(diagnose(hand_signed(role_text.encode(), payload), secret=SECRET, now=NOW))
    assert code == "signed_with_shifted_arguments"
    assert evidence == {"secret_used": f"the role value {role_text!r}"}


# ---------------------------------------------------------------------- standard base64 input


@pytest.mark.parametrize(
    "note", ["~~~???", "ab~~~???", "a"], ids=["plus-and-slash", "plus-slash-and-padding", "padding-only"]
)
def test_hmac_over_standard_base64_segments_is_proven(note):
    token = hand_signed(SECRET.encode(), claims(note=note), standard_base64_signing_input=True)
    code, evidence = only_forensic(diagnose(token, secret=SECRET, now=NOW))
    assert code == "signed_over_standard_base64"
    assert "standard base64" in evidence["signed_text"]


# -------------------------------------------------------------------------- secret-form quirks


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param("0123456789abcdef" * 4, id="lowercase-64-hex"),
        pytest.param("0123456789ABCDEF" * 4, id="uppercase-64-hex"),
        pytest.param("00ff" * 8, id="32-hex-digits"),
    ],
)
def test_an_all_hex_even_length_secret_read_as_hex_is_proven(secret):
    """jsrsasign reads such a secret as hex bytes; the doctor signs it as text, so it does not verify."""
    key = bytes.fromhex(secret)
    # HMAC pads a key shorter than its block with zero bytes, so padding it to PyJWT's minimum gives the same MAC.
    token = jwt.encode(claims(), key.ljust(32, b"\0"), algorithm="HS256")
    code, evidence = only_forensic(diagnose(token, secret=secret, now=NOW))
    assert (code, evidence) == ("hex_secret", {"hmac_key": f"{len(key)} bytes parsed from hex"})


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param("Sécret-with-accents-éèà-0123456789", id="latin1-range"),
        pytest.param("Secret-with-euro-€-and-dash-—-0123456789", id="beyond-latin1"),
    ],
)
def test_one_byte_per_character_of_a_non_ascii_secret_is_proven(secret):
    key = bytes(ord(character) & 0xFF for character in secret)  # the low byte of each UTF-16 unit (all BMP here)
    code, evidence = only_forensic(diagnose(signed(key), secret=secret, now=NOW))
    assert (code, evidence) == ("latin1_secret_bytes", {"hmac_key": f"{len(secret)} bytes, one per character"})


RAW_KEY = b"thirty-two-bytes-of-raw-key-data>>??"


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param(base64.b64encode(RAW_KEY).decode(), id="standard-alphabet"),
        pytest.param(base64.urlsafe_b64encode(RAW_KEY).decode().rstrip("="), id="url-alphabet-unpadded"),
    ],
)
def test_a_base64_decoded_secret_is_proven(secret):
    code, evidence = only_forensic(diagnose(signed(RAW_KEY), secret=secret, now=NOW))
    assert (code, evidence) == ("base64_decoded_secret", {"hmac_key": f"{len(RAW_KEY)} bytes decoded from base64"})


JJWT_SECRET = "WildSecret0123456789abcdefghijKLMNopqrstuvwx12"  # 46 characters: a last group of two
ACCENTED_SECRET = "Sécret-with-accents-éèà-0123456789"


@pytest.mark.parametrize(
    ("secret", "key", "code", "bytes_were"),
    [
        pytest.param(
            JJWT_SECRET,
            jaxb_base64_decode(JJWT_SECRET),
            "base64_truncated_secret",
            " decoded from base64, the incomplete last group dropped",
            id="jjwt-0.9-signWith-string",
        ),
        pytest.param(SECRET, SECRET.encode("utf-16-le"), "utf16_secret", " in UTF-16LE", id="dotnet-encoding-unicode"),
        pytest.param(
            SECRET, b"\xef\xbb\xbf" + SECRET.encode(), "bom_secret", " in UTF-8 after a byte-order mark", id="bom"
        ),
        pytest.param(
            SECRET,
            b"\xff\xfe" + SECRET.encode("utf-16-le"),
            "utf16_bom_secret",
            " in UTF-16LE after a byte-order mark",
            id="powershell-5.1-out-file-read-as-bytes",
        ),
        pytest.param(
            SECRET,
            b"\xff\xfe" + (SECRET + "\r\n").encode("utf-16-le"),
            "utf16_bom_secret",
            " in UTF-16LE after a byte-order mark, with a final CR LF",
            id="powershell-5.1-out-file-with-its-line-break",
        ),
        pytest.param(
            ACCENTED_SECRET,
            ACCENTED_SECRET.encode("ascii", "replace"),
            "ascii_replaced_secret",
            " in ASCII with '?' for every other character",
            id="dotnet-encoding-ascii",
        ),
        pytest.param(
            JJWT_SECRET,
            node_base64_decode(JJWT_SECRET),
            "base64_decoded_secret",
            " decoded from base64",
            id="node-buffer-from-base64-partial-group",
        ),
    ],
)
def test_other_runtimes_key_bytes_are_proven_and_named(secret, key, code, bytes_were):
    code_found, evidence = only_forensic(diagnose(signed(key), secret=secret, now=NOW))
    assert (code_found, evidence) == (code, {"hmac_key": f"{len(key)} bytes{bytes_were}"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUJD", b"ABC"),  # whole groups
        ("QUJDRA", b"ABC"),  # the incomplete last group is dropped, not decoded as Node would
        ("QUJ\nDRA==", b"ABCD"),  # line breaks skipped; '=' is padding
        ("Q-U_JD", b"ABC"),  # the URL alphabet is not base64 to JAXB: skipped
        ("", b""),
    ],
)
def test_jaxb_decoding_as_jjwt_0_9_does(text, expected):
    assert jaxb_base64_decode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sécret0123456789abcdefghijklmnop",  # decodeMap has 128 entries: ArrayIndexOutOfBoundsException
        "QUJDRA\u2028",  # a non-ASCII character at the end too (guessLength reads it first)
        "AAAA=",  # guessLength: 5 // 4 * 3 - 1 = 2 bytes of room for 3
        "QUJDQUJD=",  # 9 // 4 * 3 - 1 = 5 bytes of room for 6
    ],
)
def test_jaxb_throws_where_jjwt_0_9_throws(text):
    """jjwt 0.9 would have thrown on these secrets, so no token was ever signed with their JAXB bytes."""
    with pytest.raises(ValueError):
        jaxb_base64_decode(text)


@pytest.mark.parametrize(
    ("secret", "same_key_as"),
    [
        ("ThisIsASecretf", "ThisIsASecret"),  # jjwt #248: the trailing 1-3 characters are dropped
        ("ThisIsASecretff", "ThisIsASecret"),
        ("secr", "secret"),  # jjwt #79: "secret" and "secr" both verify
    ],
)
def test_jaxb_drops_what_jjwt_users_saw_dropped(secret, same_key_as):
    assert jaxb_base64_decode(secret) == jaxb_base64_decode(same_key_as)
    assert jaxb_base64_decode("ThisIsASecretfff") != jaxb_base64_decode("ThisIsASecret")


def test_the_jjwt_variant_does_not_explain_a_secret_jjwt_throws_on():
    """A non-ASCII secret: jjwt 0.9 throws, so the JAXB candidate must not claim the signature."""
    secret = "Sécret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"
    letters = re.sub(r"[^A-Za-z0-9+/=]", "", secret)
    key = base64.b64decode(letters[: len(letters) // 4 * 4])  # what a decoder that skipped 'é' would give
    checked = diagnose(signed(key), secret=secret, now=NOW)
    assert "base64_truncated_secret" not in checked.codes


@pytest.mark.node
def test_node_base64_decoding_is_nodes(tmp_path):
    samples = ["QUJD", "QUI", "Q", "QU=JD", "a-b_cd", JJWT_SECRET, "ab cd!ef", "Zm9v\nYmFy"]
    script = "for (const s of JSON.parse(process.argv[1])) console.log(Buffer.from(s, 'base64').toString('hex'))"
    output = subprocess.run(["node", "-e", script, json.dumps(samples)], capture_output=True, text=True, timeout=30)
    assert output.returncode == 0, "node is needed: bash .ci/run installs it"
    assert output.stdout.split("\n")[: len(samples)] == [node_base64_decode(s).hex() for s in samples]


def test_every_forensic_code_has_a_variant_test_here():
    """A new forensic candidate needs its own test in this file."""
    tested = {
        "secret_whitespace",
        "signed_with_key",
        "signed_with_shifted_arguments",
        "signed_over_standard_base64",
        "hex_secret",
        "latin1_secret_bytes",
        "base64_decoded_secret",
        "base64_truncated_secret",
        "utf16_secret",
        "bom_secret",
        "utf16_bom_secret",
        "ascii_replaced_secret",
    }
    assert tested == set(MISTAKE_CODES)


@pytest.mark.node
def test_a_node_signer_keyed_with_a_powershell_secret_file_is_named(tmp_path):
    """Windows PowerShell 5.1's `$secret | Out-File secret.txt` writes FF FE, the UTF-16LE text and CR LF; a Node
    signer that keys the HMAC with fs.readFileSync('secret.txt') (a Buffer) signs with all of those bytes."""
    secret_file = tmp_path / "secret.txt"
    secret_file.write_bytes(b"\xff\xfe" + (SECRET + "\r\n").encode("utf-16-le"))
    header_json = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode()
    signing_input = f"{b64url(header_json)}.{b64url(json.dumps(claims(), separators=(',', ':')).encode())}"
    script = (
        "const [file, text] = process.argv.slice(1);"
        "process.stdout.write(require('crypto').createHmac('sha256', require('fs').readFileSync(file))"
        ".update(text).digest('base64url'))"
    )
    node = subprocess.run(["node", "-e", script, str(secret_file), signing_input], capture_output=True, text=True)
    assert node.returncode == 0, node.stderr
    code, evidence = only_forensic(diagnose(f"{signing_input}.{node.stdout}", secret=SECRET, now=NOW))
    assert code == "utf16_bom_secret" and "CR LF" in evidence["hmac_key"]
