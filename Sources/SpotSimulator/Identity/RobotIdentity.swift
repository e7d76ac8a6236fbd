public import BosdynAPI
import Foundation
import SwiftProtobuf

/// Who the simulated robot says it is: what `RobotIdService` returns and what the Python
/// SDK's `robot.get_id()` and `python -m bosdyn.client ROBOT id` print.
///
/// ```swift
/// var identity = RobotIdentity.defaults
/// identity.nickname = "spot-sim-2"
/// ```
public struct RobotIdentity: Sendable, Hashable {
  /// The robot's serial number; the Python SDK keys its token cache with it.
  public var serialNumber: String
  /// The name the operator gave the robot.
  public var nickname: String
  /// The robot's species; always "spot" for the real robot.
  public var species: String
  /// The robot's version string.
  public var version: String
  /// The serial number of the robot's main computer.
  public var computerSerialNumber: String
  /// The software release's name, as the robot reports it.
  public var softwareName: String
  /// The software release's version.
  public var softwareVersion: SoftwareVersion
  /// The API version the release implements.
  public var apiVersion: String
  /// Free text about the build.
  public var buildInformation: String

  /// A software version as the Python SDK's `version_tuple` compares it.
  public struct SoftwareVersion: Sendable, Hashable {
    /// The major version.
    public var major: Int32
    /// The minor version.
    public var minor: Int32
    /// The patch level.
    public var patch: Int32

    /// Creates a version.
    public init(major: Int32, minor: Int32, patch: Int32) {
      self.major = major
      self.minor = minor
      self.patch = patch
    }
  }

  /// Creates an identity; every field has the default of ``defaults``.
  public init(
    serialNumber: String = "spot-sim-0001",
    nickname: String = "spot-sim",
    species: String = "spot",
    version: String = "5.2.0",
    computerSerialNumber: String = "spot-sim-cpu-0001",
    softwareName: String = "spot-sim 5.2.0 (simulated Spot)",
    softwareVersion: SoftwareVersion = SoftwareVersion(major: 5, minor: 2, patch: 0),
    apiVersion: String = "5.2.0",
    buildInformation: String = "Simulated robot of the Swift remote mission SDK"
  ) {
    self.serialNumber = serialNumber
    self.nickname = nickname
    self.species = species
    self.version = version
    self.computerSerialNumber = computerSerialNumber
    self.softwareName = softwareName
    self.softwareVersion = softwareVersion
    self.apiVersion = apiVersion
    self.buildInformation = buildInformation
  }

  /// A plausible simulated robot: serial `spot-sim-0001`, nickname `spot-sim`, software 5.2.0.
  public static var defaults: Self { Self() }

  /// The identity as the `bosdyn.api.RobotId` message.
  public var proto: Bosdyn_Api_RobotId {
    var robotID = Bosdyn_Api_RobotId()
    robotID.serialNumber = self.serialNumber
    robotID.nickname = self.nickname
    robotID.species = self.species
    robotID.version = self.version
    robotID.computerSerialNumber = self.computerSerialNumber
    var release = Bosdyn_Api_RobotSoftwareRelease()
    release.name = self.softwareName
    release.type = "simulated"
    release.version.majorVersion = self.softwareVersion.major
    release.version.minorVersion = self.softwareVersion.minor
    release.version.patchLevel = self.softwareVersion.patch
    release.apiVersion = self.apiVersion
    release.buildInformation = self.buildInformation
    release.changeset = "spot-sim"
    robotID.softwareRelease = release
    return robotID
  }
}
