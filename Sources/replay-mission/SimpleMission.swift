import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import Logging
import SwiftProtobuf

/// A mission tree stored as a serialized `bosdyn.api.mission.Node` (what `build-mission` and
/// Boston Dynamics' mission examples write).
struct SimpleMission: MissionSource {
  /// How deep a stored tree may nest, in messages: far more than SwiftProtobuf's default 100,
  /// since Autowalk-style trees are deep.
  static let messageDepthLimit = 2 * 1024

  let path: String
  let root: Bosdyn_Api_Mission_Node

  var summary: String { "simple mission \(self.path)" }
  var failsOnQuestion: Bool { false }

  /// Reads and parses the file, so that a wrong path or a file of something else is reported
  /// before anything happens on the robot.
  ///
  /// - Throws: ``ReplayFailure`` naming the file and what is wrong with it.
  init(path: String) throws {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReplayFailure("Unable to find mission file: \(path)")
    }
    guard !isDirectory.boolValue else {
      throw ReplayFailure("\(path) is a directory, not a mission file.")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ReplayFailure("Cannot read mission file \(path): \(error.localizedDescription)")
    }
    var options = BinaryDecodingOptions()
    options.messageDepthLimit = Self.messageDepthLimit
    let root: Bosdyn_Api_Mission_Node
    do {
      root = try Bosdyn_Api_Mission_Node(serializedBytes: data, options: options)
    } catch {
      throw ReplayFailure(
        "\(path) is not a mission: it does not parse as a serialized bosdyn.api.mission.Node "
          + "(\(error))."
      )
    }
    // Protobuf's wire format accepts many byte strings (an empty file is a valid empty
    // message); a mission's root always has an implementation.
    guard root.type != nil else {
      throw ReplayFailure(
        "\(path) is not a mission: it holds no node (empty, or not a serialized "
          + "bosdyn.api.mission.Node)."
      )
    }
    self.root = root
  }

  func load(with missions: MissionClient, logger: Logger) async throws {
    logger.info("Uploading the mission to the robot...")
    do {
      // In chunks, so that a mission larger than one gRPC message loads too.
      try await missions.loadAsChunks(self.root)
    } catch let error as ClientError where error.code == .unimplemented {
      try await missions.load(self.root)
    }
    logger.info("Uploaded mission to robot.")
  }
}
