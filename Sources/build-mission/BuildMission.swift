import ArgumentParser
import BosdynCore
import BosdynMission
import Foundation
import SwiftProtobuf

/// `build-mission`: writes a one-node mission whose node calls the hello-world callback.
@main
struct BuildMission: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build-mission",
    abstract: "Build a single-node mission whose node calls a remote mission service."
  )

  @Argument(help: "File to save the mission to.")
  var outputFile: String

  @Option(
    help: "Resource the remote mission needs, like \"body\". Comma separated for several."
  )
  var addResources: String?

  @Option(
    help: "The user-string input to Tick. Set to the node name in Autowalk missions."
  )
  var userString: String?

  @Option(help: "The service's name in the robot's directory.")
  var serviceName = "hello-world-callback"

  func validate() throws {
    if self.serviceName.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--service-name is empty: give the callback's directory name.")
    }
  }

  func run() throws {
    var call = RemoteGrpcNode(serviceName: self.serviceName, host: "localhost")
    if let resources = self.addResources {
      call.leaseResources = resources.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    if let userString = self.userString {
      call.inputs = [.constant("user-string", string: userString)]
    }
    let bytes: Data = try call.makeNode().serializedBytes()
    do {
      try bytes.write(to: URL(fileURLWithPath: self.outputFile))
    } catch {
      throw OutputError(path: self.outputFile, reason: error.localizedDescription)
    }
  }
}

/// The mission file could not be written: one line and exit status 1, without the usage text
/// a `ValidationError` would print (the arguments were fine; the file system said no).
struct OutputError: Error, CustomStringConvertible {
  let path: String
  let reason: String

  var description: String { "Cannot write \(self.path.escapedForDisplay): \(self.reason)" }
}
