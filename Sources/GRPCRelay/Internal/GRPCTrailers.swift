import GRPCCore
import NIOHPACK

/// Builds the header blocks the proxy answers with itself: a gRPC error as a trailers-only
/// response, or as trailers after response headers the upstream already sent.
enum GRPCTrailers {
  /// A complete response carrying only a status: `:status 200`, `content-type`,
  /// `grpc-status` and `grpc-message`, as gRPC servers send when they fail before any message.
  static func trailersOnly(code: RPCError.Code, message: String) -> HPACKHeaders {
    var headers = HPACKHeaders()
    headers.reserveCapacity(4)
    headers.add(name: ":status", value: "200")
    headers.add(name: "content-type", value: "application/grpc")
    headers.add(name: "grpc-status", value: String(code.rawValue))
    headers.add(name: "grpc-message", value: percentEncoded(message))
    return headers
  }

  /// Trailers ending a response whose headers were already sent.
  static func trailers(code: RPCError.Code, message: String) -> HPACKHeaders {
    var headers = HPACKHeaders()
    headers.add(name: "grpc-status", value: String(code.rawValue))
    headers.add(name: "grpc-message", value: percentEncoded(message))
    return headers
  }

  /// Percent-encodes a status message as the gRPC HTTP/2 protocol requires: every byte outside
  /// printable ASCII, and `%` itself.
  static func percentEncoded(_ message: String) -> String {
    let bytes = message.utf8
    if bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: "%") }) {
      return message
    }
    let hexDigits = Array("0123456789ABCDEF".utf8)
    var encoded: [UInt8] = []
    encoded.reserveCapacity(bytes.count * 3)
    for byte in bytes {
      if byte >= 0x20 && byte <= 0x7E && byte != UInt8(ascii: "%") {
        encoded.append(byte)
      } else {
        encoded.append(UInt8(ascii: "%"))
        encoded.append(hexDigits[Int(byte >> 4)])
        encoded.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }
}
