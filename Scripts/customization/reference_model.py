"""An executable description of the service-customization semantics.

This is an independent restatement, written for this project, of what the Python SDK's
`bosdyn.client.service_customization_helpers` does (bosdyn-client 5.2.0). The corpus generator
runs it next to the real SDK and refuses to write a corpus unless both agree on every case
that no fix touches, so this file is a checked description of the behaviour the Swift
re-implementation has to match.

Each switch in `ALL_FIXES` turns one known defect of the Python code into the behaviour the
Swift version implements instead. With no fixes the model reproduces Python, crashes
included (as `ModelCrash`). With fixes, it gives the expected results for the corpus's
`fixed` entries. Where a fix needs a design choice, the choice is named in `FIX_NOTES`.

Map iteration order: Python iterates protobuf maps in hash order (randomised per process),
which changes the order of error messages and, with several errors, the overall status. The
model iterates keys in sorted order and the generator compares orders loosely.
"""

from dataclasses import dataclass, field
from typing import List, Optional

from bosdyn.api.service_customization_pb2 import (
    BoolParam,
    CustomParam,
    CustomParamError,
    DictParam,
    DoubleParam,
    Int64Param,
    ListParam,
    OneOfParam,
    RegionOfInterestParam,
    StringParam,
)

# Fix switches (also the corpus's `python_bug` tags).
NUMERIC_DEFAULT_ASSUMED_ZERO = "numeric_default_assumed_zero"
ROI_RECTANGLE_ALWAYS_SET = "roi_rectangle_always_set"
ONE_OF_EMPTY_COERCE_CRASH = "one_of_empty_coerce_crash"
ROI_COERCE_NOOP = "roi_coerce_noop"
CUSTOM_PARAM_VALUE_UNSET = "custom_param_value_unset"
ONE_OF_NO_DEFAULT_COERCE_CRASH = "one_of_no_default_coerce_crash"
CUSTOM_PARAM_SPEC_UNSET = "custom_param_spec_unset"

ALL_FIXES = (
    NUMERIC_DEFAULT_ASSUMED_ZERO,
    ROI_RECTANGLE_ALWAYS_SET,
    ONE_OF_EMPTY_COERCE_CRASH,
    ROI_COERCE_NOOP,
    CUSTOM_PARAM_VALUE_UNSET,
    ONE_OF_NO_DEFAULT_COERCE_CRASH,
    CUSTOM_PARAM_SPEC_UNSET,
)

STATUS_NAME = {v: k for k, v in CustomParamError.Status.items()}
OK = CustomParamError.STATUS_OK
INVALID_VALUE = CustomParamError.STATUS_INVALID_VALUE
INVALID_TYPE = CustomParamError.STATUS_INVALID_TYPE
UNSUPPORTED = CustomParamError.STATUS_UNSUPPORTED_PARAMETER

JOINER = " param has error: "

# CustomParam.Spec oneof field -> (CustomParam value field, value message class)
SPEC_TO_VALUE = {
    "dict_spec": ("dict_value", DictParam),
    "list_spec": ("list_value", ListParam),
    "int_spec": ("int_value", Int64Param),
    "double_spec": ("double_value", DoubleParam),
    "string_spec": ("string_value", StringParam),
    "roi_spec": ("roi_value", RegionOfInterestParam),
    "bool_spec": ("bool_value", BoolParam),
    "one_of_spec": ("one_of_value", OneOfParam),
}


class ModelCrash(Exception):
    """The Python SDK raises here (an uncaught TypeError, KeyError, ...). `candidates` holds the
    possible '<ExceptionType>: <message>' texts: with several crashing children of one map,
    which one Python meets first depends on map iteration order."""

    def __init__(self, *texts):
        self.candidates = frozenset(texts)
        super().__init__(" | ".join(sorted(self.candidates)))


@dataclass
class Err:
    status: int
    messages: List[str] = field(default_factory=list)
    # Possible overall statuses given any map iteration order.
    candidates: frozenset = frozenset()


PATH_END = "\x00"  # structural mode: '<components>\x00<text>' until rendered
PATH_SEP = "\x02"  # between path components
INDEX = "\x01"  # marks a list index component


def nest(name: str, messages: List[str], index: bool = False) -> List[str]:
    """Prefix child messages with the child's name, Python style (string surgery)."""
    out = []
    for m in messages:
        m = f"{name}.{m}" if JOINER in m else f"{name}{JOINER}{m}"
        out.append(m.replace(".[", "["))
    return out


def nest_structural(name: str, messages: List[str], index: bool = False) -> List[str]:
    """Prefix by path components, never looking inside the texts."""
    component = (INDEX if index else "") + name
    out = []
    for m in messages:
        if PATH_END in m:
            path, text = m.split(PATH_END, 1)
            out.append(component + PATH_SEP + path + PATH_END + text)
        else:
            out.append(component + PATH_END + m)
    return out


def render_structural(messages: List[str]) -> List[str]:
    out = []
    for m in messages:
        if PATH_END not in m:
            out.append(m)
            continue
        path, text = m.split(PATH_END, 1)
        rendered = ""
        for i, c in enumerate(path.split(PATH_SEP)):
            if c.startswith(INDEX):
                rendered += c[1:]
            else:
                rendered += ("." if i else "") + c
        out.append(rendered + JOINER + text)
    return out


def py_repr_list(items) -> str:
    return repr(list(items))


def text_format(msg) -> str:
    """str() of a message: protobuf text format (what Python embeds in some messages)."""
    return str(msg)


def _type_mismatch(value, expected_cls) -> Optional[Err]:
    if type(value) is not expected_cls:
        return Err(INVALID_VALUE, [
            f"Param {text_format(value)} has type {type(value)} but the spec requires {expected_cls}."
        ], frozenset([INVALID_VALUE]))
    return None


class Model:

    def __init__(self, fixes=(), structural_paths=False):
        """structural_paths: build '<path> param has error: <text>' from the path components
        instead of Python's string surgery (which looks for ' param has error: ' and '.[' inside
        the texts too); only differs when keys or strings contain those."""
        self.fixes = frozenset(fixes)
        unknown = self.fixes - set(ALL_FIXES)
        if unknown:
            raise ValueError(f"unknown fixes {unknown}")
        self.structural = structural_paths
        self.nest = nest_structural if structural_paths else nest

    def on(self, fix):
        return fix in self.fixes

    # ------------------------------------------------------------------ spec validation
    def validate_dict_spec(self, spec: DictParam.Spec) -> List[str]:
        """Error messages; empty for a valid spec. May raise ModelCrash."""
        errors = self._dict_spec_errors(spec)
        return render_structural(errors) if self.structural else errors

    def _dict_spec_errors(self, spec: DictParam.Spec) -> List[str]:
        errors, crashes = [], set()
        for name in sorted(spec.specs.keys()):
            try:
                errors.extend(self.nest(name, self._custom_spec_errors(spec.specs[name].spec)))
            except ModelCrash as crash:
                crashes |= crash.candidates
        if crashes:
            raise ModelCrash(*crashes)
        return errors

    def _custom_spec_errors(self, spec: CustomParam.Spec) -> List[str]:
        which = spec.WhichOneof("spec")
        if which is None:
            if self.on(CUSTOM_PARAM_SPEC_UNSET):
                return ["CustomParam.Spec has no spec set"]
            raise ModelCrash("KeyError: None")
        sub = getattr(spec, which)
        if which == "dict_spec":
            return self._dict_spec_errors(sub)
        if which == "list_spec":
            return self._list_spec_errors(sub)
        if which in ("int_spec", "double_spec"):
            return self._numeric_spec_errors(sub)
        if which == "string_spec":
            return self._string_spec_errors(sub)
        if which == "roi_spec":
            return self._roi_spec_errors(sub)
        if which == "bool_spec":
            return []
        return self._one_of_spec_errors(sub)

    def _numeric_spec_errors(self, spec) -> List[str]:
        errors = []
        has_default = spec.HasField("default_value")
        default = spec.default_value.value  # 0 when unset: Python's defect
        check_default = has_default or not self.on(NUMERIC_DEFAULT_ASSUMED_ZERO)
        if spec.HasField("min_value") and check_default and spec.min_value.value > default:
            errors.append("Default Spec Value below allowed minimum Value")
        if spec.HasField("max_value") and check_default and spec.max_value.value < default:
            errors.append("Default Spec Value above allowed maximum value")
        if spec.HasField("min_value") and spec.HasField("max_value"):
            if spec.min_value.value > spec.max_value.value:
                errors.append("min_value greater than max_value")
        return errors

    def _string_spec_errors(self, spec) -> List[str]:
        if spec.default_value and not spec.editable and len(spec.options) > 0:
            if spec.default_value not in spec.options:
                return [
                    f"Default string {spec.default_value} not among options {py_repr_list(spec.options)}"
                ]
        return []

    def _has_rectangle(self, area) -> bool:
        if self.on(ROI_RECTANGLE_ALWAYS_SET):
            return area.WhichOneof("geometry") == "rectangle"
        return True  # Python tests the truthiness of a sub-message: always true

    def _roi_spec_errors(self, spec) -> List[str]:
        if not spec.allows_rectangle and self._has_rectangle(spec.default_area):
            return ["Default area is a rectangle despite not being allowed"]
        if not spec.allows_polygon and len(spec.default_area.polygon.vertices) > 0:
            return ["Default area is a polygon despite not being allowed"]
        return []

    def _list_spec_errors(self, spec) -> List[str]:
        if not spec.HasField("element_spec"):
            return ["ListParam needs a defined element_spec"]
        element_errors = self._custom_spec_errors(spec.element_spec)
        if element_errors:
            return element_errors  # not nested: Python re-raises the element's own errors
        errors = []
        mn, mx = spec.min_number_of_values, spec.max_number_of_values
        if spec.HasField("min_number_of_values") and spec.HasField("max_number_of_values"):
            if mn.value > mx.value:
                errors.append(
                    f"Max ListParam.Spec size {text_format(mx)} below minimum size of {text_format(mn)}")
        if mx.value < 0 or mn.value < 0:
            errors.append(f"Invalid negative list size bound, with (min, max) bound of "
                          f"{(mn.value, mx.value)}")
        return errors

    def _one_of_spec_errors(self, spec) -> List[str]:
        if spec.default_key and spec.default_key not in spec.specs:
            return [f"OneOf parameter has nonexistent default key of {spec.default_key}"]
        errors = []
        for key in sorted(spec.specs.keys()):
            errors.extend(self.nest(key, self._dict_spec_errors(spec.specs[key].spec)))
        return errors

    # ------------------------------------------------------------------ value validation
    def validate_value(self, spec: DictParam.Spec, value: DictParam) -> Optional[Err]:
        """None for a valid value. May raise ModelCrash. Does not mutate `value`."""
        err = self._dict_value(spec, value)
        if err and self.structural:
            err = Err(err.status, render_structural(err.messages), err.candidates)
        return err

    def _node(self, which_spec, spec, value) -> Optional[Err]:
        expected = SPEC_TO_VALUE[which_spec][1]
        err = _type_mismatch(value, expected)
        if err:
            return err
        if which_spec == "dict_spec":
            return self._dict_value(spec, value)
        if which_spec == "list_spec":
            return self._list_value(spec, value)
        if which_spec in ("int_spec", "double_spec"):
            return self._numeric_value(spec, value)
        if which_spec == "string_spec":
            return self._string_value(spec, value)
        if which_spec == "roi_spec":
            return self._roi_value(spec, value)
        if which_spec == "bool_spec":
            return None
        return self._one_of_value(spec, value)

    def _dict_value(self, spec, value) -> Optional[Err]:
        unknown = set(value.values.keys()) - set(spec.specs.keys())
        if unknown:
            return Err(UNSUPPORTED, [
                f"DictParam value contains keys {_set_repr(unknown)} not present in the spec."
            ], frozenset([UNSUPPORTED]))
        messages, candidates, status, crashes = [], set(), OK, set()
        for name in sorted(value.values.keys()):
            custom = value.values[name]
            child_spec = spec.specs[name].spec
            which_value = custom.WhichOneof("value")
            if which_value is None:
                if not self.on(CUSTOM_PARAM_VALUE_UNSET):
                    crashes.add("TypeError: attribute name must be string, not 'NoneType'")
                    continue
                err = Err(INVALID_TYPE,
                          [f"Value is not set while the spec expects {child_spec.WhichOneof('spec')}"],
                          frozenset([INVALID_TYPE]))
            else:
                which_spec = child_spec.WhichOneof("spec")
                try:
                    err = self._node(which_spec, getattr(child_spec, which_spec),
                                     getattr(custom, which_value))
                except ModelCrash as crash:
                    crashes |= crash.candidates
                    continue
            if err:
                status = err.status
                candidates |= err.candidates
                messages.extend(self.nest(name, err.messages))
        if crashes:
            raise ModelCrash(*crashes)
        if messages:
            return Err(status, messages, frozenset(candidates))
        return None

    def _list_value(self, spec, value) -> Optional[Err]:
        n = len(value.values)
        if spec.HasField("min_number_of_values") and n < spec.min_number_of_values.value:
            return Err(INVALID_VALUE, [
                f"ListParam has {n} values, which is less than the required minimum "
                f"{text_format(spec.min_number_of_values)}"
            ], frozenset([INVALID_VALUE]))
        if spec.HasField("max_number_of_values") and n > spec.max_number_of_values.value:
            return Err(INVALID_VALUE, [
                f"ListParam has {n} values, which is more than the allowed maximum "
                f"{text_format(spec.max_number_of_values)}"
            ], frozenset([INVALID_VALUE]))
        spec_type = spec.element_spec.WhichOneof("spec")
        messages, status, last_candidates = [], OK, frozenset()
        for i, custom in enumerate(value.values):
            value_type = custom.WhichOneof("value")
            if value_type is None:
                if not self.on(CUSTOM_PARAM_VALUE_UNSET):
                    raise ModelCrash("AttributeError: 'NoneType' object has no attribute 'split'")
                status = INVALID_TYPE
                last_candidates = frozenset([INVALID_TYPE])
                messages.append(
                    f"Value is not set at index {i} while the List Param Spec expects {spec_type}")
                continue
            if spec_type.split("_")[0] != value_type.split("_")[0]:
                status = INVALID_TYPE
                last_candidates = frozenset([INVALID_TYPE])
                messages.append(f"Value is defined as {value_type} at index {i} while the List "
                                f"Param Spec expects {spec_type}")
                continue
            err = self._node(spec_type, getattr(spec.element_spec, spec_type),
                             getattr(custom, value_type))
            if err:
                status = err.status
                last_candidates = err.candidates
                messages.extend(self.nest(f"[{i}]", err.messages, index=True))
        if messages:
            return Err(status, messages, last_candidates)
        return None

    def _numeric_value(self, spec, value) -> Optional[Err]:
        v = value.value
        if spec.HasField("min_value") and v < spec.min_value.value:
            return Err(INVALID_VALUE, [f"Value {v} below min_bound {spec.min_value.value}"],
                       frozenset([INVALID_VALUE]))
        if spec.HasField("max_value") and v > spec.max_value.value:
            return Err(INVALID_VALUE, [f"Value {v} above max_bound {spec.max_value.value}"],
                       frozenset([INVALID_VALUE]))
        return None

    def _string_value(self, spec, value) -> Optional[Err]:
        if not spec.editable and len(spec.options) > 0 and value.value not in spec.options:
            return Err(INVALID_VALUE, [
                f"Chosen string value {value.value} not among options {py_repr_list(spec.options)}"
            ], frozenset([INVALID_VALUE]))
        return None

    def _roi_value(self, spec, value) -> Optional[Err]:
        message = None
        if not spec.allows_rectangle and self._has_rectangle(value.area):
            message = "Chosen area is a rectangle despite not being allowed"
        elif not spec.allows_polygon and len(value.area.polygon.vertices) > 0:
            message = "Chosen area is a polygon despite not being allowed"
        elif value.image_cols < 0:
            message = "Number of columns in image must be positive"
        elif value.image_rows < 0:
            message = "Number of rows in image must be positive"
        if message:
            return Err(INVALID_VALUE, [message], frozenset([INVALID_VALUE]))
        return None

    def _one_of_value(self, spec, value) -> Optional[Err]:
        if value.key not in spec.specs:
            return Err(INVALID_VALUE,
                       [f"OneOf parameter value has nonexistent key of {value.key}"],
                       frozenset([INVALID_VALUE]))
        chosen = value.values[value.key] if value.key in value.values else DictParam()
        err = self._dict_value(spec.specs[value.key].spec, chosen)
        if err:
            return Err(err.status, self.nest(value.key, err.messages), err.candidates)
        return None

    # ------------------------------------------------------------------ defaults
    def default_for(self, spec: CustomParam.Spec):
        """The default value message for a CustomParam.Spec, or None (no default)."""
        which = spec.WhichOneof("spec")
        if which is None:
            if self.on(CUSTOM_PARAM_SPEC_UNSET):
                return None
            raise ModelCrash("KeyError: None")
        sub = getattr(spec, which)
        if which == "dict_spec":
            return self.dict_default(sub)
        if which == "list_spec":
            out = ListParam()
            element = self.default_for(sub.element_spec)
            if element is not None:
                for _ in range(sub.min_number_of_values.value):
                    getattr(out.values.add(), SPEC_TO_VALUE[sub.element_spec.WhichOneof("spec")][0]).CopyFrom(element)
            return out
        if which in ("int_spec", "double_spec"):
            out = Int64Param() if which == "int_spec" else DoubleParam()
            if sub.HasField("default_value"):
                out.value = sub.default_value.value
            elif sub.HasField("min_value"):
                out.value = sub.min_value.value
            elif sub.HasField("max_value"):
                out.value = sub.max_value.value
            return out
        if which == "string_spec":
            if sub.default_value != "":
                return StringParam(value=sub.default_value)
            if len(sub.options) > 0:
                return StringParam(value=sub.options[0])
            return StringParam()
        if which == "roi_spec":
            if not sub.allows_rectangle and not self.on(ROI_RECTANGLE_ALWAYS_SET):
                return None
            out = RegionOfInterestParam()
            if sub.HasField("default_area"):
                out.area.CopyFrom(sub.default_area)
            if sub.HasField("service_and_source"):
                out.service_and_source.CopyFrom(sub.service_and_source)
            return out
        if which == "bool_spec":
            return BoolParam(value=sub.default_value.value)
        if sub.default_key not in sub.specs:
            return None
        out = OneOfParam(key=sub.default_key)
        for key in sub.specs:
            out.values[key].CopyFrom(self.dict_default(sub.specs[key].spec))
        return out

    def dict_default(self, spec: DictParam.Spec) -> DictParam:
        out = DictParam()
        for key in spec.specs:
            d = self.default_for(spec.specs[key].spec)
            if d is not None:
                field_name = SPEC_TO_VALUE[spec.specs[key].spec.WhichOneof("spec")][0]
                getattr(out.values[key], field_name).CopyFrom(d)
        return out

    # ------------------------------------------------------------------ coercion
    def coerce(self, spec: DictParam.Spec, value: DictParam) -> bool:
        """Coerce `value` in place; returns Python's did-coerce flag. May raise ModelCrash."""
        return self._coerce_dict(spec, value)

    def _coerce_custom(self, custom: CustomParam, spec: CustomParam.Spec):
        """Returns (did_coerce, remove). `remove`: fixed mode leaves this param absent."""
        which = spec.WhichOneof("spec")
        if which is None:
            if self.on(CUSTOM_PARAM_SPEC_UNSET):
                return True, True
            raise ModelCrash("KeyError: None")
        field_name, cls = SPEC_TO_VALUE[which]
        sub = getattr(spec, which)
        if custom.HasField(field_name):
            target = getattr(custom, field_name)
            if which == "dict_spec":
                return self._coerce_dict(sub, target), False
            if which == "list_spec":
                return self._coerce_list(sub, target), False
            if which in ("int_spec", "double_spec"):
                return self._coerce_numeric(sub, target), False
            if which == "string_spec":
                return self._coerce_string(sub, target), False
            if which == "roi_spec":
                return self._coerce_roi(sub, target), False
            if which == "bool_spec":
                return False, False
            return self._coerce_one_of(sub, target)
        default = self.default_for(spec)
        if default is None:
            if which == "one_of_spec" and len(sub.specs) == 0:
                if self.on(ONE_OF_EMPTY_COERCE_CRASH):
                    return True, True
            elif which == "one_of_spec":
                if self.on(ONE_OF_NO_DEFAULT_COERCE_CRASH):
                    return True, True
            raise ModelCrash(
                "TypeError: Parameter to CopyFrom() must be instance of same class: expected "
                f"{cls} got <class 'NoneType'>.")
        custom.Clear()
        getattr(custom, field_name).CopyFrom(default)
        return True, False

    def _coerce_dict(self, spec: DictParam.Spec, value: DictParam) -> bool:
        did = False
        kept = {}
        crashes = set()
        for key in sorted(spec.specs.keys()):
            child = CustomParam()
            if key in value.values:
                child.CopyFrom(value.values[key])
            existed = key in value.values
            try:
                d, remove = self._coerce_custom(child, spec.specs[key].spec)
            except ModelCrash as crash:
                crashes |= crash.candidates
                continue
            if remove:
                did = did or existed
                continue
            did = did or d
            kept[key] = child
        if crashes:
            raise ModelCrash(*crashes)
        value.ClearField("values")  # keys absent from the spec vanish without setting the flag
        for key, child in kept.items():
            value.values[key].CopyFrom(child)
        return did

    def _coerce_list(self, spec: ListParam.Spec, value: ListParam) -> bool:
        did = False
        if spec.HasField("min_number_of_values") and len(value.values) < spec.min_number_of_values.value:
            element = self.default_for(spec.element_spec)
            missing = spec.min_number_of_values.value - len(value.values)
            if element is None:
                which = spec.element_spec.WhichOneof("spec")
                sub = getattr(spec.element_spec, which) if which else None
                fixed = (which == "one_of_spec" and (
                    (len(sub.specs) == 0 and self.on(ONE_OF_EMPTY_COERCE_CRASH)) or
                    (len(sub.specs) > 0 and self.on(ONE_OF_NO_DEFAULT_COERCE_CRASH)))) or (
                        which is None and self.on(CUSTOM_PARAM_SPEC_UNSET))
                if not fixed:
                    raise ModelCrash("TypeError: Expected a message object, but got None.")
                # fixed: a list cannot hold an absent element; it stays short
            else:
                field_name = SPEC_TO_VALUE[spec.element_spec.WhichOneof("spec")][0]
                for _ in range(missing):
                    getattr(value.values.add(), field_name).CopyFrom(element)
                did = True
        if spec.HasField("max_number_of_values"):
            limit = spec.max_number_of_values.value
            if len(value.values) > limit:
                if limit < 0:
                    raise ModelCrash("IndexError: list index (-1) out of range")
                del value.values[limit:]
                did = True
        kept = []
        for element in value.values:
            child = CustomParam()
            child.CopyFrom(element)
            d, remove = self._coerce_custom(child, spec.element_spec)
            if remove:
                did = True
                continue
            did = did or d
            kept.append(child)
        del value.values[:]
        for child in kept:
            value.values.add().CopyFrom(child)
        return did

    def _coerce_numeric(self, spec, value) -> bool:
        too_big = spec.HasField("max_value") and value.value > spec.max_value.value
        too_small = spec.HasField("min_value") and value.value < spec.min_value.value
        if too_big or too_small:
            value.CopyFrom(self.default_for_numeric(spec, type(value)))
            return True
        return False

    def default_for_numeric(self, spec, cls):
        out = cls()
        if spec.HasField("default_value"):
            out.value = spec.default_value.value
        elif spec.HasField("min_value"):
            out.value = spec.min_value.value
        elif spec.HasField("max_value"):
            out.value = spec.max_value.value
        return out

    def _coerce_string(self, spec, value) -> bool:
        if not spec.editable and len(spec.options) > 0 and value.value not in spec.options:
            if spec.default_value != "":
                value.value = spec.default_value
            else:
                value.value = spec.options[0]
            return True
        return False

    def _coerce_roi(self, spec, value) -> bool:
        if not self.on(ROI_COERCE_NOOP):
            # Python leaves the value alone and returns this comparison as its flag.
            return (not spec.HasField("service_and_source") or
                    spec.service_and_source == value.service_and_source)
        before = value.SerializeToString(deterministic=True)
        if spec.HasField("service_and_source"):
            value.service_and_source.CopyFrom(spec.service_and_source)
        shape = value.area.WhichOneof("geometry")
        rectangle_refused = shape == "rectangle" and not spec.allows_rectangle and self.on(
            ROI_RECTANGLE_ALWAYS_SET)
        polygon_refused = (not spec.allows_polygon and len(value.area.polygon.vertices) > 0)
        if rectangle_refused or polygon_refused:
            if spec.HasField("default_area"):
                value.area.CopyFrom(spec.default_area)
            else:
                value.ClearField("area")
        if value.image_cols < 0:
            value.image_cols = 0
        if value.image_rows < 0:
            value.image_rows = 0
        return value.SerializeToString(deterministic=True) != before

    def _coerce_one_of(self, spec, value):
        did = False
        if value.key not in spec.specs:
            if len(spec.specs) == 0:
                if self.on(ONE_OF_EMPTY_COERCE_CRASH):
                    return True, True
                raise ModelCrash("IndexError: list index out of range")
            value.key = sorted(spec.specs.keys())[0]  # sorted order, not default_key
            did = True
        kept = {}
        crashes = set()
        for key in sorted(spec.specs.keys()):
            child = DictParam()
            if key in value.values:
                child.CopyFrom(value.values[key])
            try:
                if self._coerce_dict(spec.specs[key].spec, child):
                    did = True
            except ModelCrash as crash:
                crashes |= crash.candidates
            kept[key] = child
        if crashes:
            raise ModelCrash(*crashes)
        value.ClearField("values")
        for key, child in kept.items():
            value.values[key].CopyFrom(child)
        return did, False

    # ------------------------------------------------------------------ conversion
    def to_python(self, spec: DictParam.Spec, value: DictParam):
        """dict_params_to_dict(value, spec): raises ModelCrash / SpecInvalid / ValueInvalid."""
        errors = self.validate_dict_spec(spec)
        if errors:
            raise SpecInvalid(errors)
        err = self.validate_value(spec, value)
        if err:
            raise ValueInvalid(err)
        return self._convert_dict(spec, value)

    def _convert_dict(self, spec, value):
        out = {}
        for key in value.values:
            custom = value.values[key]
            which_value = custom.WhichOneof("value")
            child = getattr(custom, which_value)
            child_spec = spec.specs[key].spec
            sub = getattr(child_spec, child_spec.WhichOneof("spec"))
            out[key] = self._convert(which_value, sub, child)
        return out

    def _convert(self, which_value, spec, value):
        if which_value == "dict_value":
            return self._convert_dict(spec, value)
        if which_value == "list_value":
            element_spec = getattr(spec.element_spec, spec.element_spec.WhichOneof("spec"))
            return [self._convert(e.WhichOneof("value"), element_spec, getattr(e, e.WhichOneof("value")))
                    for e in value.values]
        if which_value == "one_of_value":
            chosen = value.values[value.key] if value.key in value.values else DictParam()
            return self._convert_dict(spec.specs[value.key].spec, chosen)
        if which_value == "roi_value":
            return value  # Python returns the message itself
        return value.value


class SpecInvalid(Exception):
    pass


class ValueInvalid(Exception):
    pass


def _set_repr(keys) -> str:
    """Python's repr of a set of strings, elements sorted (Python's own order is hash order)."""
    return "{" + ", ".join(repr(k) for k in sorted(keys)) + "}"


FIX_NOTES = {
    NUMERIC_DEFAULT_ASSUMED_ZERO: "no default_value: only min <= max is checked",
    ROI_RECTANGLE_ALWAYS_SET: "a rectangle is present only when AreaI's 'geometry' oneof holds one; the "
                              "default of an ROI spec no longer depends on allows_rectangle",
    ONE_OF_EMPTY_COERCE_CRASH: "suggested: a one-of whose spec has no children is left absent",
    ROI_COERCE_NOOP: "suggested: copy the spec's service_and_source, replace a refused shape by "
                     "default_area (or clear it), clamp negative image_cols/rows to 0; flag = changed",
    CUSTOM_PARAM_VALUE_UNSET: "suggested: STATUS_INVALID_TYPE, message 'Value is not set while the "
                              "spec expects <x>_spec' (list: '... at index <i> while the List Param "
                              "Spec expects <x>_spec', unnested like the type-mismatch message)",
    ONE_OF_NO_DEFAULT_COERCE_CRASH: "suggested: left absent, as Python's own dict default builder "
                                    "already does; in a list the missing elements are not added",
    CUSTOM_PARAM_SPEC_UNSET: "suggested: spec invalid with '<key> param has error: CustomParam.Spec "
                             "has no spec set'; coercion leaves such a param absent",
}
