"""JSON text exactly as JavaScript's JSON.stringify writes it, so our bytes match the JS signers.

json.dumps agrees with JSON.stringify on strings (with ensure_ascii=False) but not on numbers
(1.0 vs 1, 1e-07 vs 1e-7), integers beyond 2**53 (JavaScript rounds them), NaN, or lone
surrogates (JavaScript escapes them since ES2019).
"""

import json
import math
import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_SAFE_INTEGER = 2**53


def js_number(value):
    """Number::toString as JavaScript does it (shortest round-trip digits, JS exponent rules)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) <= _MAX_SAFE_INTEGER:
            return str(value)
        try:
            value = float(value)  # JavaScript holds every number as a double
        except OverflowError:
            return "null"
    if math.isnan(value) or math.isinf(value):
        return "null"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction.rstrip("0")).lstrip("0") or "0"
    # position of the decimal point relative to the start of `digits` (ECMAScript's n)
    point = len(whole.lstrip("0")) + int(exponent or 0)
    if not whole.lstrip("0"):
        point = int(exponent or 0) - (len(fraction) - len(fraction.lstrip("0")))
    k = len(digits)
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * (-point) + digits
    exp = point - 1
    exp_text = ("+" if exp >= 0 else "-") + str(abs(exp))
    if k == 1:
        return sign + digits + "e" + exp_text
    return sign + digits[0] + "." + digits[1:] + "e" + exp_text


def _js_string(text):
    encoded = json.dumps(text, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def json_stringify(value):
    """JSON.stringify(value) with no indentation; dict order is kept, as JavaScript keeps key order."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return _js_string(value)
    if isinstance(value, dict):
        return "{" + ",".join(_js_string(str(k)) + ":" + json_stringify(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(json_stringify(v) for v in value) + "]"
    raise TypeError(f"JSON.stringify cannot write a {type(value).__name__}")
