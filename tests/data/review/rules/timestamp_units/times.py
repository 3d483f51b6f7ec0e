import time


def times():
    iat = time.time()  # must-fire: timestamp_not_integer
    whole = int(time.time())  # must-not-fire: timestamp_not_integer
    return iat, whole
