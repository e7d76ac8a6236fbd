import SwiftProtobuf

/// The .proto spelling of a `Status` enum value (`.poweredOff` → `STATUS_POWERED_OFF`), for
/// messages that name the status the way the Python example prints it.
///
/// Derived from the Swift case name because swift-protobuf keeps its name table internal; every
/// `Status` enum in bosdyn-api prefixes its values with `STATUS_`, which the Swift names drop.
func statusName(_ value: some SwiftProtobuf.Enum) -> String {
  let caseName = String(describing: value)
  if caseName.hasPrefix("UNRECOGNIZED") {
    return "STATUS_\(value.rawValue)"
  }
  var name = "STATUS_"
  for character in caseName {
    if character.isUppercase {
      name.append("_")
    }
    name.append(contentsOf: character.uppercased())
  }
  return name
}
