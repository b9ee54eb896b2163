"""Saying why a record could not be read in the user's words, not Python's (``KeyError('E1')``)."""

from __future__ import annotations


def describe(exc: Exception) -> str:
    """A short reason for a record or line that does not have the shape its format needs."""
    if isinstance(exc, KeyError):
        return f"{exc.args[0]!r} is missing or not defined"
    if isinstance(exc, IndexError):
        return "a field is missing"
    if isinstance(exc, TypeError | AttributeError):
        return "a field holds the wrong kind of value (a list where a text belongs, …)"
    message = str(exc)
    if message.startswith("not enough values to unpack"):
        return "a field is missing"
    if message.startswith("too many values to unpack"):
        return "there are more fields than expected"
    if message.startswith("invalid literal for int()"):
        return "a number is malformed"
    if " is not a valid " in message:  # an enum: "'boss' is not a valid ActorKind"
        value, _, kind = message.partition(" is not a valid ")
        return f"{value} is not a known {kind.lower().replace('actorkind', 'actor kind')}"
    return message or "a value is malformed"
