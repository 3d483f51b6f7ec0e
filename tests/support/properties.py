"""Hypothesis strategies the property tests share."""

from hypothesis import strategies as st

# Any JSON value: what a decoded payload or a JSON Lines record may hold.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
