package import GRPCCore

extension RegistrationLivenessProbe {
  /// The probe's request and answer: no data, the answer is in the metadata.
  package struct EmptyMessage: Sendable {
    package init() {}
  }

  /// Writes ``EmptyMessage`` as no bytes and reads any bytes as one, for both ends of the
  /// probe (the keep-alive that calls it and the server that answers it).
  package struct EmptyMessageCoder: MessageSerializer, MessageDeserializer {
    package init() {}

    package func serialize<Bytes: GRPCContiguousBytes>(_ message: EmptyMessage) throws -> Bytes {
      Bytes([])
    }

    package func deserialize<Bytes: GRPCContiguousBytes>(
      _ serializedMessageBytes: Bytes
    ) throws -> EmptyMessage {
      EmptyMessage()
    }
  }
}
