"""The Code doctor where code is written: files and folders to review, findings as text, JSON Lines or
SARIF, and the exit status a CI job or a pre-commit hook gates on."""
