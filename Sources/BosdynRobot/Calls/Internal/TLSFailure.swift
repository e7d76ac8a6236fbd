import GRPCCore
import NIOSSL

/// Why a TLS handshake with the robot failed, when it failed because the robot's certificate
/// is not one this client may trust: signed by another CA, or not naming the authority called.
///
/// gRPC reports it as a connection the server "closed before the HTTP/2 preface"; the reason is
/// deep in the error's causes, where no user would look, and retrying cannot help.
enum TLSFailure {
  /// The certificate problem in `error`'s causes, as a phrase, or `nil` when there is none.
  static func certificateProblem(in error: any Error) -> String? {
    var cause: (any Error)? = error
    var depth = 0
    while let current = cause, depth < 8 {
      depth += 1
      if let extra = current as? NIOSSLExtraError, extra == .failedToValidateHostname {
        return "the certificate does not name the robot (\(extra))"
      }
      if let ssl = current as? NIOSSLError, case .handshakeFailed(let reason) = ssl,
        "\(reason)".contains("CERTIFICATE_VERIFY_FAILED")
      {
        return "the certificate is not signed by the CA this client trusts"
      }
      switch current {
      case let rpc as RPCError: cause = rpc.cause
      case let runtime as RuntimeError: cause = runtime.cause
      default: cause = nil
      }
    }
    return nil
  }
}
