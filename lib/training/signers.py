"""Whole signers for the code exercises: one correct signer per language, and how each catalogue mistake is
written into it.

A signer is a small server module: a function that builds the HS256 JWT by hand (header, payload, base64url,
HMAC) and a handler that reads its inputs (the Client ID from the environment, the Client Secret from a file,
the meeting number and role as the page posts them) and calls it. A mistake is one or more text replacements
in the correct signer, so everything around it stays correct. Only the mistakes a replacement can show are
listed for a language (and none the exercises leave out: lib.training.exercises.EXERCISE_MISTAKES):
tests/test_exercise_signers.py runs every combination the exercises can draw (JavaScript
and TypeScript on Node, Python in-process) and has the code doctor review each one, in every language.

No signer has a comment: a comment naming a mistake would give the exercise away.
"""

import textwrap
from dataclasses import dataclass

OMITTED = "…"  # in a corrected snippet: the signer's lines between are left out
# The file the handler reads the Client Secret from; it was saved by an editor, so it ends in a newline.
SECRET_FILE = "zoom_sdk_secret.txt"
KEY_VARIABLE = "ZOOM_MEETING_SDK_KEY"
# Where a Next.js app keeps a value it hands to the page's JavaScript too.
PUBLIC_SECRET_VARIABLE = "NEXT_PUBLIC_ZOOM_MEETING_SDK_SECRET"
_MILLISECONDS = "a time in milliseconds hides the lifetime added to it, and when the token expires"
# Pairs no signer shows together: one hides the other, from the code doctor or from the token the signer makes.
NOT_TOGETHER = {
    frozenset({"timestamps_milliseconds", "lifetime_too_short"}): _MILLISECONDS,
    frozenset({"timestamps_milliseconds", "lifetime_too_long"}): _MILLISECONDS,
    frozenset({"timestamps_milliseconds", "expired"}): _MILLISECONDS,
    frozenset({"argument_shift", "role_string"}): "the role becomes the key: a text role signs instead of throwing",
    frozenset({"argument_shift", "secret_key_bytes"}): "the role becomes the secret, which then fails to decode",
    frozenset({"secret_key_bytes", "secret_trailing_newline"}): "base64 decoding drops the newline",
    frozenset({"key_secret_swapped", "secret_trailing_newline"}): "the newline ends up in appKey, not in the key",
    frozenset({"key_secret_swapped", "secret_key_bytes"}): "the Client ID is decoded instead (Python throws)",
    frozenset({"key_secret_swapped", "standard_base64_segments"}): "with the secret as appKey, the payload's "
    "standard base64 has no '+', '/' or '=' for this join: the token shows nothing",
}


@dataclass(frozen=True)
class Signer:
    language: str  # the code doctor's and st.code's language id
    label: str
    template: str  # the correct signer
    mistakes: dict[str, tuple[tuple[str, str], ...]]  # catalogue id -> (correct text, text with the mistake), ...
    throws: dict[str, str]  # catalogue id -> what the code throws with that mistake, instead of returning a token

    def with_mistakes(self, bug_ids) -> str | None:
        """The signer with these mistakes written in, or None when one cannot be shown in this language, two
        of them change the same text, or together they hide one another."""
        if any(pair <= set(bug_ids) for pair in NOT_TOGETHER):
            return None
        edits = []
        for bug_id in bug_ids:
            if bug_id not in self.mistakes:
                return None
            for correct, wrong in self.mistakes[bug_id]:
                if self.template.count(correct) != 1:
                    return None
                start = self.template.index(correct)
                edits.append((start, start + len(correct), wrong))
        edits.sort()
        if any(end > start for (_, end, _), (start, _, _) in zip(edits, edits[1:], strict=False)):
            return None
        pieces, position = [], 0
        for start, end, wrong in edits:
            pieces += [self.template[position:start], wrong]
            position = end
        return "".join(pieces) + self.template[position:]

    def corrected_lines(self, bug_id: str) -> str:
        """The lines of the correct signer that the mistake changes, as they should be (dedented), with a line "…"
        where lines between them are left out."""
        numbers = set()
        for correct, _ in self.mistakes[bug_id]:
            start = self.template.index(correct) + len(correct) - len(correct.lstrip("\n"))
            end = self.template.index(correct) + len(correct.rstrip("\n"))
            numbers.update(range(self.template.count("\n", 0, start), self.template.count("\n", 0, end) + 1))
        lines = textwrap.dedent("\n".join(self.template.splitlines()[number] for number in sorted(numbers)))
        shown, previous = [], None
        for number, line in zip(sorted(numbers), lines.splitlines(), strict=True):
            if previous is not None and number > previous + 1:
                shown.append(OMITTED)
            shown.append(line)
            previous = number
        return "\n".join(shown)


JAVASCRIPT = """\
const crypto = require('crypto')
const fs = require('fs')

function generateSignature(sdkKey, sdkSecret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = { appKey: sdkKey, sdkKey: sdkKey, mn: meetingNumber, role: role, iat: iat, exp: exp, tokenExp: exp }
  const encodedHeader = Buffer.from(JSON.stringify(header)).toString('base64url')
  const encodedPayload = Buffer.from(JSON.stringify(payload)).toString('base64url')
  const hmac = crypto.createHmac('sha256', sdkSecret)
  const signature = hmac.update(encodedHeader + '.' + encodedPayload).digest('base64url')
  return encodedHeader + '.' + encodedPayload + '.' + signature
}

function signatureFor(req) {
  const sdkKey = process.env.ZOOM_MEETING_SDK_KEY
  const sdkSecret = fs.readFileSync('zoom_sdk_secret.txt', 'utf8').trim()
  const meetingNumber = String(req.body.meetingNumber)
  const role = parseInt(req.body.role, 10)
  const token = generateSignature(sdkKey, sdkSecret, meetingNumber, role)
  return token
}

module.exports = { signatureFor }"""

TYPESCRIPT = """\
import * as crypto from 'crypto'
import * as fs from 'fs'
import type { Request } from 'express'

export function generateSignature(sdkKey: string, sdkSecret: string, meetingNumber: string, role: number): string {
  const iat: number = Math.floor(Date.now() / 1000)
  const exp: number = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = { appKey: sdkKey, sdkKey: sdkKey, mn: meetingNumber, role: role, iat: iat, exp: exp, tokenExp: exp }
  const encodedHeader: string = Buffer.from(JSON.stringify(header)).toString('base64url')
  const encodedPayload: string = Buffer.from(JSON.stringify(payload)).toString('base64url')
  const hmac = crypto.createHmac('sha256', sdkSecret)
  const signature: string = hmac.update(encodedHeader + '.' + encodedPayload).digest('base64url')
  return encodedHeader + '.' + encodedPayload + '.' + signature
}

export function signatureFor(req: Request): string {
  const sdkKey = process.env.ZOOM_MEETING_SDK_KEY ?? ''
  const sdkSecret = fs.readFileSync('zoom_sdk_secret.txt', 'utf8').trim()
  const meetingNumber = String(req.body.meetingNumber)
  const role = parseInt(req.body.role, 10)
  const token = generateSignature(sdkKey, sdkSecret, meetingNumber, role)
  return token
}"""

# The mistakes JavaScript and TypeScript share, in the text both signers have.
_NODE_MISTAKES = {
    "standard_base64_segments": (
        (
            "Buffer.from(JSON.stringify(header)).toString('base64url')",
            "Buffer.from(JSON.stringify(header)).toString('base64')",
        ),
        (
            "Buffer.from(JSON.stringify(payload)).toString('base64url')",
            "Buffer.from(JSON.stringify(payload)).toString('base64')",
        ),
    ),
    "standard_base64_signature": ((".digest('base64url')", ".digest('base64')"),),
    "mac_only": (("return encodedHeader + '.' + encodedPayload + '.' + signature", "return signature"),),
    "meeting_number_claim": ((" mn: meetingNumber,", " meetingNumber: meetingNumber,"),),
    "role_string": (("parseInt(req.body.role, 10)", "req.body.role"),),
    "timestamps_milliseconds": (("Math.floor(Date.now() / 1000)", "Date.now()"),),
    "lifetime_too_short": (("iat + 60 * 60 * 2", "iat + 60 * 10"),),
    "lifetime_too_long": (("iat + 60 * 60 * 2", "iat + 60 * 60 * 24 * 7"),),
    "secret_trailing_newline": (("'utf8').trim()", "'utf8')"),),
    "secret_key_bytes": (
        ("createHmac('sha256', sdkSecret)", "createHmac('sha256', Buffer.from(sdkSecret, 'base64'))"),
    ),
    "key_secret_swapped": (
        ("(sdkKey, sdkSecret, meetingNumber, role)\n", "(sdkSecret, sdkKey, meetingNumber, role)\n"),
    ),
}
_READ_SECRET = "fs.readFileSync('zoom_sdk_secret.txt', 'utf8').trim()"


def _cached(declaration: str, function: str) -> tuple[tuple[str, str], ...]:
    """The handler keeps the first token it made in a module variable and hands it out again."""
    return (
        (f"\n{function}", f"\n{declaration}\n\n{function}"),
        ("  const token = ", "  token = token || "),
    )


JAVASCRIPT_SIGNER = Signer(
    "javascript",
    "JavaScript (Node.js)",
    JAVASCRIPT,
    _NODE_MISTAKES
    | {
        "expired": _cached("let token = null", "function signatureFor"),
        "argument_shift": (("(sdkKey, sdkSecret, meetingNumber, role)\n", "(meetingNumber, role)\n"),),
        "secret_in_browser": ((_READ_SECRET, f"process.env.{PUBLIC_SECRET_VARIABLE}"),),
    },
    {
        "argument_shift": 'TypeError [ERR_INVALID_ARG_TYPE]: The "key" argument must be of type string or an instance '
        "of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received type number (0)",
    },
)

TYPESCRIPT_SIGNER = Signer(
    "typescript",
    "TypeScript (Node.js)",
    TYPESCRIPT,
    _NODE_MISTAKES
    | {
        "expired": _cached("let token = ''", "export function signatureFor"),
        "secret_in_browser": ((_READ_SECRET, f"process.env.{PUBLIC_SECRET_VARIABLE} ?? ''"),),
    },
    {},
)

PYTHON = """\
import base64
import functools
import hashlib
import hmac
import json
import os
import time

JSON_COMPACT = (",", ":")


def base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate_signature(sdk_key: str, sdk_secret: str, meeting_number: str, role: int) -> str:
    iat = int(time.time())
    exp = iat + 60 * 60 * 2
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {
        "appKey": sdk_key,
        "sdkKey": sdk_key,
        "mn": meeting_number,
        "role": role,
        "iat": iat,
        "exp": exp,
        "tokenExp": exp,
    }
    encoded_header = base64url(json.dumps(header, separators=JSON_COMPACT).encode())
    encoded_payload = base64url(json.dumps(payload, separators=JSON_COMPACT).encode())
    signing_input = f"{encoded_header}.{encoded_payload}".encode()
    mac = hmac.new(sdk_secret.encode(), signing_input, hashlib.sha256).digest()
    signature = base64url(mac)
    return f"{encoded_header}.{encoded_payload}.{signature}"


def signature_for(request) -> str:
    sdk_key = os.environ["ZOOM_MEETING_SDK_KEY"]
    with open("zoom_sdk_secret.txt", encoding="utf-8") as file:
        sdk_secret = file.read().strip()
    meeting_number = str(request.form["meetingNumber"])
    role = int(request.form["role"])
    return generate_signature(sdk_key, sdk_secret, meeting_number, role)"""

PYTHON_SIGNER = Signer(
    "python",
    "Python",
    PYTHON,
    {
        "standard_base64_segments": (
            (
                "encoded_header = base64url(json.dumps(header, separators=JSON_COMPACT).encode())",
                "encoded_header = base64.b64encode(json.dumps(header, separators=JSON_COMPACT).encode()).decode()",
            ),
            (
                "encoded_payload = base64url(json.dumps(payload, separators=JSON_COMPACT).encode())",
                "encoded_payload = base64.b64encode(json.dumps(payload, separators=JSON_COMPACT).encode()).decode()",
            ),
        ),
        "standard_base64_signature": (("signature = base64url(mac)", "signature = base64.b64encode(mac).decode()"),),
        "mac_only": (('return f"{encoded_header}.{encoded_payload}.{signature}"', "return signature"),),
        "meeting_number_claim": (('"mn": meeting_number,', '"meetingNumber": meeting_number,'),),
        "role_string": (('int(request.form["role"])', 'request.form["role"]'),),
        "timestamps_milliseconds": (("int(time.time())", "int(time.time() * 1000)"),),
        "lifetime_too_short": (("iat + 60 * 60 * 2", "iat + 60 * 10"),),
        "lifetime_too_long": (("iat + 60 * 60 * 2", "iat + 60 * 60 * 24 * 7"),),
        "secret_trailing_newline": (("file.read().strip()", "file.read()"),),
        "secret_key_bytes": (("hmac.new(sdk_secret.encode(),", "hmac.new(base64.b64decode(sdk_secret),"),),
        "key_secret_swapped": (("generate_signature(sdk_key, sdk_secret,", "generate_signature(sdk_secret, sdk_key,"),),
        "expired": (("\ndef generate_signature(", "\n@functools.cache\ndef generate_signature("),),
    },
    {},
)

PHP = """\
<?php

function base64url(string $data): string
{
    return rtrim(strtr(base64_encode($data), '+/', '-_'), '=');
}

function generateSignature($sdkKey, $sdkSecret, $meetingNumber, $role)
{
    $iat = time();
    $exp = $iat + 60 * 60 * 2;
    $header = ['alg' => 'HS256', 'typ' => 'JWT'];
    $payload = [
        'appKey' => $sdkKey,
        'sdkKey' => $sdkKey,
        'mn' => $meetingNumber,
        'role' => $role,
        'iat' => $iat,
        'exp' => $exp,
        'tokenExp' => $exp,
    ];
    $encodedHeader = base64url(json_encode($header));
    $encodedPayload = base64url(json_encode($payload));
    $mac = hash_hmac('sha256', $encodedHeader . '.' . $encodedPayload, $sdkSecret, true);
    $signature = base64url($mac);
    return $encodedHeader . '.' . $encodedPayload . '.' . $signature;
}

function signatureFor(): string
{
    $sdkKey = getenv('ZOOM_MEETING_SDK_KEY');
    $sdkSecret = trim(file_get_contents('zoom_sdk_secret.txt'));
    $meetingNumber = (string) $_POST['meetingNumber'];
    $role = (int) $_POST['role'];
    return generateSignature($sdkKey, $sdkSecret, $meetingNumber, $role);
}"""

PHP_SIGNER = Signer(
    "php",
    "PHP",
    PHP,
    {
        "standard_base64_segments": (
            (
                "$encodedHeader = base64url(json_encode($header));",
                "$encodedHeader = base64_encode(json_encode($header));",
            ),
            (
                "$encodedPayload = base64url(json_encode($payload));",
                "$encodedPayload = base64_encode(json_encode($payload));",
            ),
        ),
        "standard_base64_signature": (("$signature = base64url($mac);", "$signature = base64_encode($mac);"),),
        "mac_only": (("return $encodedHeader . '.' . $encodedPayload . '.' . $signature;", "return $signature;"),),
        "meeting_number_claim": (("'mn' => $meetingNumber,", "'meetingNumber' => $meetingNumber,"),),
        "role_string": (("(int) $_POST['role']", "$_POST['role']"),),
        "timestamps_milliseconds": (("$iat = time();", "$iat = (int) (microtime(true) * 1000);"),),
        "lifetime_too_short": (("$iat + 60 * 60 * 2", "$iat + 60 * 10"),),
        "lifetime_too_long": (("$iat + 60 * 60 * 2", "$iat + 60 * 60 * 24 * 7"),),
        "secret_trailing_newline": (
            ("trim(file_get_contents('zoom_sdk_secret.txt'))", "file_get_contents('zoom_sdk_secret.txt')"),
        ),
        "secret_key_bytes": ((", $sdkSecret, true)", ", base64_decode($sdkSecret), true)"),),
        "key_secret_swapped": (
            ("($sdkKey, $sdkSecret, $meetingNumber, $role);", "($sdkSecret, $sdkKey, $meetingNumber, $role);"),
        ),
    },
    {},
)

GO = """\
package signature

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"time"
)

func GenerateSignature(sdkKey string, sdkSecret string, meetingNumber string, role int) (string, error) {
	iat := time.Now().Unix()
	exp := iat + 60*60*2
	header, err := json.Marshal(map[string]any{"alg": "HS256", "typ": "JWT"})
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(map[string]any{
		"appKey":   sdkKey,
		"sdkKey":   sdkKey,
		"mn":       meetingNumber,
		"role":     role,
		"iat":      iat,
		"exp":      exp,
		"tokenExp": exp,
	})
	if err != nil {
		return "", err
	}
	encodedHeader := base64.RawURLEncoding.EncodeToString(header)
	encodedPayload := base64.RawURLEncoding.EncodeToString(payload)
	mac := hmac.New(sha256.New, []byte(sdkSecret))
	mac.Write([]byte(encodedHeader + "." + encodedPayload))
	signature := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	return encodedHeader + "." + encodedPayload + "." + signature, nil
}

func SignatureFor(r *http.Request) (string, error) {
	sdkKey := os.Getenv("ZOOM_MEETING_SDK_KEY")
	sdkSecret, err := os.ReadFile("zoom_sdk_secret.txt")
	if err != nil {
		return "", err
	}
	sdkSecret = bytes.TrimSpace(sdkSecret)
	meetingNumber := r.FormValue("meetingNumber")
	role, err := strconv.Atoi(r.FormValue("role"))
	if err != nil {
		return "", err
	}
	return GenerateSignature(sdkKey, string(sdkSecret), meetingNumber, role)
}"""

GO_SIGNER = Signer(
    "go",
    "Go",
    GO,
    {
        "standard_base64_segments": (
            ("encodedHeader := base64.RawURLEncoding", "encodedHeader := base64.StdEncoding"),
            ("encodedPayload := base64.RawURLEncoding", "encodedPayload := base64.StdEncoding"),
        ),
        "standard_base64_signature": (("signature := base64.RawURLEncoding", "signature := base64.StdEncoding"),),
        "meeting_number_claim": (('"mn":       meetingNumber,', '"meetingNumber": meetingNumber,'),),
        "timestamps_milliseconds": (("time.Now().Unix()", "time.Now().UnixMilli()"),),
        "lifetime_too_short": (("iat + 60*60*2", "iat + 60*10"),),
        "lifetime_too_long": (("iat + 60*60*2", "iat + 60*60*24*7"),),
        # Without TrimSpace the import of bytes goes too: Go refuses to compile an unused import.
        "secret_trailing_newline": (("\tsdkSecret = bytes.TrimSpace(sdkSecret)\n", ""), ('\t"bytes"\n', "")),
        "secret_key_bytes": (
            (
                "\tmac := hmac.New(sha256.New, []byte(sdkSecret))",
                "\tkey, _ := base64.StdEncoding.DecodeString(sdkSecret)\n\tmac := hmac.New(sha256.New, key)",
            ),
        ),
        "key_secret_swapped": (
            ("(sdkKey, string(sdkSecret), meetingNumber, role)", "(string(sdkSecret), sdkKey, meetingNumber, role)"),
        ),
    },
    {},
)

JAVA = """\
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;

public class ZoomSignature {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String generateSignature(String sdkKey, String sdkSecret, String meetingNumber, int role)
            throws Exception {
        long iat = System.currentTimeMillis() / 1000;
        long exp = iat + 60 * 60 * 2;
        Map<String, Object> header = Map.of("alg", "HS256", "typ", "JWT");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appKey", sdkKey);
        payload.put("sdkKey", sdkKey);
        payload.put("mn", meetingNumber);
        payload.put("role", role);
        payload.put("iat", iat);
        payload.put("exp", exp);
        payload.put("tokenExp", exp);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String encodedHeader = base64url.encodeToString(JSON.writeValueAsBytes(header));
        String encodedPayload = base64url.encodeToString(JSON.writeValueAsBytes(payload));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sdkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] hash = mac.doFinal((encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.UTF_8));
        String signature = base64url.encodeToString(hash);
        return encodedHeader + "." + encodedPayload + "." + signature;
    }

    public static String signatureFor(HttpServletRequest request) throws Exception {
        String sdkKey = System.getenv("ZOOM_MEETING_SDK_KEY");
        String sdkSecret = Files.readString(Path.of("zoom_sdk_secret.txt")).strip();
        String meetingNumber = request.getParameter("meetingNumber");
        int role = Integer.parseInt(request.getParameter("role"));
        return generateSignature(sdkKey, sdkSecret, meetingNumber, role);
    }
}"""

JAVA_SIGNER = Signer(
    "java",
    "Java",
    JAVA,
    {
        "standard_base64_segments": (
            (
                "String encodedHeader = base64url.encodeToString(",
                "String encodedHeader = Base64.getEncoder().encodeToString(",
            ),
            (
                "String encodedPayload = base64url.encodeToString(",
                "String encodedPayload = Base64.getEncoder().encodeToString(",
            ),
        ),
        "standard_base64_signature": (
            (
                "String signature = base64url.encodeToString(hash);",
                "String signature = Base64.getEncoder().encodeToString(hash);",
            ),
        ),
        "mac_only": (('return encodedHeader + "." + encodedPayload + "." + signature;', "return signature;"),),
        "meeting_number_claim": (
            ('payload.put("mn", meetingNumber);', 'payload.put("meetingNumber", meetingNumber);'),
        ),
        "timestamps_milliseconds": (("System.currentTimeMillis() / 1000", "System.currentTimeMillis()"),),
        "lifetime_too_short": (("iat + 60 * 60 * 2", "iat + 60 * 10"),),
        "lifetime_too_long": (("iat + 60 * 60 * 2", "iat + 60 * 60 * 24 * 7"),),
        "secret_trailing_newline": ((".strip();", ";"),),
        "secret_key_bytes": (("sdkSecret.getBytes(StandardCharsets.UTF_8)", "Base64.getDecoder().decode(sdkSecret)"),),
        "key_secret_swapped": (
            ("(sdkKey, sdkSecret, meetingNumber, role);", "(sdkSecret, sdkKey, meetingNumber, role);"),
        ),
    },
    {},
)

CSHARP = """\
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

public static class ZoomSignature
{
    static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string GenerateSignature(string sdkKey, string sdkSecret, string meetingNumber, int role)
    {
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = iat + 60 * 60 * 2;
        var header = new Dictionary<string, object> { { "alg", "HS256" }, { "typ", "JWT" } };
        var payload = new Dictionary<string, object>
        {
            { "appKey", sdkKey },
            { "sdkKey", sdkKey },
            { "mn", meetingNumber },
            { "role", role },
            { "iat", iat },
            { "exp", exp },
            { "tokenExp", exp },
        };
        var encodedHeader = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header));
        var encodedPayload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(sdkSecret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(encodedHeader + "." + encodedPayload));
        var signature = Base64Url(hash);
        return encodedHeader + "." + encodedPayload + "." + signature;
    }

    public static string SignatureFor(HttpRequest request)
    {
        var sdkKey = Environment.GetEnvironmentVariable("ZOOM_MEETING_SDK_KEY");
        var sdkSecret = File.ReadAllText("zoom_sdk_secret.txt").Trim();
        var meetingNumber = request.Form["meetingNumber"].ToString();
        var role = int.Parse(request.Form["role"]);
        return GenerateSignature(sdkKey, sdkSecret, meetingNumber, role);
    }
}"""

CSHARP_SIGNER = Signer(
    "csharp",
    "C#",
    CSHARP,
    {
        "standard_base64_segments": (
            (
                "var encodedHeader = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header));",
                "var encodedHeader = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(header));",
            ),
            (
                "var encodedPayload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));",
                "var encodedPayload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));",
            ),
        ),
        "standard_base64_signature": (
            ("var signature = Base64Url(hash);", "var signature = Convert.ToBase64String(hash);"),
        ),
        "mac_only": (('return encodedHeader + "." + encodedPayload + "." + signature;', "return signature;"),),
        "meeting_number_claim": (('{ "mn", meetingNumber },', '{ "meetingNumber", meetingNumber },'),),
        "timestamps_milliseconds": (("ToUnixTimeSeconds()", "ToUnixTimeMilliseconds()"),),
        "lifetime_too_short": (("iat + 60 * 60 * 2", "iat + 60 * 10"),),
        "lifetime_too_long": (("iat + 60 * 60 * 2", "iat + 60 * 60 * 24 * 7"),),
        "secret_trailing_newline": (
            ('File.ReadAllText("zoom_sdk_secret.txt").Trim()', 'File.ReadAllText("zoom_sdk_secret.txt")'),
        ),
        "secret_key_bytes": (
            (
                "new HMACSHA256(Encoding.UTF8.GetBytes(sdkSecret))",
                "new HMACSHA256(Convert.FromBase64String(sdkSecret))",
            ),
        ),
        "key_secret_swapped": (
            ("(sdkKey, sdkSecret, meetingNumber, role);", "(sdkSecret, sdkKey, meetingNumber, role);"),
        ),
    },
    {},
)

SIGNERS = {
    signer.language: signer
    for signer in (
        JAVASCRIPT_SIGNER,
        TYPESCRIPT_SIGNER,
        PYTHON_SIGNER,
        PHP_SIGNER,
        GO_SIGNER,
        JAVA_SIGNER,
        CSHARP_SIGNER,
    )
}
