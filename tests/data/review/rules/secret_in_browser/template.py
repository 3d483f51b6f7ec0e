import os

from django.shortcuts import render

ZOOM_API_KEY = os.environ.get("ZOOM_API_KEY")
ZOOM_API_SEC = os.environ.get("ZOOM_API_SEC")


def join_page(request):
    return render(request, "zoom.html", dict(ZOOM_SDK_KEY=ZOOM_API_KEY, ZOOM_SDK_SEC=ZOOM_API_SEC))  # must-fire


def token_page(request, token):
    return render(request, "zoom.html", {"signature": token, "sdk_key": ZOOM_API_KEY})  # must-not-fire
