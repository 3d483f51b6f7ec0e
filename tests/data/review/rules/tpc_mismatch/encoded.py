import os
import shlex
import time
import urllib.parse
from urllib.parse import quote_plus

import jwt


def tokens(key, session_name, role):
    iat = int(time.time())
    exp = iat + 7200
    quoted = {"app_key": key, "tpc": urllib.parse.quote(session_name), "role_type": role, "version": 1, "iat": iat, "exp": exp}  # must-fire
    plus = {"app_key": key, "tpc": quote_plus(session_name), "role_type": role, "version": 1, "iat": iat, "exp": exp}  # must-fire
    raw = {"app_key": key, "tpc": session_name, "role_type": role, "version": 1, "iat": iat, "exp": exp}  # must-not-fire
    unquoted = {"app_key": key, "tpc": urllib.parse.unquote(session_name), "role_type": role, "version": 1, "iat": iat, "exp": exp}  # must-not-fire
    shell = {"app_key": key, "tpc": shlex.quote(session_name), "role_type": role, "version": 1, "iat": iat, "exp": exp}  # must-not-fire
    return [jwt.encode(p, os.environ["SECRET"], algorithm="HS256") for p in (quoted, plus, raw, unquoted, shell)]


def meeting_link(meeting_number):
    return "https://zoom.us/wc/join/" + urllib.parse.quote(str(meeting_number))  # must-not-fire
