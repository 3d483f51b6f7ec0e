import time

import jwt


def sign(key, secret, mn, role):
    iat = int(time.time())
    exp = iat + 7200
    whole = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-not-fire: missing_token_exp, meeting_native_assumed
    no_token_exp = {"appKey": key, "mn": mn, "role": role, "iat": iat, "exp": exp}  # must-fire: missing_token_exp
    renamed = {"appKey": key, "meetingNumber": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: meeting_number_claim_name
    no_app_key = {"mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: missing_app_key
    no_role = {"appKey": key, "mn": mn, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: missing_role must-not-fire: meeting_native_assumed
    body = {"meetingNumber": mn, "role": role, "signature": "", "userName": "a"}  # must-not-fire: meeting_number_claim_name
    return [jwt.encode(p, secret, algorithm="HS256") for p in (whole, no_token_exp, renamed, no_app_key, no_role, body)]


def families(key, secret, topic, iat, exp):
    native = {"appKey": key, "sdkKey": key, "iat": iat, "exp": exp, "tokenExp": exp}  # must-fire: meeting_native_assumed must-not-fire: missing_mn, missing_role
    native_no_token_exp = {"appKey": key, "iat": iat, "exp": exp}  # must-fire: missing_token_exp, meeting_native_assumed
    video = {"app_key": key, "tpc": topic, "role_type": 1, "version": 1, "iat": iat, "exp": exp}  # must-not-fire: missing_app_key, missing_token_exp, missing_mn, missing_role, meeting_native_assumed
    video_no_key = {"tpc": topic, "role_type": 1, "version": 1, "iat": iat, "exp": exp}  # must-fire: missing_app_key
    video_no_exp = {"app_key": key, "tpc": topic, "role_type": 1, "version": 1, "iat": iat}  # must-fire: missing_exp
    return [jwt.encode(p, secret, algorithm="HS256") for p in (native, native_no_token_exp, video, video_no_key, video_no_exp)]
