import os
import time

import jwt
from flask import request


def video_token():
    body = request.get_json()
    iat = int(time.time())
    exp = iat + 7200
    given = {"app_key": os.environ["KEY"], "tpc": body["sessionName"], "role_type": body["role"], "version": 1, "iat": iat, "exp": exp}  # must-fire: role_type_not_number
    parsed = {"app_key": os.environ["KEY"], "tpc": body["sessionName"], "role_type": int(body["role"]), "version": 1, "iat": iat, "exp": exp}  # must-not-fire: role_type_not_number
    meeting = {"appKey": os.environ["KEY"], "mn": body["mn"], "role": 0, "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: missing_tpc, missing_role_type, missing_version
    native = {"appKey": os.environ["KEY"], "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: missing_tpc, missing_role_type, missing_version
    return [jwt.encode(p, os.environ["SECRET"], algorithm="HS256") for p in (given, parsed, meeting, native)]
