import time

import jwt


def sign(key, secret, mn, role):
    iat = int(time.time())
    exp = iat + 7200
    whole = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: missing_token_exp
    no_token_exp = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp}  # must-fire: missing_token_exp
    renamed = {"appKey": key, "meetingNumber": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: meeting_number_claim_name
    no_app_key = {"mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: missing_app_key
    no_role = {"appKey": key, "mn": mn, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: missing_role
    body = {"meetingNumber": mn, "role": role, "signature": "", "userName": "a"}  # must-not-fire: meeting_number_claim_name
    return [jwt.encode(p, secret, algorithm="HS256") for p in (whole, no_token_exp, renamed, no_app_key, no_role, body)]
