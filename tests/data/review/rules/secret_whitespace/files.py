from pathlib import Path

secret = Path("secret.txt").read_text()  # must-fire
sdk_secret = Path("secret.txt").read_text().strip()  # must-not-fire
