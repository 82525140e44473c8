"""JSON Schemas of the content models, so editors autocomplete and flag mistakes as an
author types (a file's first line: `# yaml-language-server: $schema=...`)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from game.content.models import Personality, Scenario

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("scenario.schema.json", Scenario, "Summit scenario"),
    ("personality.schema.json", Personality, "Summit personality"),
)


def schema_of(model: type[BaseModel], title: str) -> dict[str, object]:
    # The keys an author writes (aliases such as 'not'), as validation reads them.
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": JSON_SCHEMA_DIALECT, **schema, "title": title}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write the schemas into `out_dir` (created if needed); returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, model, title in SCHEMAS:
        text = json.dumps(schema_of(model, title), indent=2, ensure_ascii=False) + "\n"
        # An editor reading the schema never sees half a file; anyone may read it.
        from game.saves import write_atomic

        write_atomic(out_dir / filename, text, shared=True)
        written.append(out_dir / filename)
    return written
