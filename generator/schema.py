"""JSON Schema of the two file kinds, for editors' completion and checking."""

from __future__ import annotations

import json

from .models import Exercise, Project

TITLES = {"project": (Project, "Handout project file (handout.yaml)"),
          "exercise": (Exercise, "Handout exercise file (exercises/<id>.yaml)")}


def schema(kind: str) -> dict:
    model, title = TITLES[kind]
    out = model.model_json_schema()
    out["title"] = title
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return out


def schema_json(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False)
