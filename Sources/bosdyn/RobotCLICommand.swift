import ArgumentParser
import BosdynAPI
import BosdynCore
import BosdynRobot
import SwiftProtobuf

/// The commands `bosdyn` knows, parsed from the words after `ROBOT`.
enum RobotCLICommand {
  case selfIP
  case id
  case directoryList
  case directoryGet(String)
  case timeSync
  case leaseList
  case mission(MissionCLICommand)

  /// Every command, as the usage error lists them.
  static let summary =
    "self-ip, id, dir list, dir get NAME, time-sync, lease list, mission state, mission pause, "
    + "mission stop or mission answer QUESTION CODE"

  /// Parses the words after `ROBOT`.
  ///
  /// - Throws: A usage error naming what was wrong (`mission answer x 1`: not a number).
  init(_ words: [String]) throws {
    switch words {
    case ["self-ip"]: self = .selfIP
    case ["id"]: self = .id
    case ["dir", "list"]: self = .directoryList
    case ["time-sync"]: self = .timeSync
    case ["lease", "list"]: self = .leaseList
    default:
      if words.first == "mission" {
        self = .mission(try MissionCLICommand(Array(words.dropFirst())))
        return
      }
      guard words.count == 3, words[0] == "dir", words[1] == "get" else {
        throw ValidationError(
          "Need a command: \(Self.summary) (got '\(words.joined(separator: " "))')"
        )
      }
      self = .directoryGet(words[2])
    }
  }

  /// Whether the command needs a user token (as in the Python CLI, only self-ip and id do not).
  var needsAuthentication: Bool {
    switch self {
    case .selfIP, .id: false
    case .directoryList, .directoryGet, .timeSync, .leaseList, .mission: true
    }
  }

  func run(on robot: RobotConnection, asProto: Bool, takeLease: Bool) async throws {
    switch self {
    case .mission(let command):
      try await command.run(on: robot, asProto: asProto, takeLease: takeLease)
    case .selfIP:
      print(
        "The IP address of the computer used to talk to the robot is: \(robot.address.selfIP())"
      )
    case .id:
      let id = try await RobotIdClient(connection: robot).id()
      if asProto {
        print(id.textFormatString())
      } else {
        Self.printRobotID(id)
      }
    case .directoryList:
      let entries = try await DirectoryClient(connection: robot).list()
      Self.printDirectory(entries, asProto: asProto)
    case .directoryGet(let name):
      let directory = DirectoryClient(connection: robot)
      do {
        let entry = try await directory.entry(named: name)
        if asProto {
          print(entry.textFormatString())
        } else {
          Self.printEntryRow("name", "type", "authority", "tokens")
          print(String(repeating: "-", count: 90))
          Self.printEntryRow(
            entry.name.escapedForDisplay,
            entry.type.escapedForDisplay,
            entry.authority.escapedForDisplay,
            Self.tokens(entry)
          )
        }
      } catch let error as ClientError where error.code == .nonexistentService {
        print("The requested service name \"\(name.escapedForDisplay)\" does not exist.  Available services:")
        Self.printDirectory(try await directory.list(), asProto: asProto)
        throw CommandFailure()
      }
    case .timeSync:
      let keeper = TimeSyncKeeper(connection: robot)
      guard try await keeper.establish(), let response = keeper.response else {
        print("Failed to achieve time sync")
        throw CommandFailure()
      }
      if asProto {
        print(response.textFormatString())
      } else {
        print(
          "GRPC round-trip time: \(PythonFormat.duration(response.state.bestEstimate.roundTripTime))"
        )
        print(
          "Local time to robot time: \(PythonFormat.duration(response.state.bestEstimate.clockSkew))"
        )
      }
    case .leaseList:
      let resources = try await LeaseClient(connection: robot).list()
      // Python prints each resource's text format (with --proto, the list of them).
      _ = asProto
      for resource in resources { print(resource.textFormatString()) }
    }
  }

  private static func printRobotID(_ id: Bosdyn_Api_RobotId) {
    let nickname = !id.nickname.isEmpty && id.nickname != id.serialNumber ? id.nickname : ""
    let release = id.softwareRelease
    let version = release.version
    print(
      "\(PythonFormat.pad(id.serialNumber, 20)) \(PythonFormat.pad(id.computerSerialNumber, 15)) "
        + "\(PythonFormat.pad(nickname, 10)) \(id.species) (\(id.version))"
    )
    print(
      " Software: \(version.majorVersion).\(version.minorVersion).\(version.patchLevel) "
        + "(\(release.changeset) \(PythonFormat.datetime(release.changesetDate)))"
    )
    print("  Installed: \(PythonFormat.datetime(release.installDate))")
  }

  private static func printDirectory(_ entries: [Bosdyn_Api_ServiceEntry], asProto: Bool) {
    guard !entries.isEmpty else {
      print("No services found")
      return
    }
    if asProto {
      for entry in entries { print(entry.textFormatString()) }
      return
    }
    // What a robot's directory holds was written by whoever registered: escaped before it
    // reaches the terminal.
    let entries = entries.map { entry in
      var shown = entry
      shown.name = entry.name.escapedForDisplay
      shown.type = entry.type.escapedForDisplay
      shown.authority = entry.authority.escapedForDisplay
      return shown
    }
    let nameWidth = entries.map(\.name.count).max()! + 4
    let typeWidth = entries.map(\.type.count).max()! + 4
    let authorityWidth = entries.map(\.authority.count).max()! + 4
    Self.printEntryRow("name", "type", "authority", "tokens", nameWidth, typeWidth, authorityWidth)
    print(String(repeating: "-", count: 20 + nameWidth + typeWidth + authorityWidth - 12))
    for entry in entries {
      Self.printEntryRow(
        entry.name,
        entry.type,
        entry.authority,
        Self.tokens(entry),
        nameWidth,
        typeWidth,
        authorityWidth
      )
    }
  }

  private static func printEntryRow(
    _ name: String,
    _ type: String,
    _ authority: String,
    _ tokens: String,
    _ nameWidth: Int = 23,
    _ typeWidth: Int = 31,
    _ authorityWidth: Int = 27
  ) {
    print(
      "\(PythonFormat.pad(name, nameWidth)) \(PythonFormat.pad(type, typeWidth)) "
        + "\(PythonFormat.pad(authority, authorityWidth)) \(tokens)"
    )
  }

  private static func tokens(_ entry: Bosdyn_Api_ServiceEntry) -> String {
    entry.userTokenRequired ? "user" : ""
  }
}
