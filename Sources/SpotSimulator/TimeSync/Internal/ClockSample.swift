import BosdynAPI
import SwiftProtobuf

/// One round trip's estimate of a client's clock: how long the trip took on the wire and how
/// far the robot's clock is ahead of the client's, in nanoseconds.
struct ClockSample: Sendable, Equatable {
  /// Round-trip time minus the time the robot spent handling the request; never negative.
  var roundTripNanoseconds: Int64
  /// Robot clock minus client clock: what the client adds to its time to get robot time.
  var skewNanoseconds: Int64

  /// Estimates from a completed round trip, as NTP does: the skew is the mean of the two
  /// one-way offsets, which is exact when the trip is symmetric.
  ///
  /// - Returns: `nil` when a timestamp is missing or time runs backwards within a side.
  init?(_ roundTrip: Bosdyn_Api_TimeSyncRoundTrip) {
    guard roundTrip.hasClientTx, roundTrip.hasServerRx, roundTrip.hasServerTx,
      roundTrip.hasClientRx
    else { return nil }
    let clientTx = roundTrip.clientTx.nanosecondsSinceEpoch
    let serverRx = roundTrip.serverRx.nanosecondsSinceEpoch
    let serverTx = roundTrip.serverTx.nanosecondsSinceEpoch
    let clientRx = roundTrip.clientRx.nanosecondsSinceEpoch
    guard clientRx >= clientTx, serverTx >= serverRx else { return nil }
    let roundTrip = (clientRx - clientTx) - (serverTx - serverRx)
    self.roundTripNanoseconds = max(0, roundTrip)
    self.skewNanoseconds = ((serverRx - clientTx) + (serverTx - clientRx)) / 2
  }

  /// The sample as the `bosdyn.api.TimeSyncEstimate` message.
  var estimate: Bosdyn_Api_TimeSyncEstimate {
    var estimate = Bosdyn_Api_TimeSyncEstimate()
    estimate.roundTripTime = Google_Protobuf_Duration(
      simulatorNanoseconds: self.roundTripNanoseconds
    )
    estimate.clockSkew = Google_Protobuf_Duration(simulatorNanoseconds: self.skewNanoseconds)
    return estimate
  }
}

extension Google_Protobuf_Timestamp {
  fileprivate var nanosecondsSinceEpoch: Int64 {
    self.seconds &* 1_000_000_000 &+ Int64(self.nanos)
  }
}

extension Google_Protobuf_Duration {
  /// A duration of `nanoseconds`, with `seconds` and `nanos` of the same sign as protobuf wants.
  fileprivate init(simulatorNanoseconds nanoseconds: Int64) {
    self.init(
      seconds: nanoseconds / 1_000_000_000,
      nanos: Int32(nanoseconds % 1_000_000_000)
    )
  }
}
