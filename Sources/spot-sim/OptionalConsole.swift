import BosdynCore
import ServiceLifecycle
import SpotConsole

/// The console. A port given with `--console-port` that is taken stops the simulator; the
/// default port taken (a second simulator, another program) only turns the console off.
struct OptionalConsole: Service {
  let console: SpotConsole
  let required: Bool

  func run() async throws {
    do {
      try await self.console.run()
    } catch let error as ListenError where !self.required {
      _ = error  // Announcement says why the console is off.
      try? await gracefulShutdown()
    }
  }
}
