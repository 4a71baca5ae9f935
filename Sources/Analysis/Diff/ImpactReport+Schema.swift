import Engine
import Rulebook

extension ImpactReport {
  /// The JSON Schema of `diff --format json` (`bricoleur schema diff`): the verdicts that change,
  /// and the rulebook changes, each `{rulebook, kind, rule|parameter, before, after, citation,
  /// reaches}`. Its enumerations come from the types that write them.
  public static var jsonSchema: String {
    let names = { (values: [String]) in "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
    let rulebookKinds = names([RulebookChange.Kind.rulebookAdded, .rulebookRemoved].map(\.rawValue))
    let entryKinds = names([RulebookChange.Kind.added, .removed, .changed].map(\.rawValue))
    let levels = names(VerdictLevel.allCases.map(\.rawValue))
    return """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Bricoleur diff",
        "description": "diff --format json: what changed in the rulebooks, and which verdicts change over the initiatives given.",
        "type": "object", "required": ["evaluated", "skipped", "changed", "rulebook_changes", "changes"], "additionalProperties": false,
        "properties": {
          "evaluated": {"description": "Initiatives evaluated with both versions.", "type": "integer"},
          "skipped": {"description": "Initiatives no rulebook of both versions is for.", "type": "integer"},
          "changed": {"description": "Initiatives whose verdict changes.", "type": "integer"},
          "rulebook_changes": {"type": "array", "items": {"oneOf": [{"$ref": "#/$defs/rulebook"}, {"$ref": "#/$defs/entry"}]}},
          "changes": {"type": "array", "items": {"$ref": "#/$defs/verdict_change"}}
        },
        "$defs": {
          "rulebook": {
            "description": "A rulebook added or removed.",
            "type": "object", "required": ["rulebook", "kind"], "additionalProperties": false,
            "properties": {"rulebook": {"type": "string"}, "kind": {"enum": \(rulebookKinds)}}
          },
          "entry": {
            "description": "A rule or parameter added, removed or changed, once, in the rulebook it is written in; reaches: the rulebooks built on it that inherit the change.",
            "type": "object", "required": ["rulebook", "kind", "before", "after", "citation", "reaches"], "additionalProperties": false,
            "properties": {
              "rulebook": {"type": "string"}, "kind": {"enum": \(entryKinds)},
              "rule": {"type": "string"}, "parameter": {"type": "string"},
              "before": {"$ref": "#/$defs/fields"}, "after": {"$ref": "#/$defs/fields"},
              "citation": {"type": ["string", "null"]}, "reaches": {"type": "array", "items": {"type": "string"}}
            }
          },
          "fields": {
            "description": "Each field (scope, condition, outcome, overrides, validity, citation, title, explanation; value, description) with its text; null where the rule or parameter does not exist.",
            "type": ["object", "null"], "additionalProperties": {"type": "string"}
          },
          "summary": {
            "type": "object", "required": ["level", "determined", "required"], "additionalProperties": false,
            "properties": {"level": {"enum": \(levels)}, "determined": {"type": "boolean"}, "required": {"type": "array", "items": {"type": "string"}}}
          },
          "verdict_change": {
            "type": "object", "required": ["id", "rulebook", "old", "new", "reasons"], "additionalProperties": false,
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "rulebook": {"type": "string"},
              "old": {"$ref": "#/$defs/summary"}, "new": {"$ref": "#/$defs/summary"},
              "reasons": {"type": "array", "items": {"type": "string"}}
            }
          }
        }
      }
      """
  }
}
