import GRPCCore
import Foundation
import GRPCRelay
import SpotSimulator
import Testing
import TestSupport

/// The Python SDK through the proxy: `grpc.secure_channel` trusting the simulator's CA with the
/// robot's TLS name override, and `bosdyn.client.channel.translate_exception` classifying the
/// proxy's errors as the SDK's own exception types. Runs when the Python peer is installed.
@Suite("Robot proxy with the Python SDK")
struct RobotProxyPythonTests {
  private static let script = #"""
    import json
    import sys

    import grpc
    from bosdyn.api import robot_id_pb2, robot_id_service_pb2_grpc
    from bosdyn.client.channel import translate_exception

    ca_path, port = sys.argv[1], int(sys.argv[2])
    credentials = grpc.ssl_channel_credentials(root_certificates=open(ca_path, 'rb').read())
    results = {}
    for authority in sys.argv[3:]:
        channel = grpc.secure_channel(
            '127.0.0.1:{}'.format(port), credentials,
            options=[('grpc.ssl_target_name_override', authority)])
        stub = robot_id_service_pb2_grpc.RobotIdServiceStub(channel)
        try:
            response = stub.GetRobotId(
                robot_id_pb2.RobotIdRequest(), timeout=10,
                metadata=[('x-test', 'python'), ('authorization', 'Bearer token')])
            results[authority] = {
                'ok': True,
                'authority': response.robot_id.serial_number,
                'x-test': response.robot_id.nickname,
                'authorization': response.robot_id.species,
            }
        except grpc.RpcError as error:
            results[authority] = {
                'ok': False,
                'code': error.code().name,
                'details': error.details(),
                'error': type(translate_exception(error)).__name__,
            }
        channel.close()
    print(json.dumps(results))
    """#

  @Test("Python's grpc reaches services through the proxy and classifies its errors")
  func pythonThroughProxy() async throws {
    let silent = try await RawListener(.silent)
    let closer = try await RawListener(.closeOnRead)
    let refused = try await RawListener.refusedPort()
    let results = try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      routes["hello-world-callback.spot.robot"] = .forward(
        host: "127.0.0.1",
        port: upstreamPort,
        label: "hello-world-callback"
      )
      routes["down.spot.robot"] = .forward(host: "127.0.0.1", port: refused, label: "down")
      routes["slow.spot.robot"] = .forward(host: "127.0.0.1", port: silent.port, label: "slow")
      routes["flaky.spot.robot"] = .forward(host: "127.0.0.1", port: closer.port, label: "flaky")
      routes["auth.spot.robot"] = .reject(
        code: .unauthenticated,
        message: "401 Unauthorized: missing token"
      )
      return try await withRobotProxy(
        routes: routes,
        configure: { $0.upstreamResponseTimeout = .seconds(2) }
      ) { _, port in
        try await Self.runPython(
          arguments: [
            ProxyTestCertificates.shared.caCertificatePath, "\(port)",
            "api.spot.robot", "hello-world-callback.spot.robot", "down.spot.robot",
            "slow.spot.robot", "nobody.spot.robot", "flaky.spot.robot", "auth.spot.robot",
            "api.example.com",
          ])
      }
    }
    await silent.close()
    await closer.close()

    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(results.utf8)) as? [String: [String: Any]],
      "\(results)"
    )
    for authority in ["api.spot.robot", "hello-world-callback.spot.robot"] {
      let result = try #require(parsed[authority])
      #expect(result["ok"] as? Bool == true, "\(result)")
      #expect(result["authority"] as? String == authority)
      #expect(result["x-test"] as? String == "python")
      #expect(result["authorization"] as? String == "Bearer token")
    }
    let expected: [(String, String, String)] = [
      ("down.spot.robot", "UNAVAILABLE", "ProxyConnectionError"),
      ("slow.spot.robot", "DEADLINE_EXCEEDED", "TimedOutError"),
      ("nobody.spot.robot", "UNAVAILABLE", "ServiceUnavailableError"),
      ("flaky.spot.robot", "UNAVAILABLE", "ServiceUnavailableError"),
      ("auth.spot.robot", "UNAUTHENTICATED", "UnauthenticatedError"),
    ]
    for (authority, code, error) in expected {
      let result = try #require(parsed[authority])
      #expect(result["ok"] as? Bool == false, "\(authority): \(result)")
      #expect(result["code"] as? String == code, "\(authority): \(result)")
      #expect(result["error"] as? String == error, "\(authority): \(result)")
    }
    // A name the certificate does not cover fails the TLS handshake.
    Self.expectHostnameRefused(parsed["api.example.com"])
  }

  private static func expectHostnameRefused(_ result: [String: Any]?) {
    // grpcio versions word this differently: "… is not in peer certificate"
    // (NonexistentAuthorityError) or "Hostname Verification Check failed".
    #expect(result?["ok"] as? Bool == false, "\(String(describing: result))")
    #expect(result?["code"] as? String == "UNAVAILABLE")
    let details = (result?["details"] as? String ?? "").lowercased()
    #expect(details.contains("peer certificate") || details.contains("hostname verification"))
  }

  /// Runs the script; its standard output (one JSON object) once it exits 0.
  private static func runPython(arguments: [String]) async throws -> String {
    let run = try await PythonPeer.run(Self.script, arguments: arguments)
    guard run.status == 0 else {
      throw ProxyTestFailure(
        "The Python client failed (\(run.status)):\n\(run.stdout)\n\(run.stderr)"
      )
    }
    return run.stdout
  }
}
