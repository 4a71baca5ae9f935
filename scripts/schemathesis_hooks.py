"""Hooks for scripts/api-check: schemathesis reads the JSON Lines answers of the batch route,
so that every line is checked against the document (the body as the array of its lines)."""
import json

import schemathesis


@schemathesis.deserializer("application/x-ndjson")
def json_lines(ctx, response):
    text = response.content.decode(response.encoding or "utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
