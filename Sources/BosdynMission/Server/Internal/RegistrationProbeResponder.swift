import BosdynCore
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
      deserializer: RegistrationLivenessProbe.EmptyMessageCoder(),
      serializer: RegistrationLivenessProbe.EmptyMessageCoder()
    ) { request, _ in
      // Drain the (empty) request; the answer is the metadata.
      for try await _ in request.messages {}
      return StreamingServerResponse(
        single: ServerResponse(
          message: RegistrationLivenessProbe.EmptyMessage(),
          metadata: [RegistrationLivenessProbe.serverInstanceMetadataKey: .string(instanceID)]
        )
      )
    }
  }
}
