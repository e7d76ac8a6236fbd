#!/usr/bin/env python3
"""Print corpus cases with every base64 proto decoded (coerced values are stored as base64 only).

    .venv/bin/python Scripts/customization/show_case.py c00042           # one case
    .venv/bin/python Scripts/customization/show_case.py --tag roi_coerce_noop --limit 2
    .venv/bin/python Scripts/customization/show_case.py --kind targeted:bug6 --limit 3
"""

import argparse
import base64
import json
import os
import sys

from google.protobuf import json_format

from bosdyn.api.service_customization_pb2 import DictParam

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def decode(node, cls):
    """Replace each {"b64": ...} by the message's JSON form (ROI conversion results already
    carry theirs)."""
    if isinstance(node, dict):
        if set(node) <= {"b64", "json"} and "b64" in node:
            msg = cls.FromString(base64.b64decode(node["b64"]))
            return json.loads(json_format.MessageToJson(msg, preserving_proto_field_name=True))
        return {k: v if k == "roi" else decode(v, DictParam.Spec if k == "spec" else cls)
                for k, v in node.items()}
    if isinstance(node, list):
        return [decode(v, cls) for v in node]
    return node


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(REPO_ROOT, "Tests/ServiceCustomizationTests/Fixtures/customization-corpus.json"))
    ap.add_argument("--tag", help="cases with this python_bug tag (case or value level)")
    ap.add_argument("--kind", help="cases whose kind starts with this")
    ap.add_argument("--limit", type=int, default=5)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        corpus = json.load(f)
    cases = corpus.get("cases") or corpus.get("flag_sets")

    def tags(entry):
        return entry.get("python_bugs", [entry["python_bug"]] if "python_bug" in entry else [])

    selected = []
    for case in cases:
        if args.ids and case.get("id", case.get("name")) not in args.ids:
            continue
        if args.kind and not case.get("kind", "").startswith(args.kind):
            continue
        if args.tag and args.tag not in tags(case) and not any(
                args.tag in tags(v) for v in case.get("values", case.get("ticks", []))):
            continue
        selected.append(case)
    for case in selected[:args.limit]:
        out = decode({k: v for k, v in case.items()}, DictParam)
        json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
        print()
    if not selected:
        sys.exit("no case matches")


if __name__ == "__main__":
    main()
