"""base64_decoded_secret: the secret base64-decoded before it keys the HMAC (explicitly, or by jjwt 0.9's
signWith(SignatureAlgorithm, String))."""

import re

from lib.review.program import Program, is_secretish, matches
from lib.review.reading import string_value
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.values import DECODES


def check(program: Program):
    for call in program.calls:
        decodes = matches(call, DECODES) or (
            call.callee == "Buffer.from"
            and len(call.args) > 1
            and string_value(program.parsed, call.args[1]) == "base64"
        )
        if decodes and call.args and is_secretish(node_text(call.args[0])):
            program.hit(
                "base64_decoded_secret",
                call.node,
                "The secret is base64-decoded before signing; Zoom signs with the secret's own bytes (UTF-8).",
                "Use the secret as text: its UTF-8 bytes are the HMAC key.",
            )
        if call.name == "signWith" and len(call.args) == 2 and "SignatureAlgorithm." in node_text(call.args[0]):
            key = node_text(call.args[1])
            if not re.search(r"getBytes|Keys\.|SecretKeySpec|TextCodec|Base64|Key\b", key):
                program.hit(
                    "base64_decoded_secret",
                    call.node,
                    "jjwt 0.9's signWith(SignatureAlgorithm, String) base64-decodes the String: the HMAC key is not "
                    "the secret's bytes.",
                    "Pass the bytes: signWith(SignatureAlgorithm.HS256, secret.getBytes(StandardCharsets.UTF_8)), or "
                    "jjwt 0.11+: signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8))).",
                )


RULE = ReviewRule(codes=("base64_decoded_secret",), check=check)
