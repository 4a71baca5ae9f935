import Engine
import Room
import Rulebook

/// The JSON Schema of an answer: what `check --format json` writes (an array with one entry per
/// initiative, an evaluation or an `ErrorV1` in its place) and what `POST /api/v1/evaluate`
/// answers (one evaluation). Its enumerations come from the types that write them.
extension JSONSchemas {
  static func names(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

  public static var result: String {
    let levels = names(VerdictLevel.allCases.map(\.rawValue))
    let outcomes = names(Outcome.Kind.allCases.map(\.rawValue))
    let decisions = names(SchemeDecision.Decision.allCases.map(\.rawValue))
    let roomKinds = names(RoomKind.allCases.map(\.rawValue))
    let statuses = names(["applies", "does_not_apply", "undetermined"])
    let units = names(EvaluationJSONRenderer.units)
    return """
      {
        "$schema": "\(draft)",
        "title": "Bricoleur answer",
        "description": "check --format json: one entry per initiative, in order; an initiative that could not be read or evaluated has {initiative, error} in its place. POST /api/v1/evaluate answers one evaluation.",
        "oneOf": [
          {"type": "array", "items": {"oneOf": [{"$ref": "#/$defs/evaluation"}, {"$ref": "#/$defs/failed"}]}},
          {"$ref": "#/$defs/evaluation"}
        ],
        "$defs": {
          "value": {
            "description": "A fact's or parameter's value: yes/no as a boolean, a count or decimal as a number, an amount with a unit as {number, unit} (money in EUR, durations in minutes, working days, quantities in their unit), a date as YYYY-MM-DD, a time as HH:MM, a choice by its name; a list of values; null when unknown.",
            "oneOf": [
              {"type": ["string", "number", "boolean", "null"]},
              {"type": "array", "items": {"$ref": "#/$defs/value"}},
              {"type": "object", "required": ["number", "unit"], "additionalProperties": false, "properties": {"number": {"type": "number"}, "unit": {"enum": \(units)}}}
            ]
          },
          "citation": {
            "type": "object", "required": ["regulation", "article"], "additionalProperties": false,
            "properties": {"regulation": {"type": "string"}, "article": {"type": "string"}, "paragraph": {"type": "string"}, "url": {"type": "string"}}
          },
          "level": {"enum": \(levels)},
          "requirement": {
            "type": "object", "required": ["kind", "rule"], "additionalProperties": false,
            "properties": {"kind": {"enum": \(outcomes)}, "name": {"type": "string"}, "authority": {"type": "string"}, "rule": {"type": "string"}, "citation": {"$ref": "#/$defs/citation"}}
          },
          "verdict": {
            "description": "The most restrictive applying outcome; when not determined, the levels still reachable by some completion of the unknown facts (exactly, unless possible_levels_exact is false).",
            "type": "object", "required": ["level", "label", "determined", "possible_levels", "possible_levels_exact", "decided_by", "required"], "additionalProperties": false,
            "properties": {
              "level": {"$ref": "#/$defs/level"}, "label": {"type": "string"}, "determined": {"type": "boolean"},
              "possible_levels": {"type": "array", "items": {"$ref": "#/$defs/level"}}, "possible_levels_exact": {"type": "boolean"},
              "decided_by": {"type": "array", "items": {"type": "string"}}, "required": {"type": "array", "items": {"$ref": "#/$defs/requirement"}}
            }
          },
          "verdict_after": {
            "type": "object", "required": ["level", "determined"], "additionalProperties": false,
            "properties": {"level": {"$ref": "#/$defs/level"}, "determined": {"type": "boolean"}, "possible_levels": {"type": "array", "items": {"$ref": "#/$defs/level"}}, "required": {"type": "array", "items": {"type": "string"}}}
          },
          "assumption": {
            "description": "An official judgement the initiative does not give, presumed to have its ordinary value, with the verdict if the official judged otherwise.",
            "type": "object", "required": ["fact", "presumed", "otherwise", "caveat", "verdict_if_not"], "additionalProperties": false,
            "properties": {
              "fact": {"type": "string"}, "presumed": {"$ref": "#/$defs/value"}, "otherwise": {"$ref": "#/$defs/value"}, "assessed_by": {"type": "string"},
              "citation": {"$ref": "#/$defs/citation"}, "caveat": {"type": "string"}, "verdict_if_not": {"$ref": "#/$defs/level"}
            }
          },
          "scheme": {
            "description": "The decision of a scheme the initiative asks for (a grant, a Right to Challenge), apart from the verdict on permission.",
            "type": "object", "required": ["scheme", "title", "decision", "label", "headline", "reasons", "open", "conditions"], "additionalProperties": false,
            "properties": {
              "scheme": {"type": "string"}, "title": {"type": "string"}, "decision": {"enum": \(decisions)}, "label": {"type": "string"}, "headline": {"type": "string"},
              "amount": {"type": "object", "additionalProperties": false, "properties": {"asked": {"$ref": "#/$defs/value"}, "maximum": {"$ref": "#/$defs/value"}, "grantable": {"$ref": "#/$defs/value"}}},
              "reasons": {"type": "array", "items": {"type": "string"}}, "open": {"type": "array", "items": {"type": "string"}},
              "conditions": {"type": "array", "items": {"type": "string"}}, "citation": {"$ref": "#/$defs/citation"}, "authority": {"type": "string"},
              "room": {"type": "object", "required": ["from", "to", "decision_after"], "additionalProperties": false, "properties": {"from": {"$ref": "#/$defs/value"}, "to": {"$ref": "#/$defs/value"}, "decision_after": {"enum": \(decisions)}}},
              "explanation": {"type": "string"}
            }
          },
          "trace": {
            "type": "object", "required": ["expr"], "additionalProperties": false,
            "properties": {"expr": {"type": "string"}, "value": {"type": ["boolean", "null"]}, "inputs": {"type": "object", "additionalProperties": {"$ref": "#/$defs/value"}}, "children": {"type": "array", "items": {"$ref": "#/$defs/trace"}}}
          },
          "finding": {
            "type": "object", "required": ["rule", "title", "status", "reason", "outcome", "explanation", "source"], "additionalProperties": false,
            "properties": {
              "rule": {"type": "string"}, "title": {"type": "string"}, "status": {"enum": \(statuses)}, "reason": {"type": "string"}, "outcome": {"enum": \(outcomes)},
              "citation": {"$ref": "#/$defs/citation"}, "explanation": {"type": "string"}, "source": {"type": "string", "description": "file:line of the rule"},
              "trace": {"type": "object", "additionalProperties": false, "properties": {"scope": {"$ref": "#/$defs/trace"}, "condition": {"$ref": "#/$defs/trace"}}},
              "missing_facts": {"type": "array", "items": {"type": "string"}}, "overridden_by": {"type": "array", "items": {"type": "string"}}
            }
          },
          "room_item": {
            "description": "One piece of room to manoeuvre; kind says which fields it has.",
            "type": "object", "required": ["kind", "explanation"], "additionalProperties": false,
            "properties": {
              "kind": {"enum": \(roomKinds)}, "explanation": {"type": "string"}, "rule": {"type": "string"}, "rules": {"type": "array", "items": {"type": "string"}},
              "citation": {"$ref": "#/$defs/citation"},
              "changes": {"type": "array", "items": {"type": "object", "required": ["fact", "from", "to"], "additionalProperties": false, "properties": {"fact": {"type": "string"}, "from": {"$ref": "#/$defs/value"}, "to": {"$ref": "#/$defs/value"}}}},
              "verdict_after": {"$ref": "#/$defs/verdict_after"}, "verdict_across": {"$ref": "#/$defs/verdict_after"},
              "removes": {"type": "array", "items": {"type": "string"}}, "exact": {"type": "boolean"}, "depends_on": {"type": "array", "items": {"type": "string"}},
              "distance": {"type": "number"}, "adjustment": {"type": "integer"},
              "discretion": {"type": "string"}, "granted_by": {"type": "string"}, "ask_by": {"type": "string", "format": "date"}, "assessed_by": {"type": "string"},
              "fact": {"type": "string"}, "value": {"$ref": "#/$defs/value"}, "status": {"type": "string"},
              "comparison": {"type": "string"}, "threshold": {"$ref": "#/$defs/value"}, "crossing": {"$ref": "#/$defs/value"},
              "margin": {"type": "object", "additionalProperties": false, "properties": {"absolute": {"type": "number"}, "relative": {"type": "number"}}},
              "outcomes": {"type": "array", "items": {"type": "object", "required": ["value", "verdict"], "additionalProperties": false, "properties": {"value": {"$ref": "#/$defs/value"}, "verdict": {"$ref": "#/$defs/verdict_after"}}}},
              "expected_open": {"type": "number"},
              "deadline": {"type": "string"}, "latest_day": {"type": "string", "format": "date"}, "today": {"type": "string", "format": "date"},
              "feasible": {"type": "boolean"}, "working_days_left": {"type": "integer"}, "route": {"type": "string"}, "level": {"$ref": "#/$defs/level"}
            }
          },
          "rulebook": {
            "oneOf": [
              {"type": "string", "description": "the municipality's own rulebook"},
              {"type": "object", "required": ["id", "fallback"], "additionalProperties": false, "description": "the model answered for a municipality without a rulebook of its own",
               "properties": {"id": {"type": "string"}, "fallback": {"type": "boolean"}, "municipality": {"type": "object", "required": ["code", "name"], "additionalProperties": false, "properties": {"code": {"type": "string"}, "name": {"type": "string"}}}}}
            ]
          },
          "evaluation": {
            "type": "object", "required": ["initiative", "rulebook", "verdict", "assumptions", "asks_only_for_schemes", "schemes", "findings"], "additionalProperties": false,
            "properties": {
              "initiative": {"type": "string"}, "rulebook": {"$ref": "#/$defs/rulebook"}, "as_of": {"type": "string", "format": "date"},
              "notice": {"type": "string", "description": "where the rulebook's rules come from and under which licence (an imported check)"},
              "verdict": {"$ref": "#/$defs/verdict"}, "assumptions": {"type": "array", "items": {"$ref": "#/$defs/assumption"}},
              "asks_only_for_schemes": {"type": "boolean", "description": "true when no rule on permission is in play: the answer is the schemes' decisions"},
              "schemes": {"type": "array", "items": {"$ref": "#/$defs/scheme"}}, "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
              "room": {"type": "array", "items": {"$ref": "#/$defs/room_item"}}, "questions": {"type": "array", "items": {"type": "string"}, "description": "the facts to ask next, most deciding first"}
            }
          },
          "error": {
            "type": "object", "required": ["code", "message", "diagnostics"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "diagnostics": {"type": "array", "items": {"type": "object"}}}
          },
          "failed": {
            "type": "object", "required": ["initiative", "error"], "additionalProperties": false,
            "properties": {"initiative": {"type": "string"}, "error": {"$ref": "#/$defs/error"}}
          }
        }
      }
      """
  }
}
