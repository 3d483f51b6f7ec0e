import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/signature")
def signature():
    body = request.get_json()
    now = datetime.now(timezone.utc)
    payload = {
        "appKey": os.getenv("ZOOM_SDK_KEY"),
        "sdkKey": os.getenv("ZOOM_SDK_KEY"),
        "mn": body["meetingNumber"],
        "role": body["role"],
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(hours=2)).timestamp()),
        "tokenExp": int((now + timedelta(hours=2)).timestamp()),
    }
    token = jwt.encode(payload, os.getenv("ZOOM_SDK_SECRET"), algorithm="HS256")
    return jsonify(signature=token)
