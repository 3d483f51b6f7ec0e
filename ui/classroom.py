"""The classroom database as the pages open it: one opener, so the trainer and the learners read the same room."""

import os
from pathlib import Path

import streamlit as st

from lib.classroom.database import classroom_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def open_database():
    """The classroom's SQLAlchemy engine: secrets.toml's [connections.classroom], the environment, else SQLite
    under the project (lib.classroom.database decides; a refusal raises ClassroomUnavailable)."""
    return classroom_engine(st.connection, st.secrets, os.environ, PROJECT_ROOT)
