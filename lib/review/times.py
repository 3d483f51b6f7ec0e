"""What the time rules read: milliseconds and their division into seconds, roundings, constant durations, lifetimes."""

import re

from lib.review.payload import claim_entries
from lib.review.program import (
    DATE_CONSTRUCTORS,
    FLOORS,
    MILLISECOND_CALLS,
    NOW_CALLS,
    TIMEISH,
    UNIT_SECONDS,
    Program,
    matches,
    receiver_of,
)
from lib.review.reading import binary, identifier, number_value, string_value, unwrap
from lib.review.syntax import node_text

NANOSECOND_CALLS = frozenset({"UnixNano", "time_ns"})


def divided_into_seconds(program: Program, node, per_second=1000):
    """The ancestor dividing this value into seconds (by 1000, or 1e9 for nanoseconds) within its statement."""
    for parent in program.ancestors(node):
        if is_division(program, parent, per_second):
            return parent
    return None


def floored(program: Program, node) -> bool:
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


def later_uses(program: Program, name: str, after, candidates) -> list:
    """The candidate expressions after `after` that use the variable `name`."""
    return [node for node in candidates if node.start_byte > after.start_byte and program.uses(node, name)]


def divisions(program: Program, per_second) -> list:
    return [node for node in program.parsed.of("binary") if is_division(program, node, per_second)]


def roundings(program: Program) -> list:
    return [call.node for call in program.calls if call.name in FLOORS or call.name == "to_i"]


def in_time_claim(program: Program, node, name: str | None) -> bool:
    for literal in program.maps:
        for claim, (_, value) in claim_entries(literal).items():
            if claim not in ("iat", "exp", "tokenExp") or value is None:
                continue
            if value.start_byte <= node.start_byte and node.end_byte <= value.end_byte:
                return True
            if name and program.uses(value, name):
                return True
    return False


def millisecond_sources(program: Program):
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


def scaled_names(program: Program):
    """`exp * 1000`: a time the code holds in seconds (followed through names to the clock) made milliseconds."""
    for node in program.parsed.of("binary"):
        parts = binary(program.parsed, node)
        if not parts or parts[1] != "*" or NOW_CALLS.search(node_text(node)):
            continue
        numbers = (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2]))
        other = parts[2] if numbers[0] == 1000 else parts[0] if numbers[1] == 1000 else None
        if other is not None and identifier(program.parsed, other) and now_offset(program, other) is not None:
            yield node


def is_division(program: Program, node, per_second=1000) -> bool:
    parts = binary(program.parsed, node)
    return bool(parts and parts[1] in ("/", "//", "div") and number_value(program.parsed, parts[2]) == per_second)


FRACTIONAL_SECONDS = {
    "python": lambda c: c.callee in ("time.time",) or c.name == "timestamp",
    "ruby": lambda c: c.name == "to_f" and "Time" in c.callee,
    "php": lambda c: c.callee == "microtime",
}


def scaled_to_milliseconds(program: Program, node) -> bool:
    for parent in program.ancestors(node):
        parts = binary(program.parsed, parent)
        if (
            parts
            and parts[1] == "*"
            and 1000 in (number_value(program.parsed, parts[0]), number_value(program.parsed, parts[2]))
        ):
            return True
    return False


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


def is_now(program: Program, node, depth=6) -> bool:
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
    parts = binary(program.parsed, node)
    if parts and parts[1] in ("-", "+"):  # now - 30: a clock set back a little is still the clock
        left, _, right = parts
        return is_now(program, left, depth - 1) and constant_seconds(program, right) is not None
    name = identifier(program.parsed, node)
    if name is None:
        return False
    bound = program.bound_value(name, node)
    return is_now(program, bound, depth - 1) if bound is not None else bool(TIMEISH.search(name))


def now_offset(program: Program, node, depth=6) -> float | None:
    """How far a time is from the clock, in seconds: 0 for now, -30 for `now - 30` (through names);
    None if it is not the clock give or take a constant."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    parts = binary(program.parsed, node)
    if parts and parts[1] in ("-", "+"):
        base, amount = now_offset(program, parts[0], depth - 1), constant_seconds(program, parts[2])
        if base is None or amount is None:
            return None
        return base + amount if parts[1] == "+" else base - amount
    name = identifier(program.parsed, node)
    bound = program.bound_value(name, node) if name else None
    if bound is not None and bound != node:
        return now_offset(program, bound, depth - 1)
    return 0 if is_now(program, node) else None


def lifetime_seconds(program: Program, node, depth=3) -> float | None:
    """exp − now, where the code writes exp as now + a constant (in any of the eight languages' idioms);
    the lifetime rule subtracts iat's own distance from now."""
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
            if is_now(program, base) and not counts_milliseconds(program, base) ^ in_milliseconds:
                seconds = constant_seconds(program, delta)
                if seconds is not None:
                    return seconds / 1000 if in_milliseconds else seconds + (now_offset(program, base) or 0)
        return None
    name = identifier(program.parsed, node)
    if name:
        return lifetime_seconds(program, program.bound_value(name, node), depth - 1)
    return None


def counts_milliseconds(program: Program, node) -> bool:
    text = expanded_text(program, node)
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


def expanded_text(program: Program, node, depth=3) -> str:
    """The expression's text with the values of the names it uses (iat = now - 30 reads now's value too)."""
    node = program.resolve(node)
    if node is None:
        return ""
    text = node_text(node)
    if depth == 0:
        return text
    for name in sorted(program.names_used_in(node)):
        bound = program.bound_value(name, node)
        if bound is not None and bound != node and not (bound.start_byte <= node.start_byte < bound.end_byte):
            text += " " + expanded_text(program, bound, depth - 1)
    return text
