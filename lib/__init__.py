"""Signature Lab's library: pure functions for Zoom Meeting SDK signatures (no Streamlit here)."""

__version__ = "0.1.0"  # the command line's version: pyproject.toml and the SARIF output read it here
