import BosdynAPI
import SwiftProtobuf
import Foundation
import SpotSimulator
import Testing
import TestSupport

@Suite("Simulated robot: the Python SDK's auth, directory and time-sync clients")
struct PythonDirectoryInteropTests {
  /// Drives the simulator's services with the official Python clients over a plaintext channel
  /// whose call credentials add the bearer token (the TLS channel of a real `Robot` does the same).
  static let script = #"""
    import json, sys, time
    import grpc
    from bosdyn.client.auth import AuthClient, InvalidLoginError, InvalidTokenError
    from bosdyn.client.directory import DirectoryClient, NonexistentServiceError
    from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
        DirectoryRegistrationKeepAlive, ServiceAlreadyExistsError, ServiceDoesNotExistError)
    from bosdyn.client.exceptions import InvalidRequestError, UnauthenticatedError
    from bosdyn.client.processors import AddRequestHeader
    from bosdyn.client.robot_id import RobotIdClient
    from bosdyn.client.time_sync import TimeSyncClient, TimeSyncEndpoint
    from bosdyn.util import timestamp_to_sec

    class BearerToken(grpc.AuthMetadataPlugin):
        token = None
        def __call__(self, context, callback):
            callback((("authorization", "Bearer " + self.token),) if self.token else (), None)

    # Local credentials speak plaintext to 127.0.0.1 but let call credentials add the token,
    # as the Python SDK's secure channel to a robot does.
    bearer = BearerToken()
    credentials = grpc.composite_channel_credentials(
        grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP),
        grpc.metadata_call_credentials(bearer))
    channel = grpc.secure_channel("127.0.0.1:" + sys.argv[1], credentials)

    def client(cls):
        c = cls()
        c.channel = channel
        c.request_processors.append(AddRequestHeader(lambda: "python-interop"))
        return c

    def raises(error, call):
        try:
            call()
        except error:
            return True
        return False

    out = {}
    out["serial"] = client(RobotIdClient).get_id().serial_number
    directory = client(DirectoryClient)
    out["list_without_token"] = raises(UnauthenticatedError, directory.list)
    auth = client(AuthClient)
    out["wrong_password"] = raises(InvalidLoginError, lambda: auth.auth("user", "wrong"))
    token = auth.auth("user", "password")
    out["refreshed"] = len(auth.auth_with_token(token)) > 0
    out["bad_token"] = raises(InvalidTokenError, lambda: auth.auth_with_token("garbage"))
    bearer.token = token

    out["names"] = sorted(e.name for e in directory.list())
    out["nonexistent"] = raises(NonexistentServiceError, lambda: directory.get_entry("nope"))

    reg = client(DirectoryRegistrationClient)
    remote = "bosdyn.api.mission.RemoteMissionService"
    reg.register("py-callback", remote, "remote-mission", "127.0.0.1", 50061)
    out["authority"] = directory.get_entry("py-callback").authority
    out["duplicate_name"] = raises(ServiceAlreadyExistsError,
        lambda: reg.register("py-callback", remote, "remote-mission", "127.0.0.1", 50061))
    out["duplicate_authority"] = raises(ServiceAlreadyExistsError,
        lambda: reg.register("py-callback-2", remote, "remote-mission", "127.0.0.1", 50062))
    out["update_missing"] = raises(ServiceDoesNotExistError,
        lambda: reg.update("ghost", remote, "ghost", "127.0.0.1", 50063))
    reg.update("py-callback", remote, "remote-mission", "127.0.0.1", 50064)
    reg.unregister("py-callback")
    out["unregister_twice"] = raises(ServiceDoesNotExistError, lambda: reg.unregister("py-callback"))
    out["robot_service_protected"] = raises(InvalidRequestError, lambda: reg.unregister("lease"))

    endpoint = TimeSyncEndpoint(client(TimeSyncClient))
    out["time_sync"] = bool(endpoint.establish_timesync(max_samples=25, break_on_success=True))
    out["skew"] = timestamp_to_sec(endpoint.clock_skew)
    out["round_trip"] = timestamp_to_sec(endpoint.round_trip_time)

    with DirectoryRegistrationKeepAlive(reg, rpc_interval_seconds=1.0) as keep_alive:
        keep_alive.start("py-keepalive", remote, "py-keepalive", "127.0.0.1", 50065)
        out["keepalive_listed"] = directory.get_entry("py-keepalive").liveness_timeout_secs
        print("KEEPALIVE_RUNNING", flush=True)
        time.sleep(2.0)
    out["keepalive_unregistered"] = raises(NonexistentServiceError,
        lambda: directory.get_entry("py-keepalive"))
    print("RESULT " + json.dumps(out), flush=True)
    """#

  @Test(
    "AuthClient, DirectoryClient, DirectoryRegistrationClient, its keep-alive and time sync work"
  )
  func pythonClients() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let run = try PythonPeer.start(Self.script, arguments: [String(connection.port)])
      try await run.waitForOutput("KEEPALIVE_RUNNING")
      // A heartbeat later (1 s apart, liveness timeout 2.5 s), the re-registration has
      // refreshed the entry rather than replaced it, and no fault appears.
      var updates: [Google_Protobuf_Timestamp] = []
      try await waitUntil("a heartbeat from the Python keep-alive") {
        if let last = harness.registry.entry(named: "py-keepalive")?.lastUpdate,
          updates.last != last
        {
          updates.append(last)
        }
        return updates.count >= 2
      }
      #expect(harness.registry.entry(named: "py-keepalive") != nil)
      #expect(harness.registry.serviceFaults().isEmpty)
      let status = try await run.waitForExit()
      #expect(status == 0, "stderr:\n\(run.stderr)")
      let line = try #require(
        run.stdout.split(separator: "\n").first(where: { $0.hasPrefix("RESULT ") }),
        "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)"
      )
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(line.dropFirst("RESULT ".count).utf8))
          as? [String: Any]
      )
      #expect(json["serial"] as? String == "spot-sim-0001")
      for flag in [
        "list_without_token", "wrong_password", "refreshed", "bad_token", "nonexistent",
        "duplicate_name", "duplicate_authority", "update_missing", "unregister_twice",
        "robot_service_protected", "time_sync", "keepalive_unregistered",
      ] {
        #expect(json[flag] as? Bool == true, "\(flag): \(String(describing: json[flag]))")
      }
      #expect((json["names"] as? [String])?.contains("directory-registration") == true)
      #expect(json["authority"] as? String == "remote-mission.spot.robot")
      #expect(json["keepalive_listed"] as? Double == 2.5)
      let skew = try #require(json["skew"] as? Double)
      let roundTrip = try #require(json["round_trip"] as? Double)
      // Same host clock: the estimate is off by at most half the round trip (plus the
      // resolution of the two clocks' readings).
      #expect(abs(skew) <= roundTrip / 2 + 0.002, "skew \(skew), round trip \(roundTrip)")
      #expect(harness.registry.entry(named: "py-keepalive") == nil)
    }
  }
}
