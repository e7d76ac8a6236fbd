import BosdynAPI
import ServiceCustomization

/// Builds a callback's form from the spec it advertises: one field per parameter, in the
/// tablet's order, with the parameter's label, help, bounds and units, filled in with
/// `values`.
///
/// Every string of the spec is escaped (``HTML``): specs come from callbacks, which are not
/// trusted. A spec the console cannot make sense of (a parameter with no type, a list without
/// an element type) gets a note in place of the field, never a crash.
struct FormRenderer: Sendable {
  /// Errors to show at first, by field name (a form sent back by the server).
  var issues: [String: [String]] = [:]

  /// The top-level fields of `spec`, filled in with `values`.
  func fields(of spec: Bosdyn_Api_DictParam.Spec, values: Bosdyn_Api_DictParam) -> HTML {
    let fields = self.children(of: spec, values: values, at: .root)
    guard !fields.isEmpty else {
      return "<p class=\"muted empty-form\">This callback has no parameters.</p>"
    }
    return HTML(fields)
  }

  /// The fields of a dict's children, ordered.
  func children(
    of spec: Bosdyn_Api_DictParam.Spec,
    values: Bosdyn_Api_DictParam?,
    at path: FieldPath
  ) -> [HTML] {
    FieldLabel.ordered(spec.specs, info: { $0.hasUiInfo ? $0.uiInfo : nil }).map { key, child in
      let label = FieldLabel.text(key: key, info: child.hasUiInfo ? child.uiInfo : nil)
      let fieldPath = path.appending(key: key)
      return self.field(
        FieldInfo(
          path: fieldPath,
          key: key,
          label: label,
          description: child.hasUiInfo ? child.uiInfo.description_p : "",
          errors: self.issues[fieldPath.encoded] ?? []
        ),
        spec: child.spec,
        value: values?.values[key]
      )
    }
  }

  /// One parameter's field, whatever its type.
  func field(
    _ info: FieldInfo,
    spec: Bosdyn_Api_CustomParam.Spec,
    value: Bosdyn_Api_CustomParam?
  ) -> HTML {
    switch spec.spec {
    case .intSpec(let int)?:
      return self.intField(info, spec: int, value: value?.intValue)
    case .doubleSpec(let double)?:
      return self.doubleField(info, spec: double, value: value?.doubleValue)
    case .stringSpec(let string)?:
      return self.stringField(info, spec: string, value: value?.stringValue)
    case .boolSpec(let bool)?:
      return self.boolField(info, spec: bool, value: value?.boolValue)
    case .dictSpec(let dict)?:
      return self.dictField(info, spec: dict, value: value?.dictValue)
    case .oneOfSpec(let oneOf)?:
      return self.oneOfField(info, spec: oneOf, value: value?.oneOfValue)
    case .listSpec(let list)?:
      return self.listField(info, spec: list, value: value?.listValue)
    case .roiSpec(let roi)?:
      return self.regionField(info, spec: roi, value: value?.roiValue)
    case nil:
      return """
        <div class="field unsupported" data-field="\(info.path.encoded)">\
        <p class="label">\(info.label) <code class="key">\(info.key)</code></p>\
        <p class="note">The callback's spec gives this parameter no type; it is not sent.</p>\
        </div>
        """
    }
  }
}

/// What every field shows besides its input: where it is, what it is called, what it is for.
struct FieldInfo: Sendable {
  var path: FieldPath
  var key: String
  var label: String
  var description: String
  /// Errors to show at first.
  var errors: [String] = []

  /// The input's id.
  var inputID: String { "f-" + self.path.encoded }
  /// The help text's id.
  var helpID: String { "h-" + self.path.encoded }
  /// The hint's id (bounds, default).
  var hintID: String { "t-" + self.path.encoded }
  /// The error's id.
  var errorID: String { "e-" + self.path.encoded }

  /// The label row: the label for the input, and the key in small type for developers.
  var labelRow: HTML {
    """
    <div class="label-row"><label for="\(self.inputID)">\(self.label)</label>\
    <code class="key">\(self.key)</code></div>
    """
  }

  /// The help paragraph, if there is a description.
  var help: HTML {
    self.description.isEmpty
      ? "" : "<p class=\"help\" id=\"\(self.helpID)\">\(self.description)</p>"
  }

  /// The hint paragraph, if there is a hint.
  func hint(_ text: String?) -> HTML {
    guard let text, !text.isEmpty else { return "" }
    return "<p class=\"hint\" id=\"\(self.hintID)\">\(text)</p>"
  }

  /// Where the page and the server put this field's error.
  var errorSlot: HTML {
    let hidden: HTML = self.errors.isEmpty ? " hidden" : ""
    return """
      <p class="field-error" id="\(self.errorID)" data-error-for="\(self.path.encoded)"\
      \(hidden)>\(self.errors.joined(separator: " "))</p>
      """
  }

  /// `aria-describedby` for the input: help, hint, error.
  func describedBy(hint: Bool) -> HTML {
    var ids: [String] = []
    if !self.description.isEmpty { ids.append(self.helpID) }
    if hint { ids.append(self.hintID) }
    ids.append(self.errorID)
    return " aria-describedby=\"\(ids.joined(separator: " "))\""
  }
}
