#!/usr/bin/env python3
"""Compares `bricoleur batch` output with the reference output of the shared workload.

    python3 Benchmarks/workload/compare.py OUT.jsonl EXPECTED.jsonl

Every record must agree: the same fired rules (in ascending order) and the same verdict
(prohibited_required levels map to the workload's names). Exits 1 on the first disagreements.
"""
import json
import sys

LEVELS = {"prohibited": "prohibited", "permit_required": "permit", "notification_required": "notification",
          "allowed": "allowed", "allowed_with_conditions": "allowed"}


def main(ours_path, expected_path):
    bad = 0
    count = 0
    with open(ours_path) as ours, open(expected_path) as expected:
        for line_ours, line_expected in zip(ours, expected):
            count += 1
            a = json.loads(line_ours)
            b = json.loads(line_expected)
            fired = sorted(a.get("applies", []), key=lambda r: int(r[1:]))
            verdict = LEVELS.get(a.get("verdict"), a.get("verdict"))
            if a.get("id") != b["id"] or fired != b["fired"] or verdict != b["verdict"]:
                bad += 1
                if bad <= 5:
                    print(f"record {count}: ours {a.get('id')} {fired} {verdict} / reference {b['id']} {b['fired']} {b['verdict']}")
        rest_ours = sum(1 for _ in ours)
        rest_expected = sum(1 for _ in expected)
    if rest_ours or rest_expected:
        print(f"record counts differ: {rest_ours} more in ours, {rest_expected} more in the reference")
        bad += 1
    print(f"{count - bad} of {count} records agree with the reference")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
