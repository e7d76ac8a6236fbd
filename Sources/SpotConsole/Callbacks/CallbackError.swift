import BosdynAPI
import GRPCCore

/// Why a call to a callback failed, worded for the operator.
struct CallbackError: Error, Sendable, CustomStringConvertible {
  /// What happened, as the page shows it.
  var description: String

  init(_ description: String) {
    self.description = description
  }

  /// The words for a thrown error: gRPC's status by name, anything else as it describes
  /// itself.
  init(describing error: any Error) {
    if let error = error as? RPCError {
      self.init("gRPC \(error.code): \(error.message)")
    } else if let error = error as? CallbackError {
      self = error
    } else {
      self.init("\(error)")
    }
  }

  /// The problem a response header reports, if any.
  static func headerProblem(_ header: Bosdyn_Api_ResponseHeader) -> CallbackError? {
    switch header.error.code {
    case .unspecified, .ok: nil
    default:
      CallbackError("The response header says \(header.error.code): \(header.error.message)")
    }
  }
}
