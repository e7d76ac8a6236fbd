import BosdynAPI
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SpotSimulator
import SwiftProtobuf
import Testing

@Suite("Simulated robot: time sync")
struct TimeSyncServiceTests {
  /// A client clock `offset` away from the host clock, doing what the Python
  /// `TimeSyncEndpoint.get_new_estimate` does.
  struct Endpoint {
    let offset: TimeInterval
    var clockIdentifier = ""
    var previousRoundTrip: Bosdyn_Api_TimeSyncRoundTrip?

    func clientNow() -> Google_Protobuf_Timestamp {
      Google_Protobuf_Timestamp(date: Date().addingTimeInterval(self.offset))
    }

    mutating func update(
      _ client: Bosdyn_Api_TimeSyncService.Client<HTTP2ClientTransport.Posix>,
      metadata: Metadata
    ) async throws -> Bosdyn_Api_TimeSyncUpdateResponse {
      var request = Bosdyn_Api_TimeSyncUpdateRequest()
      request.header.clientName = "time-sync-test"
      request.header.requestTimestamp = self.clientNow()
      if !self.clockIdentifier.isEmpty, let previousRoundTrip {
        request.previousRoundTrip = previousRoundTrip
        request.clockIdentifier = self.clockIdentifier
      }
      let response = try await client.timeSyncUpdate(request, metadata: metadata)
      var roundTrip = Bosdyn_Api_TimeSyncRoundTrip()
      roundTrip.clientTx = response.header.requestHeader.requestTimestamp
      roundTrip.serverRx = response.header.requestReceivedTimestamp
      roundTrip.serverTx = response.header.responseTimestamp
      roundTrip.clientRx = self.clientNow()
      self.previousRoundTrip = roundTrip
      self.clockIdentifier = response.clockIdentifier
      return response
    }
  }

  static func seconds(_ duration: Google_Protobuf_Duration) -> Double {
    Double(duration.seconds) + Double(duration.nanos) / 1e9
  }

  @Test(
    "Estimates converge to STATUS_OK with the skew within half the round trip",
    arguments: [0.0, 5.0, -2.5]
  )
  func converges(clientOffset: TimeInterval) async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      var endpoint = Endpoint(offset: clientOffset)
      let first = try await endpoint.update(connection.timeSync, metadata: metadata)
      #expect(first.state.status == .moreSamplesNeeded)
      #expect(!first.clockIdentifier.isEmpty)
      #expect(first.header.error.code == .ok)

      var response = first
      var calls = 1
      while response.state.status != .ok && calls < 25 {
        response = try await endpoint.update(connection.timeSync, metadata: metadata)
        #expect(response.clockIdentifier == first.clockIdentifier)
        calls += 1
      }
      #expect(response.state.status == .ok)
      // Five round trips are needed; the first call carries none.
      #expect(calls == TimeSyncService.Configuration.defaults.requiredSamples + 1)
      let best = response.state.bestEstimate
      let roundTrip = Self.seconds(best.roundTripTime)
      let skew = Self.seconds(best.clockSkew)
      #expect(roundTrip >= 0)
      // The robot's clock is the host clock: robot minus client is -offset, and NTP's estimate
      // is off by at most half the round trip.
      #expect(abs(skew - -clientOffset) <= roundTrip / 2 + 0.001, "skew \(skew), rtt \(roundTrip)")
      #expect(response.hasPreviousEstimate)
    }
  }

  @Test("An unknown clock identifier starts over with a new one")
  func unknownIdentifier() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      var endpoint = Endpoint(offset: 0)
      _ = try await endpoint.update(connection.timeSync, metadata: metadata)
      endpoint.clockIdentifier = "clock-of-a-previous-run"
      let response = try await endpoint.update(connection.timeSync, metadata: metadata)
      #expect(response.header.error.code == .ok)
      #expect(response.state.status == .moreSamplesNeeded)
      #expect(response.clockIdentifier != "clock-of-a-previous-run")
      #expect(!response.clockIdentifier.isEmpty)
    }
  }

  @Test("A round trip without an identifier, or with missing timestamps, is an invalid request")
  func invalidRoundTrips() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      var endpoint = Endpoint(offset: 0)
      let first = try await endpoint.update(connection.timeSync, metadata: metadata)

      var noIdentifier = Bosdyn_Api_TimeSyncUpdateRequest()
      noIdentifier.previousRoundTrip = try #require(endpoint.previousRoundTrip)
      let refused = try await connection.timeSync.timeSyncUpdate(noIdentifier, metadata: metadata)
      #expect(refused.header.error.code == .invalidRequest)
      #expect(refused.header.error.message.contains("clock_identifier"))

      var partial = Bosdyn_Api_TimeSyncUpdateRequest()
      partial.clockIdentifier = first.clockIdentifier
      partial.previousRoundTrip.clientTx = .init(seconds: 10)
      let incomplete = try await connection.timeSync.timeSyncUpdate(partial, metadata: metadata)
      #expect(incomplete.header.error.code == .invalidRequest)

      var backwards = try #require(endpoint.previousRoundTrip)
      backwards.clientRx = .init(seconds: backwards.clientTx.seconds - 1)
      var reversed = Bosdyn_Api_TimeSyncUpdateRequest()
      reversed.clockIdentifier = first.clockIdentifier
      reversed.previousRoundTrip = backwards
      let backwardsResponse = try await connection.timeSync.timeSyncUpdate(
        reversed,
        metadata: metadata
      )
      #expect(backwardsResponse.header.error.code == .invalidRequest)
    }
  }
}
