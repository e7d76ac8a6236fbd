public import SwiftProtobuf
import Foundation

extension Google_Protobuf_Timestamp {
  /// The current wall-clock time, as the Spot API stamps it in headers.
  public static var now: Self {
    Google_Protobuf_Timestamp(date: Date())
  }
}
