"""Signature Lab's library: pure functions for Zoom Meeting SDK signatures (no Streamlit here)."""
