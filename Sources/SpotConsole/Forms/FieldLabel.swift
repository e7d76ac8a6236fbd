import Foundation
import BosdynAPI

/// What the form calls a parameter: its `ui_info` display name, or a readable form of its key.
enum FieldLabel {
  /// The display name, else the key with `_` and `-` as spaces and a capital first letter.
  ///
  /// - Parameters:
  ///   - key: The parameter's key.
  ///   - info: Its `ui_info`, if any.
  ///   - parentKey: For a one-of's choices, the one-of's key: a choice key that repeats it
  ///     (`toggle_key_enable` under `toggle_key`) is shown without it (`Enable`).
  static func text(
    key: String,
    info: Bosdyn_Api_UserInterfaceInfo?,
    parentKey: String? = nil
  ) -> String {
    if let name = info?.displayName, !name.trimmingCharacters(in: .whitespaces).isEmpty {
      return name
    }
    var base = key
    if let parentKey, key.hasPrefix(parentKey + "_"), key.count > parentKey.count + 1 {
      base = String(key.dropFirst(parentKey.count + 1))
    }
    let words = base.map { $0 == "_" || $0 == "-" ? " " : String($0) }.joined()
      .trimmingCharacters(in: .whitespaces)
    guard let first = words.first else { return key.isEmpty ? "(unnamed)" : key }
    return first.uppercased() + words.dropFirst()
  }

  /// The order the tablet shows siblings in: `display_order` ascending, then key.
  static func ordered<Child>(
    _ children: [String: Child],
    info: (Child) -> Bosdyn_Api_UserInterfaceInfo?
  ) -> [(key: String, child: Child)] {
    children.map { (key: $0.key, child: $0.value) }.sorted { lhs, rhs in
      let left = info(lhs.child)?.displayOrder ?? 0
      let right = info(rhs.child)?.displayOrder ?? 0
      if left != right { return left < right }
      return lhs.key.unicodeScalars.lexicographicallyPrecedes(rhs.key.unicodeScalars)
    }
  }

  /// Units as a short suffix: the unit's name, or K, °C, °F, psi, kPa, bar; "(relative)" for
  /// a difference.
  static func units(_ units: Bosdyn_Api_Units) -> String? {
    var text: String
    switch units.units {
    case .name(let name)?: text = name
    case .temp(let temperature)?:
      switch temperature {
      case .temperatureKelvin: text = "K"
      case .temperatureCelsius: text = "°C"
      case .temperatureFahrenheit: text = "°F"
      case .temperatureUnknown, .UNRECOGNIZED: text = ""
      }
    case .press(let pressure)?:
      switch pressure {
      case .pressurePsi: text = "psi"
      case .pressureKpa: text = "kPa"
      case .pressureBar: text = "bar"
      case .pressureUnknown, .UNRECOGNIZED: text = ""
      }
    case nil: text = ""
    }
    if units.isRelative, !text.isEmpty { text += " (relative)" }
    return text.isEmpty ? nil : text
  }
}
