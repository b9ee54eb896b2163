"""The scheme as YAML, the form users edit (in a file or in the workbench's scheme editor)."""

from __future__ import annotations

from pathlib import Path

import yaml

from annotator.domain.errors import InputError, ValidationError
from annotator.domain.scheme import Scheme, scheme_from_dict, scheme_to_dict


def dump_scheme(scheme: Scheme) -> str:
    return yaml.safe_dump(scheme_to_dict(scheme), allow_unicode=True, sort_keys=False)


def parse_scheme(text: str, source: Path | str = "scheme") -> Scheme:
    """A scheme from YAML; InputError naming ``source`` (and the line) when it is not one."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(source, f"not valid YAML: {problem}", line) from None
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        raise InputError(source, "a scheme is a YAML mapping with a list of 'layers'")
    try:
        return scheme_from_dict(data)
    except ValidationError as exc:
        raise InputError(source, str(exc)) from None


def read_scheme_file(path: Path) -> Scheme:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read file: {exc}") from exc
    return parse_scheme(text, path)
