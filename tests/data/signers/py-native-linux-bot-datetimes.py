from datetime import datetime, timedelta

import jwt


# A meeting bot on the Linux Meeting SDK: the SDK's auth token, built once when the bot starts.
def generate_jwt(client_id, client_secret):
    iat = datetime.utcnow()
    exp = iat + timedelta(hours=24)

    payload = {
        "iat": iat,
        "exp": exp,
        "appKey": client_id,
        "tokenExp": int(exp.timestamp()),
    }

    return jwt.encode(payload, client_secret, algorithm="HS256")


class ZoomBot:
    def __init__(self, zoom_client_id, zoom_client_secret, meeting_url):
        self._jwt_token = generate_jwt(zoom_client_id, zoom_client_secret)
        self.meeting_url = meeting_url
