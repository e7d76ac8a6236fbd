import BosdynAPI
import Foundation
import SwiftProtobuf
import TestSupport

/// Mission files for the replay tests: the document's hello-world mission written by
/// `build-mission` (as a user makes it), and small trees of the robot's own nodes.
enum MissionFiles {
  /// `build-mission FILE [--user-string S]`.
  static func helloWorld(userString: String? = nil) async throws -> String {
    let file = Self.path("hello-world")
    let built = try await ChildProcess.run(
      try TestEnvironment.executable("build-mission"),
      [file] + (userString.map { ["--user-string", $0] } ?? [])
    )
    guard built.status == 0 else {
      throw TestEnvironment.SetupError("build-mission failed: \(built.stderr)")
    }
    return file
  }

  /// A Sequence "Root" whose only child, the Prompt "Ask", asks "Continue?" (0 = Yes, 1 = No).
  static func question() throws -> String {
    var prompt = Bosdyn_Api_Mission_Prompt()
    prompt.text = "Continue?"
    prompt.source = "answer"
    prompt.optionsList.options = [(Int64(0), "Yes"), (1, "No")].map { code, text in
      var option = Bosdyn_Api_Mission_Prompt.Option()
      option.answerCode = code
      option.text = text
      return option
    }
    var ask = Bosdyn_Api_Mission_Node()
    ask.name = "Ask"
    ask.prompt = prompt
    var sequence = Bosdyn_Api_Mission_Sequence()
    sequence.children = [ask]
    var root = Bosdyn_Api_Mission_Node()
    root.name = "Root"
    root.sequence = sequence
    return try Self.write(root, "question")
  }

  /// The Sleep "Wait", an hour long: a mission that plays until something stops it.
  static func waitAnHour() throws -> String {
    var sleep = Bosdyn_Api_Mission_Sleep()
    sleep.seconds = 3600
    var node = Bosdyn_Api_Mission_Node()
    node.name = "Wait"
    node.sleep = sleep
    return try Self.write(node, "wait")
  }

  /// The ConstantResult "Fail", failing at once.
  static func failing() throws -> String {
    var result = Bosdyn_Api_Mission_ConstantResult()
    result.result = .failure
    var node = Bosdyn_Api_Mission_Node()
    node.name = "Fail"
    node.constantResult = result
    return try Self.write(node, "failing")
  }

  /// A file holding `bytes`, for missions that are not missions.
  static func raw(_ bytes: [UInt8]) throws -> String {
    let file = Self.path("raw")
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  private static func write(_ node: Bosdyn_Api_Mission_Node, _ name: String) throws -> String {
    let file = Self.path(name)
    try (node.serializedBytes() as Data).write(to: URL(fileURLWithPath: file))
    return file
  }

  private static func path(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("mission-\(name)-\(UUID().uuidString).pb").path
  }
}
