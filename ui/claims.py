"""The claims a token family's form asks for, one widget each (lib.builder.form.claim_fields): a choice where
Zoom documents the values, several for a list, typed text otherwise. What each widget offers comes from the claim
table, so a new claim or family needs no new drawing."""

import streamlit as st

NOT_SET = "not set (left out of the token)"


def claim_widget(field, key: str, container=st):
    """One claim's widget; returns its value (None, "" or [] when the user leaves the claim out)."""
    words = field.choices.get
    if field.many:
        return container.multiselect(
            field.label,
            list(field.choices),
            default=field.default,
            format_func=lambda value: f"{value} — {words(value)}",
            key=key,
            help=field.help,
        )
    if field.choices:
        options = ([None] if field.optional else []) + list(field.choices)
        return container.selectbox(
            field.label,
            options,
            index=options.index(field.default),
            format_func=lambda value: NOT_SET if value is None else words(value),
            key=key,
            help=field.help,
        )
    return container.text_input(field.label, value=field.default, key=key, help=field.help)


def claim_inputs(fields, key: str, more_label: str, more_key: str, container=st) -> dict:
    """A widget per field, three to a row, the rare ones folded into an expander. `key` is the widgets' key with
    `{claim}` for the claim's name. Returns the values by claim name."""
    values = {}
    common = [field for field in fields if not field.rare]
    rare = [field for field in fields if field.rare]
    _rows(common, key, values, container)
    if rare:
        _rows(rare, key, values, container.expander(more_label, key=more_key))
    return values


def _rows(fields, key, values, container, per_row=3):
    for start in range(0, len(fields), per_row):
        for column, field in zip(container.columns(per_row), fields[start : start + per_row], strict=False):
            values[field.claim] = claim_widget(field, key.format(claim=field.claim), column)
