import BosdynAPI
import Foundation
import SwiftProtobuf
import Synchronization

/// A protobuf message held in the blackboard (a `RobotState`, a `Duration`, a Prompt answer's
/// `DictParam`…), with its JSON form computed once, when a path first reads into it.
final class MessageValue: Sendable {
  /// The message itself.
  let message: any SwiftProtobuf.Message
  private let cachedJSON = Mutex<JSONValue??>(nil)

  init(_ message: any SwiftProtobuf.Message) {
    self.message = message
  }

  /// The message's proto name, such as `bosdyn.api.RobotState`.
  var typeName: String {
    if let any = self.message as? Google_Protobuf_Any {
      return String(any.typeURL.split(separator: "/").last ?? "")
    }
    return type(of: self.message).protoMessageName
  }

  /// The message as JSON with proto field names and enums as numbers, or `nil` when the message
  /// cannot be encoded (an `Any` of a type this executor does not know).
  var json: JSONValue? {
    if let cached = self.cachedJSON.withLock({ $0 }) { return cached }
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    options.alwaysPrintEnumsAsInts = true
    options.alwaysPrintInt64sAsNumbers = true
    let parsed = (try? self.message.jsonString(options: options)).flatMap(JSONValue.parse)
    self.cachedJSON.withLock { $0 = .some(parsed) }
    return parsed
  }

  /// Packs the message into `google.protobuf.Any` (as `ConstantValue.msg_value` needs).
  func packed() -> Google_Protobuf_Any? {
    if let any = self.message as? Google_Protobuf_Any { return any }
    return try? Google_Protobuf_Any(message: self.message)
  }

  /// Unpacks `any` into one of the message types the executor reads paths from, or keeps the
  /// `Any` as it is.
  static func unpacking(_ any: Google_Protobuf_Any) -> MessageValue {
    for type in knownTypes where any.isA(type) {
      if let message = try? type.init(unpackingAny: any) {
        return MessageValue(message)
      }
    }
    return MessageValue(any)
  }

  /// The message types a `ConstantValue.msg_value` is unpacked to, so that paths and typed
  /// reads work on them.
  static let knownTypes: [any SwiftProtobuf.Message.Type] = [
    Bosdyn_Api_RobotState.self,
    Google_Protobuf_Duration.self,
    Google_Protobuf_Timestamp.self,
    Bosdyn_Api_Mission_Prompt.OptionsList.self,
    Bosdyn_Api_DictParam.Spec.self,
    Bosdyn_Api_DictParam.self,
    Bosdyn_Api_Mission_Question.self,
    Bosdyn_Api_PowerState.self,
    Google_Protobuf_DoubleValue.self,
    Google_Protobuf_Int64Value.self,
    Google_Protobuf_StringValue.self,
    Google_Protobuf_BoolValue.self,
  ]
}
