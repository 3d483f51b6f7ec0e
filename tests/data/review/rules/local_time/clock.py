from datetime import datetime, timezone


def issued_at():
    local = int(datetime.utcnow().timestamp())  # must-fire
    utc = int(datetime.now(timezone.utc).timestamp())  # must-not-fire
    return local, utc
