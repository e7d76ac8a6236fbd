import Foundation
import SwiftProtobuf

/// The Python CLI's ways of printing values, so `bosdyn` output matches it.
enum PythonFormat {
  /// `'{:N}'.format(text)`: left-aligned, padded with spaces to `width`, never cut.
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// `bosdyn.util.duration_str`: `5 nsec`, `12 usec`, `3 msec` under a second, else
  /// `1.250 sec`; negative durations get a `-`.
  static func duration(_ duration: Google_Protobuf_Duration) -> String {
    let sign = duration.seconds < 0 || duration.nanos < 0 ? "-" : ""
    let seconds = abs(duration.seconds)
    let nanos = abs(Int64(duration.nanos))
    if seconds == 0 {
      if nanos < 1_000 { return "\(sign)\(nanos) nsec" }
      if nanos < 1_000_000 { return "\(sign)\(nanos / 1_000) usec" }
      return "\(sign)\(nanos / 1_000_000) msec"
    }
    let millis = String(nanos / 1_000_000)
    return "\(sign)\(seconds).\(String(repeating: "0", count: 3 - millis.count))\(millis) sec"
  }

  /// `str(datetime.fromtimestamp(…))` of a timestamp: local time, `YYYY-MM-DD HH:MM:SS`, with
  /// `.ffffff` only when there are fractional seconds.
  static func datetime(_ timestamp: Google_Protobuf_Timestamp) -> String {
    let date = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .current
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    let base = formatter.string(from: date)
    guard timestamp.nanos != 0 else { return base }
    let micros = String(timestamp.nanos / 1_000)
    return base + "." + String(repeating: "0", count: 6 - micros.count) + micros
  }
}
