import time


def claims():
    now = int(time.time())
    iat = now - 30
    exp = iat + 60 * 5  # must-fire: lifetime_too_short
    token_exp = iat + 60 * 60 * 2  # must-not-fire: lifetime_too_short
    return iat, exp, token_exp
