import Foundation
import SpotSimulator
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("A Python venv's bosdyn-client trusting the simulator")
struct PythonVenvTrustTests {
  static let bostonDynamicsCA =
    "-----BEGIN CERTIFICATE-----\nBOSTONDYNAMICS\n-----END CERTIFICATE-----\n"
  static let simulatorCA = "-----BEGIN CERTIFICATE-----\nSIMULATOR\n-----END CERTIFICATE-----\n"

  /// A directory shaped like a venv with bosdyn-client installed (only the files looked at).
  static func withFakeVenv(
    bundle: String = bostonDynamicsCA,
    _ body: (String, String) throws -> Void
  ) throws {
    let venv = TemporaryFiles.temporaryDirectory("venv")
    defer { TemporaryFiles.remove(venv) }
    let resources = venv + "/lib/python3.11/site-packages/bosdyn/client/resources"
    try FileManager.default.createDirectory(atPath: resources, withIntermediateDirectories: true)
    try "home = /usr/bin\n".write(toFile: venv + "/pyvenv.cfg", atomically: false, encoding: .utf8)
    try bundle.write(toFile: resources + "/robot.pem", atomically: false, encoding: .utf8)
    try body(venv, resources + "/robot.pem")
  }

  @Test func addingAppendsBetweenMarkersKeepsBostonDynamicsCAAndIsIdempotent() throws {
    try Self.withFakeVenv { venv, bundle in
      let trust = try PythonVenvTrust(venv: venv)
      #expect(trust.bundlePath == bundle)
      #expect(try !trust.isTrusting)
      #expect(try trust.add(caPEM: Self.simulatorCA) == .added)
      let added = try String(contentsOfFile: bundle, encoding: .utf8)
      #expect(
        added == Self.bostonDynamicsCA + PythonVenvTrust.beginMarker + "\n" + Self.simulatorCA
          + PythonVenvTrust.endMarker + "\n"
      )
      #expect(try trust.isTrusting)
      #expect(try trust.add(caPEM: Self.simulatorCA) == .unchanged)
      #expect(try String(contentsOfFile: bundle, encoding: .utf8) == added)

      let newer = Self.simulatorCA.replacingOccurrences(of: "SIMULATOR", with: "NEWER")
      #expect(try trust.add(caPEM: newer) == .replaced)
      let replaced = try String(contentsOfFile: bundle, encoding: .utf8)
      #expect(replaced.hasPrefix(Self.bostonDynamicsCA))
      #expect(replaced.contains("NEWER") && !replaced.contains("SIMULATOR"))
      #expect(replaced.components(separatedBy: PythonVenvTrust.beginMarker).count == 2)

      #expect(try trust.remove() == .removed)
      #expect(try String(contentsOfFile: bundle, encoding: .utf8) == Self.bostonDynamicsCA)
      #expect(try trust.remove() == .unchanged)
    }
  }

  @Test func aBundleWithoutFinalNewlineGetsOneBeforeTheMarker() {
    let bundle = String(Self.bostonDynamicsCA.dropLast())
    let added = PythonVenvTrust.adding(Self.simulatorCA, to: bundle)
    #expect(added.hasPrefix(Self.bostonDynamicsCA + PythonVenvTrust.beginMarker + "\n"))
    #expect(PythonVenvTrust.removing(from: added) == Self.bostonDynamicsCA)
  }

  @Test func theFileKeepsItsPermissions() throws {
    try Self.withFakeVenv { venv, bundle in
      #expect(chmod(bundle, 0o640) == 0)
      try PythonVenvTrust(venv: venv).add(caPEM: Self.simulatorCA)
      let attributes = try FileManager.default.attributesOfItem(atPath: bundle)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    }
  }

  @Test func aPathThatIsNotAVenvOrHasNoBosdynClientIsRefusedClearly() throws {
    let plain = TemporaryFiles.temporaryDirectory("not-a-venv")
    try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
    defer { TemporaryFiles.remove(plain) }
    let notVenv = #expect(throws: PythonVenvTrust.Failure.self) {
      try PythonVenvTrust(venv: plain)
    }
    #expect(notVenv?.description.contains("not a Python virtual environment") == true)

    try "home = /usr/bin\n".write(toFile: plain + "/pyvenv.cfg", atomically: false, encoding: .utf8)
    let noClient = #expect(throws: PythonVenvTrust.Failure.self) {
      try PythonVenvTrust(venv: plain)
    }
    #expect(noClient?.description.contains("has no bosdyn-client") == true)
  }

  @Test func somethingThatIsNotACertificateIsRefused() throws {
    try Self.withFakeVenv { venv, bundle in
      let trust = try PythonVenvTrust(venv: venv)
      #expect(throws: PythonVenvTrust.Failure.self) {
        try trust.add(caPEM: "not a certificate")
      }
      let contents = try String(contentsOfFile: bundle, encoding: .utf8)
      #expect(contents == Self.bostonDynamicsCA)
    }
  }
}
