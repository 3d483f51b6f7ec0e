"""Ways libraries and runtimes turn a secret string into HMAC key bytes other than its UTF-8 text.

Zoom keys the HMAC with the secret's text (UTF-8; Client Secrets are ASCII). Each way here is one
forensic candidate (lib.mistakes.forensics re-signs with it, and only an exact match counts), named by
its finding code, with the libraries that do it and the fix. PHP's firebase/php-jwt, Go's []byte(secret),
Ruby's jwt, PyJWT and npm jsonwebtoken all use the UTF-8 bytes: their tokens verify.
"""

import binascii
import re
from collections.abc import Callable
from typing import NamedTuple

from lib.javascript.legacy import node_base64_decode
from lib.signing.encoding import jsrsasign_hmac_key

_BASE64_VALUES = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_PADDING = 127  # what JAXB's decode map gives '='
_NOT_JAXB_BASE64 = re.compile(r"[^A-Za-z0-9+/=]")


def _jaxb_guess_length(text: str) -> int:
    """JAXB's guessLength: the size of the buffer it decodes into, from the raw text (skipped characters count)."""
    upper_bound = len(text) // 4 * 3
    padding = len(text) - len(text.rstrip("="))
    before = text[len(text) - padding - 1] if padding < len(text) else ""
    if padding > 2 or (before and before not in _BASE64_VALUES):
        return upper_bound
    return upper_bound - padding


def jaxb_base64_decode(text: str) -> bytes:
    """javax.xml.bind.DatatypeConverter.parseBase64Binary, which jjwt 0.9's signWith(alg, String) uses on a JVM:
    other ASCII characters are skipped, '=' is padding, and an incomplete last group of four is dropped.

    Raises ValueError where JAXB throws ArrayIndexOutOfBoundsException instead: a character outside ASCII (its
    decode map has 128 entries), or '=' placed so that its size guess is too small (e.g. "AAAA=")."""
    if not text.isascii():
        raise ValueError("JAXB's decode map has 128 entries: a character outside ASCII throws")
    letters = _NOT_JAXB_BASE64.sub("", text)
    letters = letters[: len(letters) - len(letters) % 4]  # the incomplete last group is dropped
    if "=" not in text:  # the usual case: whole groups of the standard alphabet, within the guessed size
        return binascii.a2b_base64(letters)
    values = [_PADDING if c == "=" else _BASE64_VALUES[c] for c in letters]
    out = bytearray()
    for i in range(0, len(values) - 3, 4):
        a, b, c, d = values[i : i + 4]
        out.append(((a << 2) | (b >> 4)) & 0xFF)
        if c != _PADDING:
            out.append(((b << 4) | (c >> 2)) & 0xFF)
        if d != _PADDING:
            out.append(((c << 6) | d) & 0xFF)
    if len(out) > _jaxb_guess_length(text):
        raise ValueError("JAXB writes past the buffer its size guess made")
    return bytes(out)


def _jsrsasign(mode):
    """jsrsasign's key bytes where it reads the secret in this mode, else None."""

    def key(secret):
        found_mode, key_bytes = jsrsasign_hmac_key(secret)
        return key_bytes if found_mode == mode else None

    return key


def _safely(transform):
    """The transform's bytes, or None where it cannot take this secret."""

    def key(secret):
        try:
            return transform(secret)
        except (UnicodeError, ValueError):
            return None

    return key


class KeyBytes(NamedTuple):
    code: str  # the finding code that names it
    how: str  # what the key bytes were, for the message
    bytes_were: str  # the same, after "N bytes" in the evidence (with its leading space or comma)
    libraries: str  # who does it
    key: Callable[[str], bytes | None]  # the key bytes, or None where this way does not apply (forensics
    # also passes over bytes equal to the secret's UTF-8: then this way proves nothing)
    fix: str


_UTF8_FIX = "Pass the secret's own text (UTF-8 bytes) as the HMAC key, unchanged."
# jjwt 0.10+'s Keys.hmacShaKeyFor alone picks HS384 or HS512 for a key of 48 bytes or more: name HS256.
_JJWT_FIX = (
    " In jjwt: signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8)), SignatureAlgorithm.HS256) in 0.10 and 0.11, "
    "signWith(key, Jwts.SIG.HS256) in 0.12, or signWith(SignatureAlgorithm.HS256, secret.getBytes(UTF_8)) in 0.9."
)
_POWERSHELL_FIX = (
    "Read the file as text, without its byte-order mark and trimmed (PowerShell: (Get-Content path -Raw).Trim(); "
    "Node: fs.readFileSync(path, 'utf16le').replace(/^\\ufeff/, '').trim()), or write it without a byte-order "
    "mark (PowerShell 7's default; in Windows PowerShell 5.1, Set-Content -Encoding ascii -NoNewline)."
)
KEY_BYTES = (
    KeyBytes(
        "hex_secret",
        "the secret read as hex bytes",
        " parsed from hex",
        "jsrsasign (Zoom's official sample) reads an even-length secret made only of 0-9, a-f, A-F as hex, as do "
        "Go's hex.DecodeString and Python's bytes.fromhex",
        _jsrsasign("hex"),
        "A real Client Secret is not all-hex: check you pasted the right value. To sign such a secret as text "
        "with jsrsasign, pass it as {utf8: secret}.",
    ),
    KeyBytes(
        "latin1_secret_bytes",
        "one byte per character of the secret (the low byte of each UTF-16 unit)",
        ", one per character",
        "jsrsasign keeps the low byte of each UTF-16 unit of a non-hex secret, as Node's Buffer.from(secret, "
        "'latin1') does (Python's 'latin-1' codec and Java's ISO_8859_1 differ above U+00FF: they raise or write '?')",
        _jsrsasign("rstrtohex"),
        "Use the secret's UTF-8 bytes; a real Client Secret is plain ASCII, so check the pasted value too.",
    ),
    KeyBytes(
        "base64_decoded_secret",
        "the base64-decoded bytes of the secret",
        " decoded from base64",
        "Node's Buffer.from(secret, 'base64'), .NET Convert.FromBase64String, Python's base64.b64decode, jjwt 0.9 "
        "signWith(alg, String) for a secret of the standard base64 alphabet whose length is a multiple of 4",
        _safely(node_base64_decode),
        _UTF8_FIX + _JJWT_FIX,
    ),
    KeyBytes(
        "base64_truncated_secret",
        "the secret base64-decoded with its incomplete last group of four characters dropped",
        " decoded from base64, the incomplete last group dropped",
        "jjwt 0.9's signWith(SignatureAlgorithm.HS256, String) treats the string as base64 (JAXB's "
        "DatatypeConverter.parseBase64Binary), skipping other ASCII characters",
        _safely(jaxb_base64_decode),
        _UTF8_FIX + _JJWT_FIX,
    ),
    KeyBytes(
        "utf16_secret",
        "the secret in UTF-16 (two bytes per character)",
        " in UTF-16LE",
        ".NET's Encoding.Unicode.GetBytes and Java's getBytes(UTF_16LE) write little-endian UTF-16 (Java's "
        'getBytes("UTF-16"), big-endian after a byte-order mark, is rarer and not tried)',
        _safely(lambda s: s.encode("utf-16-le")),
        _UTF8_FIX + " In .NET: Encoding.UTF8.GetBytes(secret).",
    ),
    KeyBytes(
        "bom_secret",
        "the secret with a UTF-8 byte-order mark in front",
        " in UTF-8 after a byte-order mark",
        "a secret read from a file saved as UTF-8 with a byte-order mark (Notepad's 'UTF-8 with BOM', and its "
        "'UTF-8' before Windows 10 1903; Windows PowerShell 5.1's Out-File -Encoding UTF8)",
        _safely(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
        "Save the file as UTF-8 without BOM, or strip '\\ufeff' where the secret is read.",
    ),
    KeyBytes(
        "utf16_bom_secret",
        "the secret in UTF-16 after a byte-order mark",
        " in UTF-16LE after a byte-order mark",
        "a secret read as bytes from a file written by Windows PowerShell 5.1's Out-File or '>', which write "
        "UTF-16LE with a byte-order mark by default",
        _safely(lambda s: b"\xff\xfe" + s.encode("utf-16-le")),
        _POWERSHELL_FIX,
    ),
    KeyBytes(
        "utf16_bom_secret",
        "the secret in UTF-16 after a byte-order mark, with the line break Out-File writes after it",
        " in UTF-16LE after a byte-order mark, with a final CR LF",
        "a secret read as bytes from a file written by Windows PowerShell 5.1's Out-File or '>', which write "
        "UTF-16LE with a byte-order mark and a final line break by default",
        _safely(lambda s: b"\xff\xfe" + (s + "\r\n").encode("utf-16-le")),
        _POWERSHELL_FIX,
    ),
    KeyBytes(
        "ascii_replaced_secret",
        "the secret in ASCII, every other character replaced by '?'",
        " in ASCII with '?' for every other character",
        ".NET's Encoding.ASCII.GetBytes replaces characters outside ASCII by '?'",
        _safely(lambda s: s.encode("ascii", "replace")),
        _UTF8_FIX + " In .NET: Encoding.UTF8.GetBytes(secret); and check the pasted secret, which is ASCII.",
    ),
)
KEY_BYTES_CODES = tuple(dict.fromkeys(way.code for way in KEY_BYTES))
