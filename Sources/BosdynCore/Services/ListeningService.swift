public import ServiceLifecycle

/// A service that binds a port when it runs, and tells which: a mission server, the simulated
/// robot. Programs print the port once it is known, and services that need it (a directory
/// keep-alive registering a server started on port 0) wait for it.
public protocol ListeningService: Service {
  /// The port the service listens on, once bound; waits until then.
  ///
  /// - Throws: When the service could not bind, or stopped before it did.
  func listeningPort() async throws -> Int
}
