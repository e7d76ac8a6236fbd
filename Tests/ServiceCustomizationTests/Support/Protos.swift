import BosdynAPI
import Foundation
import SwiftProtobuf

/// Protos to and from the corpus's base64, in one canonical form: Swift's deterministic
/// encoding, so two messages compare equal exactly when their bytes do (also for NaN, which
/// `==` never finds equal).
enum Protos {
  static func decode<M: SwiftProtobuf.Message>(_ type: M.Type, base64: String) throws -> M {
    guard let data = Data(base64Encoded: base64) else { throw CorpusError("bad base64 \(base64)") }
    return try M(serializedBytes: [UInt8](data))
  }

  static func bytes(_ message: some SwiftProtobuf.Message) -> [UInt8] {
    var options = BinaryEncodingOptions()
    options.useDeterministicOrdering = true
    return try! message.serializedBytes(options: options)
  }

  static func base64(_ message: some SwiftProtobuf.Message) -> String {
    Data(Self.bytes(message)).base64EncodedString()
  }

  /// The canonical bytes of the message the corpus stores as base64.
  static func canonicalBytes<M: SwiftProtobuf.Message>(_ type: M.Type, base64: String) throws
    -> [UInt8]
  {
    Self.bytes(try Self.decode(type, base64: base64))
  }
}

struct CorpusError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
