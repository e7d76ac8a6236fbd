import BosdynAPI
import SwiftProtobuf

extension FormRenderer {
  /// A whole number: a number input with the spec's bounds (the page checks them as the
  /// operator types; the server checks again).
  func intField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_Int64Param.Spec,
    value: Bosdyn_Api_Int64Param?
  ) -> HTML {
    let current = value?.value ?? Self.defaultInt(spec)
    let min = spec.hasMinValue ? String(spec.minValue.value) : nil
    let max = spec.hasMaxValue ? String(spec.maxValue.value) : nil
    let hint = Self.boundsHint(
      min: min,
      max: max,
      defaultValue: spec.hasDefaultValue ? String(spec.defaultValue.value) : nil
    )
    return self.numberField(
      info,
      kind: "int",
      value: String(current),
      step: "1",
      min: min,
      max: max,
      units: spec.hasUnits ? FieldLabel.units(spec.units) : nil,
      hint: hint
    )
  }

  /// A real number: as a whole number, with any step.
  func doubleField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_DoubleParam.Spec,
    value: Bosdyn_Api_DoubleParam?
  ) -> HTML {
    let current = value?.value ?? Self.defaultDouble(spec)
    let min = spec.hasMinValue ? Self.number(spec.minValue.value) : nil
    let max = spec.hasMaxValue ? Self.number(spec.maxValue.value) : nil
    let hint = Self.boundsHint(
      min: min,
      max: max,
      defaultValue: spec.hasDefaultValue ? Self.number(spec.defaultValue.value) : nil
    )
    return self.numberField(
      info,
      kind: "double",
      value: current.isFinite ? Self.number(current) : "",
      step: "any",
      min: min,
      max: max,
      units: spec.hasUnits ? FieldLabel.units(spec.units) : nil,
      hint: hint
    )
  }

  private func numberField(
    _ info: FieldInfo,
    kind: String,
    value: String,
    step: String,
    min: String?,
    max: String?,
    units: String?,
    hint: String?
  ) -> HTML {
    var bounds: HTML = ""
    if let min { bounds += " min=\"\(min)\" data-min=\"\(min)\"" }
    if let max { bounds += " max=\"\(max)\" data-max=\"\(max)\"" }
    let unitsHTML: HTML = units.map { "<span class=\"units\">\($0)</span>" } ?? ""
    let mode: HTML = kind == "int" ? " inputmode=\"numeric\"" : " inputmode=\"decimal\""
    return """
      <div class="field" data-field="\(info.path.encoded)" data-kind="\(kind)">
      \(info.labelRow)\(info.help)<div class="input-row"><input type="number" \
      id="\(info.inputID)" name="\(info.path.encoded)" value="\(value)" step="\(step)"\
      \(bounds)\(mode) required\(info.describedBy(hint: hint != nil))>\(unitsHTML)</div>
      \(info.hint(hint))\(info.errorSlot)
      </div>
      """
  }

  /// Text: a picker when the spec has options and allows nothing else, a text field with
  /// suggestions when it has options and is editable, a text box when multiline.
  func stringField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_StringParam.Spec,
    value: Bosdyn_Api_StringParam?
  ) -> HTML {
    let current =
      value?.value ?? (spec.defaultValue.isEmpty ? spec.options.first ?? "" : spec.defaultValue)
    let input: HTML
    var hint: String?
    if !spec.options.isEmpty && !spec.editable {
      var options = spec.options
      if !options.contains(current) { options.insert(current, at: 0) }
      let items = options.map { option -> HTML in
        option == current
          ? "<option value=\"\(option)\" selected>\(option.isEmpty ? "(empty)" : option)</option>"
          : "<option value=\"\(option)\">\(option.isEmpty ? "(empty)" : option)</option>"
      }
      input = """
        <select id="\(info.inputID)" name="\(info.path.encoded)" data-options="strict"\
        \(info.describedBy(hint: false))>\(HTML(items))</select>
        """
    } else if spec.isMultiline {
      input = """
        <textarea id="\(info.inputID)" name="\(info.path.encoded)" rows="4"\
        \(info.describedBy(hint: false))>\(current)</textarea>
        """
    } else if !spec.options.isEmpty {
      let listID = "l-" + info.path.encoded
      let items = spec.options.map { option -> HTML in "<option value=\"\(option)\"></option>" }
      input = """
        <input type="text" id="\(info.inputID)" name="\(info.path.encoded)" value="\(current)" \
        list="\(listID)"\(info.describedBy(hint: true))><datalist id="\(listID)">\(HTML(items))</datalist>
        """
      hint = "Suggestions: " + spec.options.joined(separator: ", ")
    } else {
      input = """
        <input type="text" id="\(info.inputID)" name="\(info.path.encoded)" value="\(current)"\
        \(info.describedBy(hint: false))>
        """
    }
    return """
      <div class="field" data-field="\(info.path.encoded)" data-kind="string">
      \(info.labelRow)\(info.help)<div class="input-row">\(input)</div>
      \(info.hint(hint))\(info.errorSlot)
      </div>
      """
  }

  /// A switch: a checkbox, its label beside it.
  func boolField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_BoolParam.Spec,
    value: Bosdyn_Api_BoolParam?
  ) -> HTML {
    let checked = value?.value ?? spec.defaultValue.value
    let checkedHTML: HTML = checked ? " checked" : ""
    return """
      <div class="field check" data-field="\(info.path.encoded)" data-kind="bool">
      <div class="check-row"><input type="checkbox" id="\(info.inputID)" \
      name="\(info.path.encoded)" value="true"\(checkedHTML)\(info.describedBy(hint: false))>\
      <label for="\(info.inputID)">\(info.label)</label><code class="key">\(info.key)</code></div>
      \(info.help)\(info.errorSlot)
      </div>
      """
  }

  /// The default the tablet starts an int at: the default, else the minimum, else the
  /// maximum, else 0 (as ``/ServiceCustomization/DictSpec/defaultValue``).
  static func defaultInt(_ spec: Bosdyn_Api_Int64Param.Spec) -> Int64 {
    if spec.hasDefaultValue { return spec.defaultValue.value }
    if spec.hasMinValue { return spec.minValue.value }
    if spec.hasMaxValue { return spec.maxValue.value }
    return 0
  }

  /// As ``defaultInt(_:)``, for a real number.
  static func defaultDouble(_ spec: Bosdyn_Api_DoubleParam.Spec) -> Double {
    if spec.hasDefaultValue { return spec.defaultValue.value }
    if spec.hasMinValue { return spec.minValue.value }
    if spec.hasMaxValue { return spec.maxValue.value }
    return 0
  }

  /// A real number without a needless `.0`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return String(value) }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// "Between 1 and 1337 · default 1337", "At least 0", …
  static func boundsHint(min: String?, max: String?, defaultValue: String?) -> String? {
    var parts: [String] = []
    switch (min, max) {
    case (let min?, let max?): parts.append("Between \(min) and \(max)")
    case (let min?, nil): parts.append("At least \(min)")
    case (nil, let max?): parts.append("At most \(max)")
    case (nil, nil): break
    }
    if let defaultValue { parts.append("default \(defaultValue)") }
    guard !parts.isEmpty else { return nil }
    let text = parts.joined(separator: " · ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }
}
