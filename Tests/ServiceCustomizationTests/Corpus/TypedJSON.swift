import BosdynAPI
import ServiceCustomization

/// The corpus's typed JSON of `dict_params_to_dict` results (`{dict: …}`, `{int: "7"}`,
/// `{double: "NaN"}`, `{roi: {b64}}`), compared with Swift values.
enum TypedJSON {
  /// Whether `expected` (a `{dict: …}`) is what Python makes of the values the tick carried.
  static func matches(_ expected: JSON, values: CustomParamValues) -> Bool {
    guard let members = expected["dict"]?.object else { return false }
    let present = values.presentValues
    guard Set(members.keys) == Set(present.keys) else { return false }
    return members.allSatisfy { key, member in self.matches(member, present[key]!) }
  }

  static func matches(_ expected: JSON, _ actual: CustomParamValue) -> Bool {
    switch actual {
    case .dict(let values), .oneOf(_, let values):
      // Python turns a one-of into the dict of its chosen child.
      return self.matches(expected, values: values)
    case .list(let elements):
      guard let items = expected["list"]?.array, items.count == elements.count else { return false }
      return zip(items, elements).allSatisfy { self.matches($0, $1) }
    case .int(let int):
      return expected["int"]?.string == String(int)
    case .double(let double):
      switch expected["double"] {
      case .string("NaN")?: return double.isNaN
      case .string("Infinity")?: return double == .infinity
      case .string("-Infinity")?: return double == -.infinity
      case .number(let number)?: return number == double
      default: return false
      }
    case .string(let string):
      return expected["string"]?.string.map { $0.utf8.elementsEqual(string.utf8) } ?? false
    case .bool(let bool):
      return expected["bool"]?.bool == bool
    case .regionOfInterest(let roi):
      guard let b64 = expected["roi"]?["b64"]?.string else { return false }
      return (try? Protos.canonicalBytes(Bosdyn_Api_RegionOfInterestParam.self, base64: b64))
        == Protos.bytes(roi)
    }
  }
}
