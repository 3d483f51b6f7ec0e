from functools import lru_cache


@lru_cache  # must-fire
def sign_token(mn):
    return mn


def describe(mn):  # must-not-fire
    return str(mn)
