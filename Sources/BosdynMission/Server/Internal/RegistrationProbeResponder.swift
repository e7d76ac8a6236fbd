import BosdynClient
import GRPCCore

/// Answers the registration keep-alive's liveness probe (``RegistrationLivenessProbe``) with
/// this server's instance id, so that a keep-alive started with the same id knows the
/// directory entry points at its own server.
struct RegistrationProbeResponder: RegistrableRPCService {
  /// The fully qualified service the probe names (the directory entry's type).
  let serviceName: String
  /// The id the answering server goes by.
  let instanceID: String

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let instanceID = self.instanceID
    router.registerHandler(
      forMethod: MethodDescriptor(
        fullyQualifiedService: self.serviceName,
        method: RegistrationLivenessProbe.method
      ),
      deserializer: IgnoredBytes(),
      serializer: IgnoredBytes()
    ) { request, _ in
      // Drain the (empty) request; the answer is the metadata.
      for try await _ in request.messages {}
      return StreamingServerResponse(
        single: ServerResponse(
          message: IgnoredBytes.Message(),
          metadata: [RegistrationLivenessProbe.serverInstanceMetadataKey: .string(instanceID)]
        )
      )
    }
  }
}

/// Reads any message as nothing and writes nothing: the probe's messages carry no data.
private struct IgnoredBytes: MessageSerializer, MessageDeserializer {
  struct Message: Sendable {}

  func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
    Bytes([])
  }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
    Message()
  }
}
