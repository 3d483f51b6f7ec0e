import time


def times():
    iat = time.time()  # must-fire: timestamp_not_integer
    whole = int(time.time())  # must-not-fire: timestamp_not_integer
    return iat, whole


def constant_first():
    iat = 1000 * time.time()  # must-fire: timestamp_milliseconds
    seconds = int(1000 * time.time()) // 1000  # must-not-fire: timestamp_milliseconds
    return iat, seconds
