import BosdynAPI

/// A callback's parameter values in one readable line, for a walk's list of actions:
/// `who = "Scout" · toggle_key = toggle_key_enable (toggle_enable_value_key = 2)`.
enum ParamsText {
  /// `params`' values by key, nested values in parentheses; "Default values" when empty.
  static func line(_ params: Bosdyn_Api_DictParam) -> String {
    let text = Self.dict(params)
    return text.isEmpty ? "Default values" : text
  }

  private static func dict(_ params: Bosdyn_Api_DictParam) -> String {
    params.values.keys.sorted().compactMap { key in
      params.values[key].map { "\(key) = \(Self.value($0))" }
    }.joined(separator: " · ")
  }

  private static func value(_ param: Bosdyn_Api_CustomParam) -> String {
    switch param.value {
    case .intValue(let value): String(value.value)
    case .doubleValue(let value): String(value.value)
    case .stringValue(let value): "\"\(value.value)\""
    case .boolValue(let value): value.value ? "on" : "off"
    case .roiValue: "region"
    case .listValue(let list): "[\(list.values.map(Self.value).joined(separator: ", "))]"
    case .dictValue(let dict): "(\(Self.dict(dict)))"
    case .oneOfValue(let oneOf):
      oneOf.values[oneOf.key].map { child in
        let text = Self.dict(child)
        return text.isEmpty ? oneOf.key : "\(oneOf.key) (\(text))"
      } ?? oneOf.key
    case nil: "unset"
    }
  }
}
