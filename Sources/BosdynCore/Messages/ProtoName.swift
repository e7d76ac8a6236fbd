public import SwiftProtobuf

/// The .proto spelling of an enum value (`.statusInProgress` → `STATUS_IN_PROGRESS`,
/// `LeaseUseResult.Status.ok` → `STATUS_OK`, `.stateOn` → `STATE_ON`), so the simulator's log
/// lines, clients' errors and the executor's failure messages name statuses the way the
/// robot's logs, the Python SDK and the .proto files do.
///
/// swift-protobuf keeps its name tables internal, so the name is rebuilt from the Swift case
/// name: camelCase becomes UPPER_SNAKE, and the enum's own name is put back where the code
/// generator dropped it. The generator drops an enum's name from the values that start with it
/// (`Status.STATUS_OK` → `.ok`) and keeps values that do not (`PowerCommandStatus.STATUS_OK` →
/// `.statusOk`); bosdyn-api enums are consistent within themselves, so the zero value (always
/// `…_UNKNOWN` there) tells which way an enum went: a one-word `.unknown` means the name was
/// dropped from all of them. Unrecognized values print as `UNRECOGNIZED(n)`. Checked against the
/// name tables of every bosdyn-api enum the simulator logs; names with digits (`HDR_MANUAL_1`)
/// can come out with their underscores misplaced, which no simulated service logs.
public func protoName<Value: SwiftProtobuf.Enum>(_ value: Value) -> String {
  let caseName = String(describing: value)
  if caseName.hasPrefix("UNRECOGNIZED") {
    return caseName
  }
  return droppedPrefix(of: Value.self) + upperSnake(caseName)
}

/// `STATUS_` for an enum whose values lost its name `Status`; empty for one that kept them whole.
private func droppedPrefix<Value: SwiftProtobuf.Enum>(of type: Value.Type) -> String {
  let zeroCase = String(describing: Value())
  guard !zeroCase.contains(where: \.isUppercase) else {
    return ""
  }
  // `Bosdyn_Api_AcquireLeaseResponse.Status` → `Status`; `Bosdyn_Api_EstopStopLevel` →
  // `EstopStopLevel`.
  let typeName = String(describing: type)
  let ownName = typeName.split(separator: ".").last?.split(separator: "_").last ?? ""
  return upperSnake(String(ownName)) + "_"
}

/// `inProgress` → `IN_PROGRESS`, `PowerCommandStatus` → `POWER_COMMAND_STATUS`; a run of
/// capitals is one word, as the generator writes acronyms (`invalidPolicyID` →
/// `INVALID_POLICY_ID`).
private func upperSnake(_ camelCase: String) -> String {
  let characters = Array(camelCase)
  var name = ""
  for (index, character) in characters.enumerated() {
    if character.isUppercase && index > 0 {
      let afterLower = !characters[index - 1].isUppercase
      let startsWord =
        index + 1 < characters.count && characters[index + 1].isLowercase
      if afterLower || startsWord {
        name.append("_")
      }
    }
    name.append(contentsOf: character.uppercased())
  }
  return name
}
