#!/usr/bin/env python3
"""Generate the differential-test corpus for the Swift service-customization code.

Builds random DictParam.Spec trees (every parameter type, UI info, nesting depth up to 4) and,
for each, valid and invalid DictParam values; records what the official Python SDK
(bosdyn-client 5.2.0, `bosdyn.client.service_customization_helpers`) says about each: spec
validity, value validation, coercion and conversion to Python values. Known Python defects
are tagged, with the fixed behaviour (from `reference_model.py`) next to Python's.

Usage (from the repository root; see Scripts/customization/README.md):
    .venv/bin/python Scripts/customization/generate_corpus.py --seed 1 \
        --out Tests/ServiceCustomizationTests/Fixtures/customization-corpus.json \
        --hello-out Tests/ServiceCustomizationTests/Fixtures/hello-world-specs.json

Deterministic for a given seed and package versions: every verdict is computed on messages
parsed from the recorded bytes, and every order that Python leaves to protobuf map iteration
(randomised per process) is canonicalised (see the README).
"""

import argparse
import base64
import json
import math
import os
import platform
import random
import subprocess
import sys
import time
import warnings
from importlib import metadata

from google.protobuf import json_format

from bosdyn.api.image_geometry_pb2 import AreaI
from bosdyn.api.service_customization_pb2 import (
    BoolParam,
    CustomParam,
    DictParam,
    DoubleParam,
    Int64Param,
    ListParam,
    OneOfParam,
    RegionOfInterestParam,
    StringParam,
    UserInterfaceInfo,
)
from bosdyn.api import units_pb2
from bosdyn.api.units_pb2 import Units
from bosdyn.client import service_customization_helpers as sdk

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_model as rm  # noqa: E402

warnings.simplefilter("ignore", FutureWarning)  # protobuf warns on pop() from an empty list

FORMAT = "bosdyn-service-customization-corpus/1"
PINNED = {"bosdyn-client": "5.2.0", "bosdyn-api": "5.2.0", "protobuf": "7.36.2"}
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

KEY_POOL = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "speed", "name", "mode", "count", "enabled", "target", "area", "items", "choice", "level",
    "height", "timeout", "label", "camera", "repeat", "option_a", "option_b", "x", "y", "z",
]
# Rare keys that exercise quoting, unicode, the empty key and Python's string-based nesting.
TRICKY_KEYS = ["with space", "ünïcödé", "dot.key", "UPPER", "", "[k]", "日本"]
STRING_POOL = [
    "World", "Everyone", "Scout", "Spot", "a", "b", "c", "hello world", "fast", "slow",
    "left", "right", "on", "off", "mode 1", "mode 2", "0", "-1", "x y z", "Hello to:",
]
TRICKY_STRINGS = [
    "", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "line\nbreak",
    "ünï", "日本語", "emoji 🙂", "ctl\x01char", "zero\u200bwidth", "a.[b]", "trailing ",
]
DISPLAY_NAMES = ["Speed", "Name", "Mode", "Who", "Repeats", "Area of interest", "Height (m)",
                 "Enable", "Camera", "Label", "Threshold", "Targets", "Ünïcode 名前"]
DESCRIPTIONS = ["", "How fast to go", "Specify who Spot says hello to", "Pick one",
                "Region in the image to inspect", "A multi-line\ndescription", "Value in %"]
UNITS = [
    None, Units(name="m"), Units(name="m/s"), Units(name="s"), Units(name="%"),
    Units(name="deg", is_relative=True), Units(temp=units_pb2.TEMPERATURE_CELSIUS),
    Units(press=units_pb2.PRESSURE_PSI), Units(temp=units_pb2.TEMPERATURE_KELVIN, is_relative=True),
]
SPECIAL_DOUBLES = [1e-05, 1e16, 1e15, 123456789.123, 0.1, 2.0, -0.0, 1e300, 5e-324, 0.30000000000000004,
                   1.5e-7, 3.14159]
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1

SPEC_KINDS = ["dict", "list", "int", "double", "string", "bool", "roi", "one_of"]
SPEC_FIELD = {
    "dict": "dict_spec", "list": "list_spec", "int": "int_spec", "double": "double_spec",
    "string": "string_spec", "bool": "bool_spec", "roi": "roi_spec", "one_of": "one_of_spec",
}
FIELD_KIND = {v: k for k, v in SPEC_FIELD.items()}
VALUE_FIELD = {k: rm.SPEC_TO_VALUE[v][0] for k, v in SPEC_FIELD.items()}


# ============================================================================ serialisation
def b64(msg) -> str:
    return base64.b64encode(msg.SerializeToString(deterministic=True)).decode("ascii")


def canon(obj):
    if isinstance(obj, dict):
        return {k: canon(obj[k]) for k in sorted(obj)}
    if isinstance(obj, list):
        return [canon(x) for x in obj]
    return obj


def proto_json(msg):
    return canon(json.loads(json_format.MessageToJson(msg, preserving_proto_field_name=True)))


def proto_entry(msg):
    return {"b64": b64(msg), "json": proto_json(msg)}


def encode_python_value(x):
    """dict_params_to_dict output as typed JSON (int64 as strings, non-finite doubles as strings)."""
    if isinstance(x, dict):
        return {"dict": {k: encode_python_value(x[k]) for k in sorted(x)}}
    if isinstance(x, list):
        return {"list": [encode_python_value(v) for v in x]}
    if isinstance(x, bool):
        return {"bool": x}
    if isinstance(x, int):
        return {"int": str(x)}
    if isinstance(x, float):
        if math.isnan(x):
            return {"double": "NaN"}
        if math.isinf(x):
            return {"double": "Infinity" if x > 0 else "-Infinity"}
        return {"double": x}
    if isinstance(x, str):
        return {"string": x}
    if isinstance(x, RegionOfInterestParam):
        return {"roi": proto_entry(x)}
    raise TypeError(f"unexpected converted value {x!r}")


def exc_text(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"


def raises_entry(e, key="python_raises"):
    """{key: text} for a Python exception or a model crash with one candidate text, else
    {key + '_candidates': [...]} (which one Python raises depends on map iteration order)."""
    if isinstance(e, rm.ModelCrash):
        if len(e.candidates) == 1:
            return {key: next(iter(e.candidates))}
        return {key + "_candidates": sorted(e.candidates)}
    return {key: exc_text(e)}


# ============================================================================ random specs
class SpecGen:

    def __init__(self, rng: random.Random):
        self.r = rng

    def chance(self, p):
        return self.r.random() < p

    def key(self, used):
        for _ in range(100):
            k = self.r.choice(TRICKY_KEYS) if self.chance(0.03) else self.r.choice(KEY_POOL)
            if k not in used:
                used.add(k)
                return k
        k = f"k{len(used)}"
        used.add(k)
        return k

    def string(self):
        return self.r.choice(TRICKY_STRINGS) if self.chance(0.08) else self.r.choice(STRING_POOL)

    def ui_info(self):
        if not self.chance(0.3):
            return None
        ui = UserInterfaceInfo()
        if self.chance(0.85):
            ui.display_name = self.r.choice(DISPLAY_NAMES)
        if self.chance(0.3):
            ui.description = self.r.choice(DESCRIPTIONS)
        if self.chance(0.6):
            ui.display_order = self.r.randint(-1, 12)
        return ui

    def int_bounds(self):
        if self.chance(0.05):
            return INT64_MIN, INT64_MAX
        lo = self.r.randint(-60, 30)
        return lo, lo + self.r.randint(0, 90)

    def double_bounds(self):
        if self.chance(0.1):
            a, b = sorted(self.r.sample(SPECIAL_DOUBLES + [-x for x in SPECIAL_DOUBLES], 2))
            return a, b
        lo = round(self.r.uniform(-60, 30), self.r.choice([0, 1, 2, 3]))
        return lo, round(lo + self.r.uniform(0, 90), self.r.choice([0, 1, 2]))

    def numeric(self, spec, bounds):
        lo, hi = bounds
        has_min, has_max = self.chance(0.55), self.chance(0.55)
        has_default = self.chance(0.7) or not (has_min or has_max)
        if has_default and not self.chance(0.2):
            if isinstance(lo, int):
                default = self.r.randint(max(lo, -10**6), min(hi, 10**6)) if lo <= hi else lo
            else:
                default = round(self.r.uniform(lo, hi), 2) if math.isfinite(hi - lo) else lo
                default = min(max(default, lo), hi)
            spec.default_value.value = default
        elif has_default:
            spec.default_value.value = lo if self.chance(0.5) else hi
        if not spec.HasField("default_value"):
            # Python compares min/max with 0 when no default is set: keep 0 inside for clean specs.
            lo, hi = min(lo, 0), max(hi, 0)
        if has_min:
            spec.min_value.value = lo
        if has_max:
            spec.max_value.value = hi
        if self.chance(0.35):
            units = self.r.choice(UNITS)
            if units is not None:
                spec.units.CopyFrom(units)

    def int_spec(self):
        s = Int64Param.Spec()
        self.numeric(s, self.int_bounds())
        return s

    def double_spec(self):
        s = DoubleParam.Spec()
        self.numeric(s, self.double_bounds())
        return s

    def string_spec(self):
        s = StringParam.Spec()
        n = self.r.choice([0, 0, 1, 2, 3, 4])
        options = []
        while len(options) < n:
            o = self.string()
            if o not in options:
                options.append(o)
        s.options.extend(options)
        s.editable = self.chance(0.7 if not options else 0.35)
        if self.chance(0.6):
            if options and (not s.editable or self.chance(0.5)):
                s.default_value = self.r.choice(options)
            else:
                s.default_value = self.string()
        s.is_multiline = self.chance(0.2)
        return s

    def bool_spec(self):
        s = BoolParam.Spec()
        if self.chance(0.6):
            s.default_value.value = self.chance(0.5)
        return s

    def service_and_source(self):
        return RegionOfInterestParam.ServiceAndSource(
            service=self.r.choice(["spot-cam-image", "image", "data-acquisition"]),
            source=self.r.choice(["ptz", "pano", "frontleft_fisheye_image", "hand_color_image"]))

    def area(self, rectangle: bool):
        a = AreaI()
        if rectangle:
            a.rectangle.x, a.rectangle.y = self.r.randint(0, 100), self.r.randint(0, 100)
            a.rectangle.cols, a.rectangle.rows = self.r.randint(1, 640), self.r.randint(1, 480)
        else:
            a.polygon.SetInParent()
            for _ in range(self.r.choice([0, 3, 3, 3, 4])):
                a.polygon.vertices.add(x=self.r.randint(0, 640), y=self.r.randint(0, 480))
        return a

    def roi_spec(self):
        s = RegionOfInterestParam.Spec(allows_rectangle=True, allows_polygon=self.chance(0.5))
        if self.chance(0.5):
            s.service_and_source.CopyFrom(self.service_and_source())
        if self.chance(0.4):
            s.default_area.CopyFrom(self.area(rectangle=not s.allows_polygon or self.chance(0.5)))
        return s

    def list_spec(self, depth, max_depth):
        s = ListParam.Spec()
        s.element_spec.CopyFrom(self.custom_spec(depth + 1, max_depth))
        mn = self.r.randint(0, 3) if self.chance(0.4) else None
        mx = (mn or 0) + self.r.randint(0, 3) if self.chance(0.4) else None
        if mn is not None:
            s.min_number_of_values.value = mn
        if mx is not None:
            s.max_number_of_values.value = max(mx, 1) if mn is None else mx
        return s

    def dict_spec(self, depth, max_depth, n=None):
        s = DictParam.Spec()
        used = set()
        if n is None:
            n = self.r.choice([0, 1, 1, 2])
        for _ in range(n):
            k = self.key(used)
            child = s.specs[k]
            child.spec.CopyFrom(self.custom_spec(depth + 1, max_depth))
            ui = self.ui_info()
            if ui is not None:
                child.ui_info.CopyFrom(ui)
        s.is_hidden_by_default = self.chance(0.15)
        return s

    def one_of_spec(self, depth, max_depth):
        s = OneOfParam.Spec()
        used = set()
        n = self.r.choice([1, 2, 2, 2, 3]) if not self.chance(0.04) else 0
        for _ in range(n):
            k = self.key(used)
            s.specs[k].spec.CopyFrom(self.dict_spec(depth, max_depth,
                                                    n=self.r.choice([0, 0, 1, 1])))
            ui = self.ui_info()
            if ui is not None:
                s.specs[k].ui_info.CopyFrom(ui)
        if used and self.chance(0.6):
            s.default_key = self.r.choice(sorted(used))
        return s

    def custom_spec(self, depth, max_depth):
        kinds = ["int", "double", "string", "bool", "roi"]
        weights = [3, 3, 3, 2, 1.2]
        if depth < max_depth:
            kinds += ["dict", "list", "one_of"]
            weights += [1.6, 1.6, 1.4] if depth < max_depth - 1 else [2.5, 2.5, 2.2]
        kind = self.r.choices(kinds, weights)[0]
        spec = CustomParam.Spec()
        sub = {
            "int": self.int_spec, "double": self.double_spec, "string": self.string_spec,
            "bool": self.bool_spec, "roi": self.roi_spec,
        }.get(kind)
        if sub is not None:
            getattr(spec, SPEC_FIELD[kind]).CopyFrom(sub())
        elif kind == "dict":
            spec.dict_spec.CopyFrom(self.dict_spec(depth, max_depth))
        elif kind == "list":
            spec.list_spec.CopyFrom(self.list_spec(depth, max_depth))
        else:
            spec.one_of_spec.CopyFrom(self.one_of_spec(depth, max_depth))
        return spec

    def deep_custom(self, depth, max_depth):
        """A container chain that reaches max_depth (other children stay random)."""
        if depth >= max_depth:
            return self.custom_spec(depth, max_depth)
        spec = CustomParam.Spec()
        kind = self.r.choice(["dict", "list", "one_of"])
        if kind == "dict":
            d = self.dict_spec(depth, max_depth, n=self.r.choice([0, 0, 1]))
            k = self.key(set(d.specs.keys()))
            d.specs[k].spec.CopyFrom(self.deep_custom(depth + 1, max_depth))
            spec.dict_spec.CopyFrom(d)
        elif kind == "list":
            spec.list_spec.CopyFrom(self.list_spec(depth, max_depth))
            spec.list_spec.element_spec.CopyFrom(self.deep_custom(depth + 1, max_depth))
        else:
            o = self.one_of_spec(depth, max_depth)
            if not o.specs:
                o.specs["choice"].spec.SetInParent()
            target = o.specs[self.r.choice(sorted(o.specs.keys()))].spec
            target.specs[self.key(set(target.specs.keys()))].spec.CopyFrom(
                self.deep_custom(depth + 1, max_depth))
            spec.one_of_spec.CopyFrom(o)
        return spec

    def top_spec(self, max_depth):
        n = self.r.randint(1, 3 if max_depth <= 1 else 2)
        s = self.dict_spec(-1, max_depth, n=n)
        if max_depth >= 2:
            k = self.key(set(s.specs.keys()))
            s.specs[k].spec.CopyFrom(self.deep_custom(0, max_depth))
        return s


def spec_nodes(spec: DictParam.Spec, with_levels=False):
    """All CustomParam.Spec nodes and dict specs below (and including) a dict spec; with
    levels, also each dict's number of enclosing containers (0 for the top-level dict)."""
    customs, dicts, levels = [], [], []

    def walk_custom(c, level):
        customs.append(c)
        which = c.WhichOneof("spec")
        if which == "dict_spec":
            walk_dict(c.dict_spec, level + 1)
        elif which == "list_spec":
            if c.list_spec.HasField("element_spec"):
                walk_custom(c.list_spec.element_spec, level + 1)
        elif which == "one_of_spec":
            for k in sorted(c.one_of_spec.specs):
                walk_dict(c.one_of_spec.specs[k].spec, level + 1)

    def walk_dict(d, level):
        dicts.append(d)
        levels.append(level)
        for k in sorted(d.specs):
            walk_custom(d.specs[k].spec, level)

    walk_dict(spec, 0)
    return (customs, dicts, levels) if with_levels else (customs, dicts)


def spec_depth(spec: DictParam.Spec) -> int:
    """Container levels below the top-level dict (a leaf directly in it has depth 0)."""

    def custom_depth(c):
        which = c.WhichOneof("spec")
        if which == "dict_spec":
            return 1 + dict_depth(c.dict_spec)
        if which == "list_spec":
            return 1 + (custom_depth(c.list_spec.element_spec)
                        if c.list_spec.HasField("element_spec") else 0)
        if which == "one_of_spec":
            return 1 + max([dict_depth(c.one_of_spec.specs[k].spec)
                            for k in c.one_of_spec.specs] or [0])
        return 0

    def dict_depth(d):
        return max([custom_depth(d.specs[k].spec) for k in d.specs] or [0])

    return dict_depth(spec)


def spec_kinds(spec: DictParam.Spec):
    customs, _ = spec_nodes(spec)
    return sorted({FIELD_KIND.get(c.WhichOneof("spec"), "unset") for c in customs})


# Spec mutations: deliberate errors and Python-bug triggers applied to one node of a clean spec.
def mutate_spec(g: SpecGen, spec: DictParam.Spec, name: str) -> str:
    r = g.r
    customs, dicts, levels = spec_nodes(spec, with_levels=True)
    shallow = [d for d, level in zip(dicts, levels) if level <= 3]  # room for one more container
    by_kind = {}
    for c in customs:
        by_kind.setdefault(FIELD_KIND.get(c.WhichOneof("spec")), []).append(c)

    def node(kind, maker):
        if by_kind.get(kind) and r.random() < 0.8:
            return getattr(r.choice(by_kind[kind]), SPEC_FIELD[kind])
        d = r.choice(shallow if kind in ("dict", "list", "one_of") else dicts)
        k = g.key(set(d.specs.keys()))
        getattr(d.specs[k].spec, SPEC_FIELD[kind]).CopyFrom(maker())
        return getattr(d.specs[k].spec, SPEC_FIELD[kind])

    numeric = r.choice(["int", "double"])
    num_maker = g.int_spec if numeric == "int" else g.double_spec
    lo, hi = (r.randint(1, 40), r.randint(41, 90)) if numeric == "int" else (
        round(r.uniform(0.5, 40), 2), round(r.uniform(41, 90), 2))
    if name == "numeric_min_gt_max":
        s = node(numeric, num_maker)
        s.min_value.value, s.max_value.value = hi, lo
        if s.HasField("default_value") and r.random() < 0.5:
            s.default_value.value = lo
    elif name == "numeric_default_below_min":
        s = node(numeric, num_maker)
        s.min_value.value, s.default_value.value = hi, lo
    elif name == "numeric_default_above_max":
        s = node(numeric, num_maker)
        s.max_value.value, s.default_value.value = lo, hi
        s.ClearField("min_value") if r.random() < 0.5 else None
    elif name == "bug_numeric_min_positive_no_default":
        s = node(numeric, num_maker)
        s.ClearField("default_value")
        s.min_value.value = lo
        if r.random() < 0.5:
            s.max_value.value = hi
        else:
            s.ClearField("max_value")
    elif name == "bug_numeric_max_negative_no_default":
        s = node(numeric, num_maker)
        s.ClearField("default_value")
        s.max_value.value = -lo
        s.ClearField("min_value") if r.random() < 0.5 else setattr(s.min_value, "value", -hi)
    elif name == "string_default_not_in_options":
        s = node("string", g.string_spec)
        if not s.options:
            s.options.extend(["a", "b"])
        s.editable = False
        s.default_value = next(x for x in STRING_POOL if x not in s.options)
    elif name == "roi_polygon_default_refused":
        s = node("roi", g.roi_spec)
        s.allows_polygon = False
        s.allows_rectangle = True
        s.default_area.CopyFrom(g.area(rectangle=False))
        if not s.default_area.polygon.vertices:
            s.default_area.polygon.vertices.add(x=1, y=2)
    elif name == "bug_roi_no_rectangle":
        s = node("roi", g.roi_spec)
        s.allows_rectangle = False
        s.allows_polygon = r.random() < 0.7
        if r.random() < 0.3:
            s.default_area.CopyFrom(g.area(rectangle=not s.allows_polygon and r.random() < 0.5))
        elif s.HasField("default_area") and s.default_area.WhichOneof("geometry") == "rectangle":
            s.ClearField("default_area")
    elif name == "list_min_gt_max":
        s = node("list", lambda: g.list_spec(3, 3))
        s.min_number_of_values.value, s.max_number_of_values.value = r.randint(2, 4), r.randint(0, 1)
    elif name == "list_negative_bound":
        s = node("list", lambda: g.list_spec(3, 3))
        if r.random() < 0.5:
            s.min_number_of_values.value = -r.randint(1, 3)
        else:
            s.max_number_of_values.value = -r.randint(1, 3)
    elif name == "list_no_element_spec":
        s = node("list", lambda: g.list_spec(3, 3))
        s.ClearField("element_spec")
    elif name == "one_of_bad_default_key":
        s = node("one_of", lambda: g.one_of_spec(3, 3))
        s.default_key = "no_such_key"
    elif name == "bug_one_of_empty":
        s = node("one_of", lambda: g.one_of_spec(3, 3))
        s.ClearField("specs")
        s.default_key = ""
    elif name == "bug_one_of_no_default_key":
        s = node("one_of", lambda: g.one_of_spec(3, 3))
        if not s.specs:
            s.specs["on"].spec.SetInParent()
            s.specs["off"].spec.SetInParent()
        s.default_key = ""
    elif name == "bug_custom_spec_unset":
        d = r.choice(dicts)
        d.specs[g.key(set(d.specs.keys()))].spec.Clear()
    else:
        raise ValueError(name)
    return name


SPEC_MUTATIONS = [
    ("numeric_min_gt_max", 3), ("numeric_default_below_min", 2), ("numeric_default_above_max", 2),
    ("string_default_not_in_options", 2), ("roi_polygon_default_refused", 1.5),
    ("list_min_gt_max", 1.5), ("list_negative_bound", 1.5), ("list_no_element_spec", 1),
    ("one_of_bad_default_key", 1.5),
]
BUG_SPEC_MUTATIONS = [
    ("bug_numeric_min_positive_no_default", 3), ("bug_numeric_max_negative_no_default", 2),
    ("bug_roi_no_rectangle", 3), ("bug_one_of_empty", 2), ("bug_one_of_no_default_key", 3),
    ("bug_custom_spec_unset", 0.8),
]


# ============================================================================ random values
class ValueGen:

    def __init__(self, g: SpecGen):
        self.g = g
        self.r = g.r

    def dict_value(self, spec: DictParam.Spec, out: DictParam, p_present=0.8):
        for k in sorted(spec.specs):
            if self.r.random() < p_present:
                self.custom_value(spec.specs[k].spec, out.values[k])

    def custom_value(self, spec: CustomParam.Spec, out: CustomParam):
        which = spec.WhichOneof("spec")
        if which is None:
            out.int_value.value = 1
            return
        kind = FIELD_KIND[which]
        sub = getattr(spec, which)
        target = getattr(out, VALUE_FIELD[kind])
        if kind == "dict":
            target.SetInParent()
            self.dict_value(sub, target)
        elif kind == "list":
            target.SetInParent()
            lo = max(sub.min_number_of_values.value, 0) if sub.HasField("min_number_of_values") else 0
            hi = sub.max_number_of_values.value if sub.HasField("max_number_of_values") else lo + 3
            n = self.r.randint(lo, max(lo, min(hi, lo + 1 + (self.r.random() < 0.3))))
            if sub.HasField("element_spec"):
                for _ in range(n):
                    self.custom_value(sub.element_spec, target.values.add())
        elif kind in ("int", "double"):
            target.value = self.number(sub, kind == "int")
        elif kind == "string":
            if not sub.editable and sub.options:
                target.value = self.r.choice(list(sub.options))
            elif sub.options and self.r.random() < 0.5:
                target.value = self.r.choice(list(sub.options))
            else:
                target.value = self.g.string()
        elif kind == "bool":
            target.value = self.r.random() < 0.5
        elif kind == "roi":
            target.SetInParent()
            shapes = (["rectangle"] if sub.allows_rectangle else []) + (
                ["polygon"] if sub.allows_polygon else []) + ["none"]
            shape = self.r.choice(shapes)
            if shape != "none":
                target.area.CopyFrom(self.g.area(rectangle=shape == "rectangle"))
            if sub.HasField("service_and_source") and self.r.random() < 0.7:
                target.service_and_source.CopyFrom(sub.service_and_source)
            elif self.r.random() < 0.3:
                target.service_and_source.CopyFrom(self.g.service_and_source())
            if self.r.random() < 0.5:
                target.image_cols, target.image_rows = self.r.randint(0, 1920), self.r.randint(0, 1080)
        else:
            keys = sorted(sub.specs)
            target.key = self.r.choice(keys) if keys else ""
            for k in keys:
                if k == target.key or self.r.random() < 0.1:
                    self.dict_value(sub.specs[k].spec, target.values[k])

    def number(self, spec, is_int):
        lo = spec.min_value.value if spec.HasField("min_value") else None
        hi = spec.max_value.value if spec.HasField("max_value") else None
        if self.r.random() < 0.2 and spec.HasField("default_value"):
            return spec.default_value.value
        if self.r.random() < 0.15:
            edge = [x for x in (lo, hi) if x is not None]
            if edge:
                return self.r.choice(edge)
        if is_int:
            a = lo if lo is not None else (hi - 100 if hi is not None else -100)
            b = hi if hi is not None else a + 200
            a, b = max(min(a, b), INT64_MIN), min(max(a, b), INT64_MAX)
            if b - a > 2 * 10**6:
                a2, b2 = max(a, -10**6), min(b, 10**6)
                a, b = (a2, b2) if a2 <= b2 else (a, a + 10**6)
            return self.r.randint(a, b)
        if self.r.random() < 0.05:
            return self.r.choice(SPECIAL_DOUBLES)
        a = lo if lo is not None else (hi - 100 if hi is not None else -100.0)
        b = hi if hi is not None else a + 200
        if not (math.isfinite(a) and math.isfinite(b)) or b - a > 1e12:
            return self.r.choice([a, b])
        return round(self.r.uniform(min(a, b), max(a, b)), self.r.choice([0, 1, 2, 6]))


def value_sites(spec: DictParam.Spec, value: DictParam):
    """(kind, spec, message, extra) mutation sites of a value, walking spec and value together."""
    sites = [("dict", spec, value, None)]

    def walk_dict(dspec, dval):
        for k in sorted(dval.values.keys()):
            if k not in dspec.specs:
                continue
            walk_custom(dspec.specs[k].spec, dval.values[k])

    def walk_custom(cspec, cval):
        which = cspec.WhichOneof("spec")
        if which is None:
            return
        sites.append(("custom", cspec, cval, None))
        kind = FIELD_KIND[which]
        if not cval.HasField(VALUE_FIELD[kind]):
            return
        sub, target = getattr(cspec, which), getattr(cval, VALUE_FIELD[kind])
        sites.append((kind, sub, target, None))
        if kind == "dict":
            sites.append(("dict", sub, target, None))
            walk_dict(sub, target)
        elif kind == "list" and sub.HasField("element_spec"):
            for e in target.values:
                walk_custom(sub.element_spec, e)
        elif kind == "one_of":
            for k in sorted(target.values.keys()):
                if k in sub.specs:
                    sites.append(("dict", sub.specs[k].spec, target.values[k], "inactive"
                                  if k != target.key else None))
                    walk_dict(sub.specs[k].spec, target.values[k])

    walk_dict(spec, value)
    return sites


def wrong_type_payload(r, exclude_field, out: CustomParam):
    """A simple value of another type (at most one map entry, so its text form is stable)."""
    choices = [f for f in ("int_value", "double_value", "string_value", "bool_value", "dict_value",
                           "list_value", "roi_value", "one_of_value") if f != exclude_field]
    f = r.choice(choices)
    out.Clear()
    if f == "int_value":
        out.int_value.value = r.choice([7, -3, 0, 1 << 40])
    elif f == "double_value":
        out.double_value.value = r.choice([2.5, 0.0, -1e-3, 1e20])
    elif f == "string_value":
        out.string_value.value = r.choice(["oops", "", "ünï", 'q"uote'])
    elif f == "bool_value":
        out.bool_value.value = r.random() < 0.5
    elif f == "dict_value":
        out.dict_value.SetInParent()
        if r.random() < 0.5:
            out.dict_value.values["x"].int_value.value = 1
    elif f == "list_value":
        out.list_value.SetInParent()
        if r.random() < 0.6:
            out.list_value.values.add().bool_value.value = True
    elif f == "roi_value":
        out.roi_value.image_cols = 4
    else:
        out.one_of_value.key = r.choice(["k", "on"])
    return f


def mutate_value(vg: ValueGen, spec: DictParam.Spec, value: DictParam, exclude=()):
    """Apply one mutation at a random applicable site; returns its name (or None)."""
    r, g = vg.r, vg.g
    sites = value_sites(spec, value)
    options = []
    for kind, s, msg, extra in sites:
        if kind == "dict":
            options.append(("unknown_key", 1.2, kind, s, msg))
            if len(msg.values) > 0:
                options.append(("missing_key", 1, kind, s, msg))
            if extra == "inactive":
                options.append(("inactive_one_of_child_garbage", 4, kind, s, msg))
        elif kind == "custom":
            options.append(("wrong_type", 1.2, kind, s, msg))
            options.append(("custom_param_unset", 0.4, kind, s, msg))
        elif kind in ("int", "double"):
            if s.HasField("min_value"):
                options.append(("below_min", 2, kind, s, msg))
            if s.HasField("max_value"):
                options.append(("above_max", 2, kind, s, msg))
            if kind == "double":
                options.append(("nan_or_inf", 0.3, kind, s, msg))
        elif kind == "string" and not s.editable and s.options:
            options.append(("string_not_in_options", 2, kind, s, msg))
        elif kind == "roi":
            if s.allows_rectangle:
                options.append(("roi_rectangle", 0.5, kind, s, msg))
            else:
                options.append(("roi_rectangle_refused", 1.5, kind, s, msg))
            if not s.allows_polygon:
                options.append(("roi_polygon_refused", 1.5, kind, s, msg))
            options.append(("roi_negative_size", 1, kind, s, msg))
            if s.HasField("service_and_source"):
                options.append(("roi_other_source", 1, kind, s, msg))
        elif kind == "list":
            if s.HasField("max_number_of_values") and s.max_number_of_values.value >= 0:
                options.append(("list_too_long", 2, kind, s, msg))
            if s.HasField("min_number_of_values") and s.min_number_of_values.value > 0:
                options.append(("list_too_short", 2, kind, s, msg))
            if s.HasField("element_spec") and s.element_spec.WhichOneof("spec"):
                options.append(("list_element_wrong_type", 2, kind, s, msg))
                if len(msg.values) and r.random() < 0.3:
                    options.append(("list_element_unset", 0.5, kind, s, msg))
        elif kind == "one_of":
            options.append(("one_of_unknown_key", 2, kind, s, msg))
            options.append(("one_of_empty_key", 0.7, kind, s, msg))
            if s.specs:
                options.append(("one_of_active_values_missing", 0.5, kind, s, msg))
    options = [o for o in options if o[0] not in exclude]
    if not options:
        return None
    name, _, kind, s, msg = r.choices(options, [o[1] for o in options])[0]
    if name == "unknown_key":
        k = r.choice(["bogus", "extra", "unknown_key", "Alpha"] + TRICKY_KEYS[:2])
        if k in s.specs:
            k = k + "_x"
        wrong_type_payload(r, None, msg.values[k])
    elif name == "missing_key":
        del msg.values[r.choice(sorted(msg.values.keys()))]
    elif name == "inactive_one_of_child_garbage":
        if s.specs and r.random() < 0.6:
            k = r.choice(sorted(s.specs.keys()))
            which = s.specs[k].spec.WhichOneof("spec")
            wrong_type_payload(r, rm.SPEC_TO_VALUE[which][0] if which else None, msg.values[k])
        else:
            msg.values["stray"].int_value.value = 1
    elif name == "wrong_type":
        which = s.WhichOneof("spec")
        wrong_type_payload(r, rm.SPEC_TO_VALUE[which][0], msg)
    elif name == "custom_param_unset":
        msg.Clear()
    elif name == "below_min":
        lo = s.min_value.value
        if kind == "int":
            msg.value = lo - r.choice([1, 1, 5, 1000]) if lo > INT64_MIN + 1000 else INT64_MIN
            if lo == INT64_MIN:
                return None
        else:
            msg.value = lo - r.choice([0.5, 1.0, 1e-9 * max(1.0, abs(lo)), 1e6])
            if not msg.value < lo:
                msg.value = float("-inf")
    elif name == "above_max":
        hi = s.max_value.value
        if kind == "int":
            if hi == INT64_MAX:
                return None
            msg.value = hi + r.choice([1, 1, 5, 1000]) if hi < INT64_MAX - 1000 else INT64_MAX
        else:
            msg.value = hi + r.choice([0.5, 1.0, 1e-9 * max(1.0, abs(hi)), 1e6])
            if not msg.value > hi:
                msg.value = float("inf")
    elif name == "nan_or_inf":
        msg.value = r.choice([float("nan"), float("inf"), float("-inf")])
    elif name == "string_not_in_options":
        msg.value = next(x for x in r.sample(STRING_POOL + TRICKY_STRINGS, 8) + ["zz-not-an-option"]
                         if x not in s.options)
    elif name == "roi_rectangle" or name == "roi_rectangle_refused":
        msg.area.CopyFrom(g.area(rectangle=True))
    elif name == "roi_polygon_refused":
        msg.area.CopyFrom(g.area(rectangle=False))
        if not msg.area.polygon.vertices:
            msg.area.polygon.vertices.add(x=3, y=4)
    elif name == "roi_negative_size":
        if r.random() < 0.5:
            msg.image_cols = -r.randint(1, 10)
        else:
            msg.image_rows = -r.randint(1, 10)
    elif name == "roi_other_source":
        msg.service_and_source.service = "other-service"
    elif name == "list_too_long":
        while len(msg.values) <= s.max_number_of_values.value:
            vg.custom_value(s.element_spec, msg.values.add())
    elif name == "list_too_short":
        del msg.values[max(0, s.min_number_of_values.value - 1 - r.randint(0, 1)):]
    elif name == "list_element_wrong_type":
        if not msg.values:
            vg.custom_value(s.element_spec, msg.values.add())
        e = msg.values[r.randrange(len(msg.values))]
        wrong_type_payload(r, rm.SPEC_TO_VALUE[s.element_spec.WhichOneof("spec")][0], e)
    elif name == "list_element_unset":
        msg.values[r.randrange(len(msg.values))].Clear()
    elif name == "one_of_unknown_key":
        msg.key = "no_such_choice"
    elif name == "one_of_empty_key":
        msg.key = ""
    elif name == "one_of_active_values_missing":
        msg.key = r.choice(sorted(s.specs.keys()))
        if msg.key in msg.values:
            del msg.values[msg.key]
    return name


# ============================================================================ evaluation
class Evaluator:
    """Runs the SDK and the reference model on one spec and its values."""

    def __init__(self):
        self.python_model = rm.Model()
        self.structural_model = rm.Model(structural_paths=True)
        self.fixed_model = rm.Model(rm.ALL_FIXES)
        self.single_fix_models = {f: rm.Model([f]) for f in rm.ALL_FIXES}
        self.disagreements = []

    # ---------------------------------------------------------------- spec
    @staticmethod
    def spec_result_sdk(spec_bytes):
        spec = DictParam.Spec.FromString(spec_bytes)
        try:
            sdk.validate_dict_spec(spec)
            return {"valid": True}
        except sdk.InvalidCustomParamSpecError as e:
            return {"valid": False, "errors": list(e.args[0])}
        except Exception as e:  # noqa: BLE001 - recording what Python does
            return {"valid": False, "raises": e}

    @staticmethod
    def spec_result_model(model, spec_bytes):
        spec = DictParam.Spec.FromString(spec_bytes)
        try:
            errors = model.validate_dict_spec(spec)
            return {"valid": True} if not errors else {"valid": False, "errors": errors}
        except rm.ModelCrash as e:
            return {"valid": False, "raises": e}

    @staticmethod
    def canon_spec(res):
        out = {"spec_valid": res["valid"]}
        if "errors" in res:
            errs = sorted(res["errors"])
            out["spec_errors"] = errs  # validate_dict_spec raised InvalidCustomParamSpecError(errs)
            if len(errs) > 1:
                out["spec_multi_error"] = True
        if "raises" in res:
            out.update(raises_entry(res["raises"], "spec_python_raises"))
        return out

    # ---------------------------------------------------------------- values
    @staticmethod
    def sdk_ops(spec_bytes, value_bytes):
        """Python's verdicts, each on freshly parsed messages."""
        parse = lambda: (DictParam.Spec.FromString(spec_bytes), DictParam.FromString(value_bytes))
        out = {}
        s, v = parse()
        try:
            err = sdk.create_value_validator(s)(v)
            out["validation"] = ("ok", None) if err is None else ("err", (err.status,
                                                                         list(err.error_messages)))
        except Exception as e:  # noqa: BLE001
            out["validation"] = ("raise", e)
        s, v = parse()
        try:
            did = sdk.dict_param_coerce_to(v, s)
            out["coercion"] = ("ok", (bool(did), v.SerializeToString(deterministic=True)))
        except Exception as e:  # noqa: BLE001
            out["coercion"] = ("raise", e)
        s, v = parse()
        try:
            out["conversion"] = ("ok", sdk.dict_params_to_dict(v, s))
        except Exception as e:  # noqa: BLE001
            out["conversion"] = ("raise", e)
        return out

    @staticmethod
    def model_ops(model, spec_bytes, value_bytes):
        parse = lambda: (DictParam.Spec.FromString(spec_bytes), DictParam.FromString(value_bytes))
        out = {}
        s, v = parse()
        try:
            errors = model.validate_dict_spec(s)
            if errors:
                out["validation"] = ("spec", errors)
            else:
                err = model.validate_value(s, v)
                out["validation"] = ("ok", None) if err is None else ("err", err)
        except rm.ModelCrash as e:
            out["validation"] = ("raise", e)
        s, v = parse()
        try:
            did = model.coerce(s, v)
            out["coercion"] = ("ok", (bool(did), v.SerializeToString(deterministic=True)))
        except rm.ModelCrash as e:
            out["coercion"] = ("raise", e)
        s, v = parse()
        try:
            out["conversion"] = ("ok", model.to_python(s, v))
        except rm.ModelCrash as e:
            out["conversion"] = ("raise", e)
        except rm.SpecInvalid as e:
            out["conversion"] = ("spec", e.args[0])
        except rm.ValueInvalid:
            out["conversion"] = ("value_invalid", None)
        return out

    @staticmethod
    def _loose_equal(py_msgs, model_msgs):
        """Equal up to order, and up to the order of elements in a printed set of keys."""
        if sorted(py_msgs) == sorted(model_msgs):
            return True
        if len(py_msgs) != len(model_msgs):
            return False
        return sorted(sorted(m) for m in py_msgs) == sorted(sorted(m) for m in model_msgs)

    def canon_value(self, ops, source, spec_bytes, value_bytes):
        """Turn raw results into the corpus's canonical form; `source` is 'sdk' or 'model'."""
        res = {}
        kind, payload = ops["validation"]
        if kind == "ok":
            res["validation"] = {"valid": True}
        elif kind == "raise":
            if source == "sdk" and isinstance(payload, sdk.InvalidCustomParamSpecError):
                res["validation"] = {
                    "python_raises": "InvalidCustomParamSpecError"}
            else:
                res["validation"] = raises_entry(payload)
        elif kind == "spec":
            res["validation"] = {"python_raises": "InvalidCustomParamSpecError"}
        else:
            if source == "sdk":
                status, messages = payload
                candidates = None
            else:
                status, messages, candidates = payload.status, payload.messages, payload.candidates
            res["validation"] = self._validation_entry(status, messages, candidates)
        kind, payload = ops["coercion"]
        if kind == "raise":
            res["coercion"] = raises_entry(payload)
        else:
            did, data = payload
            changed = data != value_bytes
            entry = {"did_coerce": did, "changed": changed}
            if changed:  # base64 only, to keep the corpus small (show_case.py decodes it)
                entry["value"] = {"b64": b64(DictParam.FromString(data))}
            res["coercion"] = entry
        kind, payload = ops["conversion"]
        if kind == "ok":
            res["conversion"] = {"result": encode_python_value(payload)}
        elif kind == "value_invalid" or (kind == "raise" and source == "sdk" and
                                         isinstance(payload, sdk.InvalidCustomParamValueError)):
            res["conversion"] = {"python_raises": "InvalidCustomParamValueError"}
        elif kind == "spec" or (kind == "raise" and source == "sdk" and
                                isinstance(payload, sdk.InvalidCustomParamSpecError)):
            res["conversion"] = {"python_raises": "InvalidCustomParamSpecError"}
        else:
            res["conversion"] = raises_entry(payload)
        return res

    @staticmethod
    def _validation_entry(status, messages, candidates):
        messages = list(messages)
        multi = len(messages) > 1
        entry = {"valid": False}
        if multi:
            messages = sorted(messages)
        if candidates is not None and len(candidates) > 1:
            entry["status_candidates"] = sorted(rm.STATUS_NAME[c] for c in candidates)
        else:
            entry["status"] = rm.STATUS_NAME[status]
        entry["error_messages"] = messages
        if multi:
            entry["multi_error"] = True
        return entry

    def _matches(self, sdk_entry, model_entry):
        """Python's observed result is one the model allows."""
        if "python_raises_candidates" in model_entry:
            return sdk_entry.get("python_raises") in model_entry["python_raises_candidates"]
        if "error_messages" in sdk_entry and "error_messages" in model_entry:
            if not self._loose_equal(sdk_entry["error_messages"], model_entry["error_messages"]):
                return False
            cands = model_entry.get("status_candidates") or [model_entry["status"]]
            return sdk_entry["status"] in cands and sdk_entry.get("multi_error") == model_entry.get("multi_error")
        return sdk_entry == model_entry

    def evaluate_value(self, spec_bytes, value_bytes, spec_valid_python):
        sdk_raw = self.sdk_ops(spec_bytes, value_bytes)
        model_raw = self.model_ops(self.python_model, spec_bytes, value_bytes)
        sdk_res = self.canon_value(sdk_raw, "sdk", spec_bytes, value_bytes)
        model_res = self.canon_value(model_raw, "model", spec_bytes, value_bytes)
        # --- the model must reproduce Python
        problems = [(part, sdk_res[part], model_res[part]) for part in ("validation", "coercion", "conversion")
                    if not self._matches(sdk_res[part], model_res[part])]
        if problems:
            self.disagreements.append({"spec": base64.b64encode(spec_bytes).decode(),
                                       "value": base64.b64encode(value_bytes).decode(),
                                       "problems": problems})
        # The corpus records Python's verdicts in canonical form: the model's (equal to Python's
        # up to the orders that Python leaves to map iteration, with candidates where that order
        # decides an outcome).
        chosen = model_res if not problems else sdk_res
        record = {part: dict(chosen[part]) for part in ("validation", "coercion", "conversion")}
        add_message_flags(record["validation"])
        quirks = []
        if "error_messages" in record["validation"]:
            s, v = DictParam.Spec.FromString(spec_bytes), DictParam.FromString(value_bytes)
            structural = self.structural_model.validate_value(s, v)
            if sorted(structural.messages) != sorted(record["validation"]["error_messages"]):
                quirks.append(STRING_BASED_NESTING)
                record["validation"]["structural_error_messages"] = sorted(structural.messages)
        if implied_conversion(record["validation"]) == record["conversion"]:
            # dict_params_to_dict validates first and raises what validation reports.
            del record["conversion"]
        # --- fixed behaviour and bug tags
        fixed_res = self.canon_value(self.model_ops(self.fixed_model, spec_bytes, value_bytes),
                                     "model", spec_bytes, value_bytes)
        python_cmp = model_res
        diff = {p: fixed_res[p] for p in ("validation", "coercion", "conversion")
                if fixed_res[p] != python_cmp[p]}
        if "validation" in diff:
            diff["validation"] = add_message_flags(dict(diff["validation"]))
        tags = []
        if diff:
            for fix, model in self.single_fix_models.items():
                single = self.canon_value(self.model_ops(model, spec_bytes, value_bytes), "model",
                                          spec_bytes, value_bytes)
                if any(single[p] != python_cmp[p] for p in ("validation", "coercion", "conversion")):
                    tags.append(fix)
            if not tags:
                # Only a combination explains it (one defect hides another): tag the fixes
                # without which the fixed behaviour would not be reached.
                for fix in rm.ALL_FIXES:
                    others = rm.Model([f for f in rm.ALL_FIXES if f != fix])
                    res = self.canon_value(self.model_ops(others, spec_bytes, value_bytes), "model",
                                           spec_bytes, value_bytes)
                    if any(res[p] != fixed_res[p] for p in ("validation", "coercion", "conversion")):
                        tags.append(fix)
                if os.environ.get("CORPUS_DEBUG"):
                    print("combined-fix case", base64.b64encode(spec_bytes).decode(),
                          base64.b64encode(value_bytes).decode(), tags, file=sys.stderr)
            if not tags:
                raise AssertionError("fixed behaviour differs but no fix explains it")
            record["fixed"] = diff
        if quirks:
            record["python_quirk"] = quirks[0]
        return record, tags

    def evaluate_case(self, spec: DictParam.Spec, values):
        spec_bytes = spec.SerializeToString(deterministic=True)
        sdk_spec = self.canon_spec(self.spec_result_sdk(spec_bytes))
        model_spec = self.canon_spec(self.spec_result_model(self.python_model, spec_bytes))
        if "spec_python_raises_candidates" in model_spec:
            agree = sdk_spec.get("spec_python_raises") in model_spec["spec_python_raises_candidates"]
        else:
            agree = sdk_spec == model_spec
        if not agree:
            self.disagreements.append({"spec": base64.b64encode(spec_bytes).decode(),
                                       "problems": [("spec", sdk_spec, model_spec)]})
        else:
            sdk_spec = model_spec
        fixed_spec = self.canon_spec(self.spec_result_model(self.fixed_model, spec_bytes))
        case = {"spec": proto_entry(DictParam.Spec.FromString(spec_bytes))}
        case.update(sdk_spec)
        if "spec_errors" in sdk_spec:
            structural = sorted(self.structural_model.validate_dict_spec(DictParam.Spec.FromString(spec_bytes)))
            if structural != sdk_spec["spec_errors"]:
                case["structural_spec_errors"] = structural
                case["python_quirk"] = STRING_BASED_NESTING
        spec_tags = []
        if fixed_spec != sdk_spec:
            for fix, model in self.single_fix_models.items():
                if self.canon_spec(self.spec_result_model(model, spec_bytes)) != sdk_spec:
                    spec_tags.append(fix)
            case["fixed"] = {k: v for k, v in fixed_spec.items() if sdk_spec.get(k) != v}
            for k in sdk_spec:
                if k not in fixed_spec:
                    case["fixed"][k] = None
        results = []
        for label, intent, value in values:
            value_bytes = value.SerializeToString(deterministic=True)
            record, tags = self.evaluate_value(spec_bytes, value_bytes, sdk_spec["spec_valid"])
            entry = {"label": label, "intent": intent,
                     "value": proto_entry(DictParam.FromString(value_bytes))}
            entry.update(record)
            fixed = entry.pop("fixed", None)
            if tags:
                entry["python_bug"] = tags[0]
                if len(tags) > 1:
                    entry["python_bugs"] = tags
            if fixed is not None:
                entry["fixed"] = fixed
            results.append(entry)
        return case, spec_tags, results


STRING_BASED_NESTING = "string_based_nesting"
QUIRK_TAGS = {
    STRING_BASED_NESTING: {
        "python": "Nested error messages are built by string surgery: a child message that already "
                  "contains ' param has error: ' (anywhere, also inside a user string) gets "
                  "'<name>.' prepended, else '<name> param has error: '; then every '.[' in the whole "
                  "message becomes '['. Keys or strings containing ' param has error: ' or '.[' (or keys "
                  "starting with '[') therefore come out mangled.",
        "structural": "structural_error_messages / structural_spec_errors: the same messages built from "
                      "the path components (path = key, '.key' or '[i]' per level, then ' param has "
                      "error: ' and the untouched text). Compare with these if the Swift code builds "
                      "paths structurally; both agree whenever the quirk is not triggered.",
    },
}


def implied_conversion(validation):
    """What dict_params_to_dict raises for a value that does not validate."""
    if validation.get("valid"):
        return None
    if "error_messages" in validation:
        return {"python_raises": "InvalidCustomParamValueError"}
    return {k: v for k, v in validation.items() if k.startswith("python_raises")}


def add_message_flags(validation):
    msgs = validation.get("error_messages", [])
    if any("DictParam value contains keys {" in m and "', '" in m for m in msgs):
        validation["unordered_set_in_message"] = True
    if any(" has type <class '" in m for m in msgs):
        validation["text_format_in_message"] = True
    return validation


def tag_fields(tags):
    out = {}
    if tags:
        out["python_bug"] = tags[0]
        if len(tags) > 1:
            out["python_bugs"] = list(tags)
    return out


# ============================================================================ targeted cases
def D(**children):
    s = DictParam.Spec()
    for k, v in children.items():
        if isinstance(v, tuple):
            v, ui = v
            s.specs[k].ui_info.CopyFrom(ui)
        s.specs[k].spec.CopyFrom(v)
    return s


def C(**kw):
    return CustomParam.Spec(**kw)


def ival(v):
    return CustomParam(int_value=Int64Param(value=v))


def val(**entries):
    d = DictParam()
    for k, v in entries.items():
        d.values[k].CopyFrom(v)
    return d


def one_of(children, default_key=""):
    s = OneOfParam.Spec(default_key=default_key)
    for k, d in children.items():
        s.specs[k].spec.CopyFrom(d)
    return C(one_of_spec=s)


def targeted_cases():
    """Hand-written specs that pin each message format and each Python defect."""
    cases = []

    def add(name, spec, values):
        cases.append((name, spec, values))

    I = lambda **kw: C(int_spec=Int64Param.Spec(**kw))
    F = lambda **kw: C(double_spec=DoubleParam.Spec(**kw))
    S = lambda **kw: C(string_spec=StringParam.Spec(**kw))
    R = lambda **kw: C(roi_spec=RegionOfInterestParam.Spec(**kw))
    L = lambda el, **kw: C(list_spec=ListParam.Spec(element_spec=el, **kw))
    W = lambda v: {"value": v}
    empty = ("empty", "valid", DictParam())

    # 1. numeric min/max without default
    for name, spec, inside, below_ok, above_ok in [
        ("bug1-int-min-positive", D(n=I(min_value=W(5))), 7, False, True),
        ("bug1-int-max-negative", D(n=I(max_value=W(-5))), -6, True, False),
        ("bug1-int-min-max-positive", D(n=I(min_value=W(5), max_value=W(10))), 7, False, False),
        ("bug1-double-min-positive", D(n=F(min_value=W(0.5))), 1.0, False, True),
        ("bug1-double-max-negative", D(n=F(max_value=W(-2.5), min_value=W(-10.0))), -3.0, False, False),
        ("no-bug1-int-min-zero", D(n=I(min_value=W(0))), 0, False, True),
        ("no-bug1-int-min-negative", D(n=I(min_value=W(-3), max_value=W(3))), 0, False, False),
    ]:
        if isinstance(inside, int):
            num = ival
            low, high = -1000, 1000
        else:
            num = lambda x: CustomParam(double_value=DoubleParam(value=x))
            low, high = -1e9, 1e9
        vals = [empty, ("in-range", "valid", val(n=num(inside))),
                ("below", "valid" if below_ok else "invalid", val(n=num(low))),
                ("above", "valid" if above_ok else "invalid", val(n=num(high)))]
        add(name, spec, vals)

    # number formatting in messages
    for lo, hi, probes in [
        (1e-05, 1e16, [1e-06, 1e17, 2e16]),
        (0.1, 0.30000000000000004, [0.0, 0.5, -0.0]),
        (-1e300, 5e-324, [-math.inf, math.inf, 1.0]),
        (2.0, 100.0, [1.0, 123456789.123, 1e15, 100.5]),
    ]:
        vals = [(f"probe-{p!r}", "invalid", val(d=CustomParam(double_value=DoubleParam(value=p))))
                for p in probes] + [("nan", "valid", val(d=CustomParam(double_value=DoubleParam(value=math.nan))))]
        add(f"double-format-{lo!r}-{hi!r}", D(d=F(min_value=W(lo), max_value=W(hi), default_value=W(lo))), vals)
    add("int64-extremes", D(i=I(min_value=W(INT64_MIN + 1), max_value=W(INT64_MAX - 1), default_value=W(0))),
        [("min", "invalid", val(i=ival(INT64_MIN))), ("max", "invalid", val(i=ival(INT64_MAX))),
         ("ok", "valid", val(i=ival(INT64_MAX - 1)))])

    # strings: Python repr of options
    opts = ["it's", 'say "hi"', "both ' and \"", "back\\slash", "line\nbreak", "ünï", "ctl\x01char",
            "zero\u200bwidth", "emoji 🙂", "a.[b]"]
    add("string-repr-options", D(s=S(options=opts, editable=False, default_value="ünï")),
        [empty, ("not-in-options", "invalid", val(s=CustomParam(string_value=StringParam(value="nope")))),
         ("tricky-in-options", "valid", val(s=CustomParam(string_value=StringParam(value="line\nbreak")))),
         ("wrong-type", "invalid", val(s=ival(3)))])
    add("string-default-not-in-options", D(s=S(options=["x", "y"], default_value="z")), [empty])
    add("string-editable-default-not-in-options", D(s=S(options=["x", "y"], default_value="z", editable=True)),
        [empty, ("free-text", "valid", val(s=CustomParam(string_value=StringParam(value="free"))))])
    add("string-empty-default-with-options", D(s=S(options=["x", "y"])),
        [empty, ("bad", "invalid", val(s=CustomParam(string_value=StringParam(value="q"))))])

    # 2. ROI allows_rectangle = false
    poly = AreaI()
    for x, y in [(0, 0), (10, 0), (10, 10)]:
        poly.polygon.vertices.add(x=x, y=y)
    rect = AreaI()
    rect.rectangle.x, rect.rectangle.cols, rect.rectangle.rows = 1, 20, 30

    def roi_val(area=None, **kw):
        v = RegionOfInterestParam(**kw)
        if area is not None:
            v.area.CopyFrom(area)
        return CustomParam(roi_value=v)

    def roi_values(rectangle, polygon):
        ok = lambda allowed: "valid" if allowed else "invalid"
        return [empty, ("polygon", ok(polygon), val(r=roi_val(poly))), ("rectangle", ok(rectangle), val(r=roi_val(rect))),
                ("no-area", "valid", val(r=roi_val(image_cols=640, image_rows=480))),
                ("negative-rows", "invalid", val(r=roi_val(image_rows=-1)))]

    add("bug2-roi-polygon-only", D(r=R(allows_rectangle=False, allows_polygon=True)), roi_values(False, True))
    add("bug2-roi-polygon-only-default", D(r=R(allows_rectangle=False, allows_polygon=True, default_area=poly)),
        roi_values(False, True))
    add("bug2-roi-nothing-allowed", D(r=R()), roi_values(False, False))
    add("bug2-roi-rectangle-default-refused", D(r=R(allows_rectangle=False, allows_polygon=True, default_area=rect)),
        roi_values(False, True))
    add("roi-rectangle-only", D(r=R(allows_rectangle=True)), roi_values(True, False) + [
        ("negative-cols", "invalid", val(r=roi_val(image_cols=-2, image_rows=-2)))])
    add("roi-polygon-default-refused", D(r=R(allows_rectangle=True, default_area=poly)), [empty])

    # 4. ROI coercion
    sas = RegionOfInterestParam.ServiceAndSource(service="spot-cam-image", source="ptz")
    other = RegionOfInterestParam.ServiceAndSource(service="image", source="hand_color_image")
    add("bug4-roi-coerce", D(r=R(allows_rectangle=True, allows_polygon=True, service_and_source=sas)),
        [empty, ("same-source", "valid", val(r=roi_val(rect, service_and_source=sas))),
         ("other-source", "valid", val(r=roi_val(rect, service_and_source=other))),
         ("no-source", "valid", val(r=roi_val(poly)))])
    add("bug4-roi-coerce-no-spec-source", D(r=R(allows_rectangle=True)),
        [("any", "valid", val(r=roi_val(rect, service_and_source=other))),
         ("polygon-refused", "invalid", val(r=roi_val(poly)))])

    # 3. and 6. one-of coercion
    toggle = one_of({"on": D(level=I(min_value=W(1), max_value=W(3), default_value=W(2))), "off": D()})

    def oo(key, **entries):
        v = OneOfParam(key=key)
        for k, d in entries.items():
            v.values[k].CopyFrom(d)
        return CustomParam(one_of_value=v)

    oneof_values = [empty, ("on", "valid", val(t=oo("on", on=val(level=ival(3))))),
                    ("on-out-of-range", "invalid", val(t=oo("on", on=val(level=ival(9))))),
                    ("off", "valid", val(t=oo("off"))),
                    ("unknown-key", "invalid", val(t=oo("maybe"))),
                    ("empty-key", "invalid", val(t=oo(""))),
                    ("wrong-type", "invalid", val(t=ival(1))),
                    ("unset", "invalid", val(t=CustomParam()))]
    add("bug6-one-of-no-default-key", D(t=toggle), oneof_values)
    with_default = one_of({"on": D(level=I(min_value=W(1), max_value=W(3), default_value=W(2))), "off": D()},
                          default_key="on")
    add("one-of-with-default-key", D(t=with_default), oneof_values)
    add("bug3-one-of-empty", D(t=one_of({})), oneof_values)
    add("bug3-one-of-empty-with-default-key", D(t=one_of({}, default_key="x")), [empty])
    add("one-of-empty-string-key", D(t=one_of({"": D(a=I())}, default_key="")),
        [empty, ("empty-key", "valid", val(t=oo(""))), ("other", "invalid", val(t=oo("x")))])
    add("bug6-list-of-one-of-min", D(l=L(toggle, min_number_of_values=W(2))),
        [empty, ("short", "invalid", val(l=CustomParam(list_value=ListParam()))),
         ("ok", "valid", val(l=CustomParam(list_value=ListParam(values=[oo("on"), oo("off")]))))])
    add("bug2-list-of-roi-no-rectangle-min",
        D(l=L(R(allows_rectangle=False, allows_polygon=True), min_number_of_values=W(1))),
        [empty, ("short", "invalid", val(l=CustomParam(list_value=ListParam())))])

    # 5. CustomParam with no value
    add("bug5-unset-in-dict", D(a=I(), b=S()), [("a-unset", "invalid", val(a=CustomParam())),
                                                 ("both-unset", "invalid", val(a=CustomParam(), b=CustomParam()))])
    add("bug5-unset-in-list", D(l=L(I(max_value=W(5), default_value=W(0)))),
        [("elem-unset", "invalid", val(l=CustomParam(list_value=ListParam(values=[ival(1), CustomParam()])))),
         ("elem-unset-and-bad", "invalid", val(l=CustomParam(list_value=ListParam(values=[ival(9), CustomParam()]))))])
    add("bug5-unset-in-one-of", D(t=with_default),
        [("unset-child", "invalid", val(t=oo("on", on=val(level=CustomParam()))))])

    # unset CustomParam.Spec (KeyError in Python)
    add("bug-custom-spec-unset", D(a=I(), e=C()), [empty, ("a", "valid", val(a=ival(1)))])
    add("bug-custom-spec-unset-list-element", D(l=L(C())), [empty])

    # message formats: lists, nesting, unknown keys, statuses
    add("list-bounds-messages", D(l=L(I(max_value=W(5), default_value=W(0)),
                                        min_number_of_values=W(1), max_number_of_values=W(2))),
        [("too-short", "invalid", val(l=CustomParam(list_value=ListParam()))),
         ("too-long", "invalid", val(l=CustomParam(list_value=ListParam(values=[ival(1)] * 3)))),
         ("type-and-range", "invalid", val(l=CustomParam(list_value=ListParam(values=[
             CustomParam(string_value=StringParam(value="s")), ival(9)])))),
         ("range-then-type", "invalid", val(l=CustomParam(list_value=ListParam(values=[
             ival(9), CustomParam(bool_value=BoolParam(value=True))]))))])
    add("list-bound-zero-text-format", D(l=L(I(), min_number_of_values=W(0), max_number_of_values=W(0))),
        [("one", "invalid", val(l=CustomParam(list_value=ListParam(values=[ival(1)])))), empty])
    add("list-spec-bounds", D(a=L(I(), min_number_of_values=W(3), max_number_of_values=W(1)),
                              b=L(I(), min_number_of_values=W(-1), max_number_of_values=W(-3)),
                              c=L(I(), max_number_of_values=W(0), min_number_of_values=W(2))), [empty])
    add("list-element-spec-errors-flattened", D(l=L(L(I(min_value=W(3), max_value=W(1), default_value=W(2))))), [empty])
    nested_list = L(L(I(max_value=W(5), default_value=W(0))))
    add("nested-list-paths", D(outer=C(dict_spec=D(ll=nested_list))),
        [("deep", "invalid", val(outer=CustomParam(dict_value=val(ll=CustomParam(list_value=ListParam(values=[
            CustomParam(list_value=ListParam(values=[ival(1), ival(7)]))]))))))])
    add("unknown-keys", D(a=I(), b=C(dict_spec=D(x=I()))),
        [("one-unknown", "invalid", val(zz=ival(1))),
         ("two-unknown", "invalid", val(zz=ival(1), yy=ival(2))),
         ("nested-unknown", "invalid", val(b=CustomParam(dict_value=val(q=ival(1))))),
         ("unknown-and-bad-child", "invalid", val(zz=ival(1), a=CustomParam(bool_value=BoolParam())))])
    add("status-depends-on-map-order", D(
        a=I(max_value=W(1), default_value=W(0)),
        b=L(I()),
        c=C(dict_spec=D(x=I()))),
        [("three-statuses", "invalid", val(a=ival(5), b=CustomParam(list_value=ListParam(values=[
            CustomParam(bool_value=BoolParam())])), c=CustomParam(dict_value=val(q=ival(1))))),
         ("same-status", "invalid", val(a=ival(5), c=CustomParam(dict_value=val(x=CustomParam(bool_value=BoolParam())))))])
    add("string-based-nesting", D(s=S(options=["p param has error: q", "a.[b]"]),
                                  t=C(dict_spec=D(u=S(options=["x"])))),
        [("bad", "invalid", val(s=CustomParam(string_value=StringParam(value="x.[y] param has error: z")))),
         ("nested", "invalid", val(t=CustomParam(dict_value=val(u=CustomParam(string_value=StringParam(value="y.[0]"))))))])
    add("empty-spec", DictParam.Spec(), [empty, ("unknown", "invalid", val(a=ival(1)))])
    add("bool-and-defaults", D(b=C(bool_spec=BoolParam.Spec()), c=C(bool_spec=BoolParam.Spec(default_value={"value": True})),
                               i=I(), f=F(), s=S(), sd=S(options=["o1", "o2"])),
        [empty, ("wrong", "invalid", val(b=ival(1)))])
    return cases


# ============================================================================ hello world
HELLO_EXAMPLE = "remote_mission_service/hello_world_mission_service.py"


def load_hello_world_example(examples_dir):
    """Boston Dynamics' hello-world mission service example, fetched (hash-checked) by
    Scripts/fetch-spot-sdk-examples.sh into `examples_dir`; it is never committed here."""
    import importlib.util
    path = os.path.join(examples_dir, HELLO_EXAMPLE)
    if not os.path.isfile(path):
        sys.exit(f"{path} is missing: run Scripts/fetch-spot-sdk-examples.sh first")
    module_spec = importlib.util.spec_from_file_location("hello_world_mission_service", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


def hello_world_spec(example, display_name=None, default_name="World", hello_options=(), coerce=False):
    """The spec the example builds for these flags, by its own `create_custom_params` (argparse
    gives None for an absent --display-name or --hello-options; --coerce leaves the spec alone)."""
    return example.create_custom_params(default_name, display_name, list(hello_options) or None)


HELLO_FLAG_SETS = [
    ("document-command-line", ["--display-name", "Hello to:", "--default-name", "World", "--hello-option", "World",
                               "--hello-option", "Everyone", "--hello-option", "Scout", "--coerce"],
     dict(display_name="Hello to:", default_name="World", hello_options=["World", "Everyone", "Scout"], coerce=True)),
    ("document-options-no-coerce", ["--display-name", "Hello to:", "--default-name", "World", "--hello-option",
                                    "World", "--hello-option", "Everyone", "--hello-option", "Scout"],
     dict(display_name="Hello to:", default_name="World", hello_options=["World", "Everyone", "Scout"], coerce=False)),
    ("no-flags", [], dict()),
    ("free-text-with-default", ["--display-name", "Who", "--default-name", "World"],
     dict(display_name="Who", default_name="World")),
    ("options-without-default", ["--hello-option", "Alice", "--hello-option", "Bob", "--coerce"],
     dict(hello_options=["Alice", "Bob"], coerce=True)),
    ("default-not-among-options", ["--default-name", "Nobody", "--hello-option", "World", "--hello-option",
                                   "Everyone"], dict(default_name="Nobody", hello_options=["World", "Everyone"])),
]


def hello_values():
    def oo(key, **entries):
        v = OneOfParam(key=key)
        for k, d in entries.items():
            v.values[k].CopyFrom(d)
        return CustomParam(one_of_value=v)

    s = lambda x: CustomParam(string_value=StringParam(value=x))
    return [
        ("empty", "valid", DictParam()),
        ("who-World", "valid", val(who=s("World"))),
        ("who-not-an-option", "invalid-with-options", val(who=s("Bob"))),
        ("repeat-5", "valid", val(who=s("Everyone"), toggle_key=oo("toggle_key_enable", toggle_key_enable=val(
            toggle_enable_value_key=ival(5))))),
        ("repeat-0", "invalid", val(toggle_key=oo("toggle_key_enable", toggle_key_enable=val(
            toggle_enable_value_key=ival(0))))),
        ("repeat-no-value", "valid", val(toggle_key=oo("toggle_key_enable"))),
        ("disable", "valid", val(toggle_key=oo("toggle_key_disable"))),
        ("bogus-toggle", "invalid", val(toggle_key=oo("bogus"))),
        ("toggle-wrong-type", "invalid", val(toggle_key=CustomParam(bool_value=BoolParam(value=True)))),
        ("who-wrong-type", "invalid", val(who=ival(3))),
    ]


# ============================================================================ main
def versions():
    out = {name: metadata.version(name) for name in PINNED}
    from google.protobuf.internal import api_implementation
    out["protobuf_implementation"] = api_implementation.Type()
    out["python"] = ".".join(platform.python_version_tuple()[:2])
    return out


BUG_TAGS = {
    rm.NUMERIC_DEFAULT_ASSUMED_ZERO: {
        "issue": 1,
        "python": "Int64Param/DoubleParam spec with min_value or max_value but no default_value: the "
                  "default is taken as 0, so min_value > 0 gives 'Default Spec Value below allowed minimum "
                  "Value' and max_value < 0 gives 'Default Spec Value above allowed maximum value' "
                  "(spec invalid, every value rejected with InvalidCustomParamSpecError).",
        "fixed": "Valid: without default_value only min_value <= max_value is checked. The default used "
                 "for coercion is still default, else min, else max, else 0.",
    },
    rm.ROI_RECTANGLE_ALWAYS_SET: {
        "issue": 2,
        "python": "RegionOfInterestParam.Spec with allows_rectangle = false is always invalid ('Default "
                  "area is a rectangle despite not being allowed'): Python tests the truthiness of the "
                  "AreaI.rectangle sub-message, which is always true. Value validation likewise always "
                  "says 'Chosen area is a rectangle despite not being allowed', and such a spec has no "
                  "default (coercing a missing ROI raises TypeError; a list of them below its minimum "
                  "raises TypeError).",
        "fixed": "allows_rectangle is honoured: a rectangle is present only when AreaI's 'geometry' oneof "
                 "holds one (WhichOneof('geometry') == 'rectangle'). The default is built whatever allows_rectangle says (default_area if set, "
                 "service_and_source if set).",
    },
    rm.ONE_OF_EMPTY_COERCE_CRASH: {
        "issue": 3,
        "python": "Coercing a one-of whose spec has no children crashes: present value -> IndexError: "
                  "list index out of range; missing value -> TypeError from CopyFrom(None) (no default).",
        "fixed": "No crash. Suggested (used for 'fixed'): the one-of is left absent (a present one is "
                 "removed; did_coerce true when something was removed).",
    },
    rm.ROI_COERCE_NOOP: {
        "issue": 4,
        "python": "roi_param_coerce_to never modifies the value; it returns True when the spec has no "
                  "service_and_source or it equals the value's, else False - so the did-coerce flag is "
                  "set for an unchanged ROI and unset for a mismatching one.",
        "fixed": "Suggested (used for 'fixed'): copy the spec's service_and_source into the value when "
                 "the spec has one; replace a refused shape (rectangle when !allows_rectangle, polygon "
                 "with vertices when !allows_polygon) by default_area, or clear the area; clamp negative "
                 "image_cols/image_rows to 0; report coerced iff something changed.",
    },
    rm.CUSTOM_PARAM_VALUE_UNSET: {
        "issue": 5,
        "python": "A CustomParam with no value set: validation raises TypeError: attribute name must be "
                  "string, not 'NoneType' (dict member) or AttributeError: 'NoneType' object has no "
                  "attribute 'split' (list element); dict_params_to_dict raises the same. (Coercion "
                  "works: the empty CustomParam is replaced by the default.)",
        "fixed": "A validation error. Suggested status: STATUS_INVALID_TYPE (the value has no type, "
                 "which is what Python's list check reports with INVALID_TYPE for a mismatching type; "
                 "dict members with a wrong type get INVALID_VALUE from check_types_match, but an absent "
                 "type is closer to the list case). Suggested messages: '<key> param has error: Value is "
                 "not set while the spec expects <x>_spec' and, for list element i, '<list> param has "
                 "error: Value is not set at index i while the List Param Spec expects <x>_spec'.",
    },
    rm.ONE_OF_NO_DEFAULT_COERCE_CRASH: {
        "issue": 6,
        "python": "A one-of spec with children but no default_key (or one not among its keys) has no "
                  "default: coercing a value where it is missing or has another type raises TypeError: "
                  "Parameter to CopyFrom() must be instance of same class: expected <class "
                  "'bosdyn.api.service_customization_pb2.OneOfParam'> got <class 'NoneType'>.; a list of "
                  "them below min_number_of_values raises TypeError: Expected a message object, but got "
                  "None. Facts for choosing the fix: (a) Python's default builder (dict_spec_to_default) "
                  "simply leaves such a one-of out of the default dict, and list_spec_to_default adds no "
                  "elements; (b) coercing a present one-of whose key is unknown picks "
                  "sorted(spec keys)[0] (code-point order), ignoring default_key and display_order.",
        "fixed": "Suggested (used for 'fixed'): leave it absent, consistent with (a); a wrongly typed "
                 "value is removed; a list of them is not filled up to its minimum. The alternative "
                 "(first key in display order) would invent a choice the spec author did not make and "
                 "would differ from Python's own default builder.",
    },
    rm.CUSTOM_PARAM_SPEC_UNSET: {
        "issue": None,
        "python": "A CustomParam.Spec with no spec set (in a dict, a one-of child or as a list's "
                  "element_spec) raises KeyError: None from validate_dict_spec, coercion and conversion.",
        "fixed": "Suggested (used for 'fixed'): spec invalid with '<key> param has error: "
                 "CustomParam.Spec has no spec set'; coercion leaves such a param absent.",
    },
}


MULTI_EXCLUDED = ("unknown_key", "custom_param_unset", "list_element_unset", "missing_key",
                  "inactive_one_of_child_garbage", "roi_other_source", "roi_rectangle")
MAX_SPEC_BYTES = 350
MAX_VALUE_BYTES = 200
VALID_MUTATIONS = ("missing_key", "inactive_one_of_child_garbage", "roi_other_source", "roi_rectangle",
                   "nan_or_inf", "one_of_active_values_missing")


def build(seed, n_random, quiet=False):
    rng = random.Random(seed)
    g = SpecGen(rng)
    vg = ValueGen(g)
    ev = Evaluator()
    cases = []
    started = time.time()

    def emit(kind, spec, values, extra=None):
        case, spec_tags, results = ev.evaluate_case(spec, values)
        entry = {"id": f"c{len(cases):05d}", "kind": kind, "types": spec_kinds(spec),
                 "depth": spec_depth(spec)}
        if extra:
            entry.update(extra)
        fixed = case.pop("fixed", None)
        entry.update(case)
        entry.update(tag_fields(spec_tags))
        if fixed is not None:
            entry["fixed"] = fixed
        entry["values"] = results
        cases.append(entry)

    for name, spec, values in targeted_cases():
        emit(f"targeted:{name}", spec, values)

    for i in range(n_random):
        max_depth = rng.choices([0, 1, 2, 3, 4], [0.36, 0.3, 0.18, 0.09, 0.07])[0]
        spec = g.top_spec(max_depth)
        for _ in range(4):  # keep the corpus small: redraw the largest specs
            if spec.ByteSize() <= MAX_SPEC_BYTES:
                break
            spec = g.top_spec(max_depth)
        roll = rng.random()
        mutation = None
        if roll < 0.17:
            mutation = mutate_spec(g, spec, rng.choices(*zip(*SPEC_MUTATIONS))[0])
        elif roll < 0.34:
            mutation = mutate_spec(g, spec, rng.choices(*zip(*BUG_SPEC_MUTATIONS))[0])
        # Values: the empty dict (coercion then builds the defaults), a valid one, and one or
        # two mutated ones (a few with several mutations, for multi-error results). Specs made
        # invalid on purpose get fewer values: Python rejects every value of those.
        def fresh(p_present):
            v = DictParam()
            vg.dict_value(spec, v, p_present=p_present)
            for _ in range(3):  # keep the corpus small: redraw the largest values
                if v.ByteSize() <= MAX_VALUE_BYTES:
                    break
                v = DictParam()
                p_present *= 0.7
                vg.dict_value(spec, v, p_present=p_present)
            return v

        values = [("empty", "valid", DictParam())]
        plain_invalid = mutation is not None and not mutation.startswith("bug_")
        if not plain_invalid:
            values.append(("random-valid", "valid", fresh(0.7)))
        n_single = 1
        n_multi = 1 if (rng.random() < 0.27 and not plain_invalid) else 0
        for _ in range(n_single):
            v = fresh(0.75)
            name = mutate_value(vg, spec, v)
            if name:
                values.append((name, "valid" if name in VALID_MUTATIONS else "invalid", v))
        for _ in range(n_multi):
            v = fresh(0.85)
            # Mutations that end validation early (unknown keys) or crash it are left out here.
            names = [n for n in (mutate_value(vg, spec, v, MULTI_EXCLUDED) for _ in range(rng.randint(2, 3)))
                     if n]
            if names:
                values.append(("+".join(names), "invalid", v))
        emit("random", spec, values, {"spec_mutation": mutation} if mutation else None)
        if not quiet and (i + 1) % 500 == 0:
            print(f"  {i + 1} random cases, {time.time() - started:.1f}s", file=sys.stderr)
    return cases, ev


def _raises(entry):
    return "python_raises" in entry or "python_raises_candidates" in entry


def _tags(entry):
    return entry.get("python_bugs", [entry["python_bug"]] if "python_bug" in entry else [])


def summarise(cases):
    s = {"cases": len(cases), "targeted_cases": 0, "random_cases": 0, "values": 0,
         "spec_valid": 0, "spec_invalid_errors": 0, "spec_python_raises": 0,
         "values_of_valid_specs": 0, "values_valid": 0, "values_invalid": 0,
         "values_validation_raises_spec_invalid": 0, "values_validation_crashes": 0,
         "multi_error": 0, "status_candidates_ambiguous": 0, "unordered_set_in_message": 0,
         "text_format_in_message": 0, "coercion_raises": 0, "coerced_changed": 0,
         "did_coerce_differs_from_changed": 0, "conversion_ok": 0, "conversion_implied_by_validation": 0,
         "intent_valid_python_valid": 0, "intent_valid_python_invalid": 0,
         "intent_invalid_python_valid": 0, "intent_invalid_python_invalid": 0,
         "by_type": {k: 0 for k in SPEC_KINDS + ["unset"]}, "by_depth": {}, "by_status": {},
         "by_label": {},
         "bug_tags": {k: {"cases_spec_level": 0, "cases_any": 0, "values": 0} for k in BUG_TAGS},
         "quirk_tags": {k: {"cases_spec_level": 0, "values": 0} for k in QUIRK_TAGS}}
    for c in cases:
        s["targeted_cases" if c["kind"].startswith("targeted") else "random_cases"] += 1
        if c["spec_valid"]:
            s["spec_valid"] += 1
        elif "spec_errors" in c:
            s["spec_invalid_errors"] += 1
        else:
            s["spec_python_raises"] += 1
        for t in c["types"]:
            s["by_type"][t] += 1
        s["by_depth"][str(c["depth"])] = s["by_depth"].get(str(c["depth"]), 0) + 1
        case_tags = set(_tags(c))
        if "python_quirk" in c:
            s["quirk_tags"][c["python_quirk"]]["cases_spec_level"] += 1
        for t in case_tags:
            s["bug_tags"][t]["cases_spec_level"] += 1
        for v in c["values"]:
            s["values"] += 1
            s["values_of_valid_specs"] += c["spec_valid"]
            base = "multi-mutation" if "+" in v["label"] else v["label"]
            if c["kind"] == "random":
                s["by_label"][base] = s["by_label"].get(base, 0) + 1
            val_ = v["validation"]
            if val_.get("valid"):
                s["values_valid"] += 1
            elif _raises(val_):
                if val_.get("python_raises", "").startswith("InvalidCustomParamSpecError"):
                    s["values_validation_raises_spec_invalid"] += 1
                else:
                    s["values_validation_crashes"] += 1
            else:
                s["values_invalid"] += 1
                st = val_.get("status", "ambiguous")
                s["by_status"][st] = s["by_status"].get(st, 0) + 1
            if c["spec_valid"] and not _raises(val_):
                key = f"intent_{v['intent'].split('-')[0]}_python_{'valid' if val_.get('valid') else 'invalid'}"
                if key in s:
                    s[key] += 1
            for flag in ("multi_error", "unordered_set_in_message", "text_format_in_message"):
                s[flag] += bool(val_.get(flag))
            s["status_candidates_ambiguous"] += "status_candidates" in val_
            co = v["coercion"]
            if _raises(co):
                s["coercion_raises"] += 1
            else:
                s["coerced_changed"] += co["changed"]
                s["did_coerce_differs_from_changed"] += co["did_coerce"] != co["changed"]
            s["conversion_ok"] += "result" in v.get("conversion", {})
            s["conversion_implied_by_validation"] += "conversion" not in v
            if "python_quirk" in v:
                s["quirk_tags"][v["python_quirk"]]["values"] += 1
            for t in _tags(v):
                s["bug_tags"][t]["values"] += 1
                case_tags.add(t)
        for t in case_tags:
            s["bug_tags"][t]["cases_any"] += 1
    s["by_label"] = dict(sorted(s["by_label"].items()))
    s["by_status"] = dict(sorted(s["by_status"].items()))
    return s


def write_json(path, header, cases_key, cases):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        for k, v in header.items():
            f.write(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, allow_nan=False, indent=1)},\n")
        f.write(f"{json.dumps(cases_key)}: [\n")
        for i, c in enumerate(cases):
            f.write(json.dumps(c, ensure_ascii=False, allow_nan=False, separators=(",", ":")))
            f.write(",\n" if i + 1 < len(cases) else "\n")
        f.write("]\n}\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--random-cases", type=int, default=1960, help="random specs (plus targeted ones)")
    ap.add_argument("--out", default=os.path.join(REPO_ROOT, "Tests/ServiceCustomizationTests/Fixtures/customization-corpus.json"))
    ap.add_argument("--hello-out", default=os.path.join(REPO_ROOT, "Tests/ServiceCustomizationTests/Fixtures/hello-world-specs.json"))
    ap.add_argument("--examples-dir", default=None,
                    help="where Scripts/fetch-spot-sdk-examples.sh put Boston Dynamics' examples "
                         "(default: the directory it prints)")
    ap.add_argument("--allow-other-versions", action="store_true",
                    help="run with package versions other than the pinned ones")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    vers = versions()
    wrong = {k: (vers[k], v) for k, v in PINNED.items() if vers[k] != v}
    if wrong and not args.allow_other_versions:
        sys.exit(f"package versions differ from the pinned ones (have, want): {wrong}")

    started = time.time()
    cases, ev = build(args.seed, args.random_cases, args.quiet)
    if ev.disagreements:
        with open("/tmp/customization-corpus-disagreements.json", "w") as f:
            json.dump(ev.disagreements[:200], f, indent=1, default=repr, ensure_ascii=False)
        sys.exit(f"reference model disagrees with the SDK on {len(ev.disagreements)} items "
                 "(first 200 in /tmp/customization-corpus-disagreements.json); corpus not written")
    summary = summarise(cases)
    header = {
        "format": FORMAT,
        "generator": "Scripts/customization/generate_corpus.py",
        "seed": args.seed,
        "versions": vers,
        "conventions": [
            "Protos: b64 = base64 of the deterministic binary encoding (the bytes every verdict was "
            "computed from); json = json_format.MessageToJson(preserving_proto_field_name=True), keys sorted.",
            "Python iterates protobuf maps in an order randomised per process: error_messages are sorted "
            "when there are several (multi_error true: compare as a set); status_candidates replaces status "
            "when the overall status depends on that order; spec_errors are sorted likewise.",
            "unordered_set_in_message: a message prints a Python set of several keys; the elements are "
            "sorted here, Python prints them in hash order.",
            "text_format_in_message: a message embeds str(message), i.e. protobuf text format.",
            "python_raises: '<ExceptionType>: <message>'; InvalidCustomParamSpecError's list is sorted; "
            "InvalidCustomParamValueError carries the value's validation error (see 'validation').",
            "fixed: only what differs from Python under the fixed behaviour (see bug_tags); a null means "
            "the field is absent under the fixed behaviour.",
            "conversion.result: dict_params_to_dict output as typed JSON: {dict:{}}, {list:[]}, "
            "{int:'<decimal>'}, {double:<number>|'NaN'|'Infinity'|'-Infinity'}, {string:''}, {bool:b}, "
            "{roi:{b64,json}} (Python returns the RegionOfInterestParam message itself).",
        ],
        "bug_tags": BUG_TAGS,
        "quirk_tags": QUIRK_TAGS,
        "summary": summary,
    }
    write_json(args.out, header, "cases", cases)

    examples_dir = args.examples_dir or subprocess.run(
        [os.path.join(REPO_ROOT, "Scripts/fetch-spot-sdk-examples.sh")],
        check=True, capture_output=True, text=True).stdout.strip()
    example = load_hello_world_example(examples_dir)
    hello = []
    for name, argv_, kw in HELLO_FLAG_SETS:
        spec = hello_world_spec(example, **kw)
        case, spec_tags, results = ev.evaluate_case(spec, hello_values())
        entry = {"name": name, "argv": argv_, "flags": {
            "display_name": kw.get("display_name"), "default_name": kw.get("default_name", "World"),
            "hello_options": kw.get("hello_options", []), "coerce": kw.get("coerce", False)}}
        fixed = case.pop("fixed", None)
        entry.update(case)
        entry.update(tag_fields(spec_tags))
        if fixed is not None:
            entry["fixed"] = fixed
        entry["ticks"] = results
        hello.append(entry)
    if ev.disagreements:
        sys.exit("reference model disagrees with the SDK on the hello-world specs")
    hello_header = {
        "format": "bosdyn-hello-world-customization-specs/1",
        "generator": "Scripts/customization/generate_corpus.py",
        "versions": vers,
        "provenance": "RECORDED: each spec is what create_custom_params of Boston Dynamics' "
                      "python/examples/remote_mission_service/hello_world_mission_service.py (spot-sdk "
                      "v5.1.4, fetched and hash-checked by Scripts/fetch-spot-sdk-examples.sh) returns for "
                      "the flags: argparse's None for an absent --display-name or --hello-options. "
                      "--coerce does not change the spec (it selects coercion instead of rejection on Tick).",
        "conventions": header["conventions"],
        "bug_tags": BUG_TAGS,
        "quirk_tags": QUIRK_TAGS,
    }
    write_json(args.hello_out, hello_header, "flag_sets", hello)

    if not args.quiet:
        size = os.path.getsize(args.out)
        print(f"wrote {args.out}: {len(cases)} cases, {summary['values']} values, "
              f"{size / 1e6:.2f} MB in {time.time() - started:.1f}s", file=sys.stderr)
        print(f"wrote {args.hello_out}: {len(hello)} flag sets", file=sys.stderr)


if __name__ == "__main__":
    main()
