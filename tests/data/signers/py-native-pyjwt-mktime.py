from datetime import datetime, timedelta
from time import mktime

import jwt


class NativeSdkToken:
    def __init__(self, sdk_key, sdk_secret):
        self.sdk_key = sdk_key
        self.sdk_secret = sdk_secret

    def generate(self):
        iat = int(mktime(datetime.now().timetuple()))
        exp = int(mktime((datetime.today() + timedelta(days=1)).timetuple()))
        token_exp = int(mktime((datetime.today() + timedelta(hours=1)).timetuple()))
        return jwt.encode(
            {"appKey": self.sdk_key, "iat": iat, "exp": exp, "tokenExp": token_exp},
            self.sdk_secret,
            algorithm="HS256",
            headers={"typ": "JWT"},
        )


def native_token(sdk_key, sdk_secret):
    return NativeSdkToken(sdk_key, sdk_secret).generate()
