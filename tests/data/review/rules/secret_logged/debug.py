import logging
import os

logger = logging.getLogger(__name__)
SDK_SECRET = os.environ["ZOOM_SDK_SECRET"]
key = os.environ["ZOOM_SDK_KEY"]


def debug():
    print("secret:", SDK_SECRET)  # must-fire
    print(f"key {key}")  # must-not-fire
    logger.debug("env secret %s", os.environ["ZOOM_SDK_SECRET"])  # must-fire
    logging.info("secret from getenv: %s", os.getenv("ZOOM_SDK_SECRET"))  # must-fire
    print("secret configured:", bool(SDK_SECRET))  # must-not-fire
    print("secret length", len(SDK_SECRET))  # must-not-fire
