"""Checks of the times the code writes: milliseconds, fractions, local time read as UTC, lifetimes."""

import re

from lib.review.claims import claim_entries
from lib.review.program import (
    DATE_CONSTRUCTORS,
    DATE_FROM_MILLISECONDS,
    EXPIRYISH,
    FLOORS,
    INTEGER_DIVISION,
    MILLISECOND_CALLS,
    NOW_CALLS,
    TIMEISH,
    UNIT_SECONDS,
    Program,
    matches,
    receiver_of,
)
from lib.review.reading import NAMED_ARGUMENTS, binary, identifier, number_value, string_value, unwrap
from lib.review.syntax import node_text
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS

NANOSECOND_CALLS = frozenset({"UnixNano", "time_ns"})


def _divided_by_1000(program: Program, node, per_second=1000):
    """The ancestor dividing this value into seconds (by 1000, or 1e9 for nanoseconds) within its statement."""
    for parent in program.ancestors(node):
        if _is_division(program, parent, per_second):
            return parent
    return None


def _floored(program: Program, node) -> bool:
    for parent in program.ancestors(node):
        if parent.type in ("cast_expression", "unary_expression") and "~~" in node_text(parent)[:3]:
            return True
        if parent.type == "cast_expression":
            return True
        if parent.type in program.parsed.grammar.call and program.call(parent).name in FLOORS:
            return True
        parts = binary(program.parsed, parent)
        if parts and parts[1] in ("|", ">>", ">>>", "//") and number_value(program.parsed, parts[2]) in (0, 1000):
            return True
    return False


def _later_uses(program: Program, name: str, after, candidates) -> list:
    """The candidate expressions after `after` that use the variable `name`."""
    return [node for node in candidates if node.start_byte > after.start_byte and program.uses(node, name)]


def _divisions(program: Program, per_second) -> list:
    return [node for node in program.parsed.of("binary") if _is_division(program, node, per_second)]


def _roundings(program: Program) -> list:
    return [call.node for call in program.calls if call.name in FLOORS or call.name == "to_i"]


def _in_time_claim(program: Program, node, name: str | None) -> bool:
    for literal in program.maps:
        for claim, (_, value) in claim_entries(literal).items():
            if claim not in ("iat", "exp", "tokenExp") or value is None:
                continue
            if value.start_byte <= node.start_byte and node.end_byte <= value.end_byte:
                return True
            if name and program.uses(value, name):
                return True
    return False


def _millisecond_sources(program: Program):
    for call in program.calls:
        if matches(call, MILLISECOND_CALLS):
            yield call.node
        elif (
            call.name == "toEpochMilli"
            or call.name in NANOSECOND_CALLS
            or call.name == "valueOf"
            and "Date" in call.callee
        ):
            yield call.node
    for node in program.parsed.of("binary"):
        operator = node.child_by_field_name("operator")
        if operator is None or operator.type != "*":
            continue
        parts = binary(program.parsed, node)
        if parts and 1000 in (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2])):
            if NOW_CALLS.search(node_text(node)):
                yield node


def check_milliseconds(program: Program):
    language = program.parsed.grammar.name
    for source in _millisecond_sources(program):
        if any(
            p.type in program.parsed.grammar.call and matches(program.call(p), DATE_FROM_MILLISECONDS)
            for p in program.ancestors(source)
        ):
            continue
        if source.parent is not None and source.parent.type in program.parsed.grammar.binary:
            outer = binary(program.parsed, source.parent)
            if outer and outer[1] == "*" and source.type in program.parsed.grammar.binary:
                continue  # counted as the larger product
        nanoseconds = source.type in program.parsed.grammar.call and program.call(source).name in NANOSECOND_CALLS
        per_second = 1e9 if nanoseconds else 1000
        division = _divided_by_1000(program, source, per_second)
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if division is None and name:
            later = _later_uses(program, name, binding.target, _divisions(program, per_second))
            division = later[0] if later else None
        if division is not None:
            target = division
            if language not in INTEGER_DIVISION and not _floored(program, target):
                divided_name = program.binding_of(target)
                rounded_later = divided_name and _later_uses(
                    program, divided_name.name, divided_name.target, _roundings(program)
                )
                if not rounded_later and "//" not in node_text(target):
                    program.hit(
                        "timestamp_not_integer",
                        target,
                        "Milliseconds divided by 1000 leave a fraction (1733050000.123); JWT times are whole seconds.",
                        program.time_fix(),
                    )
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or _in_time_claim(program, source, name):
            program.hit(
                "timestamp_milliseconds",
                source,
                f"{node_text(source)[:60]} counts milliseconds; iat and exp are seconds, so the token claims to be "
                "issued some 50,000 years from now.",
                program.time_fix(),
            )


def _is_division(program: Program, node, per_second=1000) -> bool:
    parts = binary(program.parsed, node)
    return bool(parts and parts[1] in ("/", "//", "div") and number_value(program.parsed, parts[2]) == per_second)


FRACTIONAL_SECONDS = {
    "python": lambda c: c.callee in ("time.time",) or c.name == "timestamp",
    "ruby": lambda c: c.name == "to_f" and "Time" in c.callee,
    "php": lambda c: c.callee == "microtime",
}


def check_fractional_seconds(program: Program):
    language = program.parsed.grammar.name
    if language in ("javascript", "typescript"):
        for node in program.parsed.of("member"):
            if node_text(node).endswith(".getTime") and not (
                node.parent is not None and node.parent.type == "call_expression"
            ):
                program.hit(
                    "timestamp_not_integer",
                    node,
                    "getTime without parentheses is the function itself, not the time: the claim becomes NaN (null).",
                    "Call it: Math.floor(new Date().getTime() / 1000), or Math.floor(Date.now() / 1000).",
                )
    sources = []
    if language in FRACTIONAL_SECONDS:
        sources = [c.node for c in program.calls if FRACTIONAL_SECONDS[language](c)]
    if language == "csharp":
        sources = [n for n in program.parsed.of("member") if node_text(n).endswith(".TotalSeconds")]
    for source in sources:
        if _floored(program, source) or _scaled_to_milliseconds(program, source):
            continue
        binding = program.binding_of(source)
        name = binding.name if binding else None
        if name and _later_uses(program, name, binding.target, _roundings(program)):
            continue
        if (name and TIMEISH.search(name.rsplit(".", 1)[-1])) or _in_time_claim(program, source, name):
            program.hit(
                "timestamp_not_integer",
                source,
                f"{node_text(source)[:60]} has a fractional part; iat and exp must be whole seconds.",
                program.time_fix(),
            )


def _scaled_to_milliseconds(program: Program, node) -> bool:
    for parent in program.ancestors(node):
        parts = binary(program.parsed, parent)
        if (
            parts
            and parts[1] == "*"
            and 1000 in (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2]))
        ):
            return True
    return False


def check_local_time(program: Program):
    """Local time read as UTC: the token's iat lands hours off, in the future east of Greenwich."""
    for call in program.calls:
        if call.name not in ("timestamp", "mktime", "timegm", "toInstant", "toEpochSecond"):
            continue
        text = program.text(call.node)
        local = (
            call.name == "timestamp"
            and "utcnow()" in call.callee
            or call.callee in ("time.mktime",)
            and "utcnow" in text
            or call.callee.endswith("timegm")
            and "datetime.now()" in text
            or call.name in ("toInstant", "toEpochSecond")
            and "LocalDateTime.now()" in call.callee
        )
        if local:
            program.hit(
                "iat_in_future",
                call.node,
                f"{text[:70]} reads the clock's local time as if it were UTC: on a server east of UTC the token is "
                "issued hours in the future (west of it, already old).",
                program.time_fix(),
            )
    if program.parsed.grammar.name == "csharp":
        for node in program.parsed.of("binary"):
            parts = binary(program.parsed, node)
            if parts and parts[1] == "-" and node_text(parts[0]) == "DateTime.Now" and "1970" in node_text(parts[2]):
                program.hit(
                    "iat_in_future",
                    node,
                    "DateTime.Now is local time; subtracting the UTC epoch from it puts iat hours off.",
                    program.time_fix(),
                )


def constant_seconds(program: Program, node, depth=3) -> float | None:
    """The value of a constant duration expression in seconds (60 * 60 * 2, time.Hour * 2, timedelta(hours=2))."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    number = number_value(program.parsed, node)
    if number is not None:
        return number
    parts = binary(program.parsed, node)
    if parts:
        left, operator, right = parts
        a, b = constant_seconds(program, left, depth), constant_seconds(program, right, depth)
        if a is None or b is None:
            return None
        return {"*": a * b, "+": a + b, "-": a - b, "/": a / b if b else None}.get(operator)
    text = program.text(node)
    unit = re.fullmatch(r"(?:time|TimeUnit|ChronoUnit)\.(Second|Minute|Hour)s?", text, re.I)
    if unit:
        return UNIT_SECONDS[unit.group(1).lower()]
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if call.name == "timedelta":
            units = dict(
                zip(
                    ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"),
                    call.args,
                    strict=False,
                )
            )
            units |= call.kwargs
            total = 0.0
            for unit_name, value in units.items():
                amount = constant_seconds(program, value, depth - 1)
                scale = {"microseconds": 1e-6, "milliseconds": 1e-3}.get(
                    unit_name, UNIT_SECONDS.get(unit_name.rstrip("s"), 1)
                )
                if amount is None:
                    return None
                total += amount * scale
            return total
        unit = re.fullmatch(r"(?:of|From|plus|Add)?(Second|Minute|Hour|Day|Week)s?", call.name, re.I)
        if unit and call.args:
            amount = constant_seconds(program, call.args[0], depth - 1)
            return None if amount is None else amount * UNIT_SECONDS[unit.group(1).lower()]
        if unit and program.parsed.grammar.name == "ruby":  # 2.hours
            receiver = node.child_by_field_name("receiver")
            amount = constant_seconds(program, receiver, depth - 1)
            return None if amount is None else amount * UNIT_SECONDS[unit.group(1).lower()]
    name = identifier(program.parsed, node)
    if name:
        return constant_seconds(program, program.bound_value(name, node), depth - 1)
    return None


def is_now(program: Program, node, depth=3) -> bool:
    node = unwrap(node)
    if node is None or depth == 0:
        return False
    if NOW_CALLS.search(node_text(node)):
        return True
    if node.type in program.parsed.grammar.call:  # int(now), Math.floor(now)
        call = program.call(node)
        return call.name in FLOORS and len(call.args) == 1 and is_now(program, call.args[0], depth - 1)
    if node.type == "cast_expression":
        return is_now(program, node.child_by_field_name("value"), depth - 1)
    name = identifier(program.parsed, node)
    if name is None:
        return False
    bound = program.bound_value(name, node)
    return is_now(program, bound, depth - 1) if bound is not None else bool(TIMEISH.search(name))


def lifetime_seconds(program: Program, node, depth=3) -> float | None:
    """exp − iat, where the code writes exp as now + a constant (in any of the eight languages' idioms)."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    in_milliseconds = False
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        if matches(call, DATE_CONSTRUCTORS) and call.args:
            node, in_milliseconds = unwrap(call.args[0]), call.callee != "Date.from"
        elif call.name in ("Unix", "to_i", "getEpochSecond", "ToUnixTimeSeconds", "timestamp", "getTime") and (
            node.child_by_field_name("function") is not None
            or node.child_by_field_name("receiver") is not None
            or node.child_by_field_name("object") is not None
        ):
            inner = receiver_of(program, node)
            return lifetime_seconds(program, inner, depth - 1) if inner is not None else None
        elif re.fullmatch(r"(Add|plus)(Seconds|Minutes|Hours|Days)?|from_now", call.name):
            receiver = receiver_of(program, node)
            if call.name == "from_now":
                return constant_seconds(program, receiver)
            if receiver is not None and is_now(program, receiver):
                amount = constant_seconds(program, call.args[0]) if call.args else None
                unit = re.search(r"(Second|Minute|Hour|Day)", call.name)
                return None if amount is None else amount * (UNIT_SECONDS[unit.group(1).lower()] if unit else 1)
            return None
    parts = binary(program.parsed, node)
    if parts and parts[1] == "+":
        left, _, right = parts
        for base, delta in ((left, right), (right, left)):
            if is_now(program, base) and not _counts_milliseconds(program, base) ^ in_milliseconds:
                seconds = constant_seconds(program, delta)
                if seconds is not None:
                    return seconds / 1000 if in_milliseconds else seconds
        return None
    name = identifier(program.parsed, node)
    if name:
        return lifetime_seconds(program, program.bound_value(name, node), depth - 1)
    return None


def _counts_milliseconds(program: Program, node) -> bool:
    text = node_text(program.resolve(node))
    return bool(
        re.search(r"Date\.now\(\)|getTime\(\)|currentTimeMillis|Milliseconds|UnixMilli", text)
    ) and not re.search(r"/\s*1000|/1e3", text)


EXPIRES_IN = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)?\s*$", re.I
)


def expires_in_seconds(program: Program, node) -> float | None:
    """jsonwebtoken's expiresIn: a number of seconds, or a string as the `ms` package reads it."""
    text = string_value(program.parsed, node)
    if text is None:
        return constant_seconds(program, node)
    found = EXPIRES_IN.match(text)
    if not found:
        return None
    amount, unit = float(found.group(1)), (found.group(2) or "ms").lower()
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    return amount * scale.get(unit[0] if unit != "ms" else "ms", 1)


def check_lifetimes(program: Program):
    seen = set()
    expiries = {}  # the expression an expiry is computed by -> how to read it as a lifetime
    for literal in program.maps:
        for key, (_, value) in literal.entries.items():
            if value is not None and key == "expiresIn":
                expiries[value] = expires_in_seconds
            elif value is not None and key.lower() in ("exp", "tokenexp", "expires", "expiration", "expiresat"):
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for binding in program.bindings:
        if binding.value is not None and EXPIRYISH.search(binding.name.rsplit(".", 1)[-1]):
            expiries.setdefault(binding.value, lifetime_seconds)
    for call in program.calls if program.parsed.grammar.name in NAMED_ARGUMENTS else ():
        for key, value in call.kwargs.items():
            if key.lower() in ("expires", "exp") and value is not None:
                expiries.setdefault(program.resolve(value), lifetime_seconds)
    for node, lifetime in expiries.items():
        if node is None or node.start_point[0] in seen:
            continue
        line, seconds = node.start_point[0], lifetime(program, node)
        if seconds is None:
            continue
        if seconds < MIN_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_short",
                node,
                f"The token lives {seconds:g} s; Zoom refuses lifetimes under {MIN_LIFETIME_SECONDS} s (30 minutes).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} (two hours, the sample's default).",
            )
        elif seconds > MAX_LIFETIME_SECONDS:
            seen.add(line)
            program.hit(
                "lifetime_too_long",
                node,
                f"The token lives {seconds:g} s; Zoom allows at most {MAX_LIFETIME_SECONDS} s (48 hours).",
                f"Use exp = iat + {DEFAULT_LIFETIME_SECONDS} and sign a fresh token per join.",
            )
