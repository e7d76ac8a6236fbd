import AutowalkCompiler
import BosdynAPI
import Foundation
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Walk directories on disk")
struct WalkDirectoryTests {
  /// A walk directory with three waypoints and one sleep action, written to a fresh folder.
  private static func written() throws -> URL {
    var walk = Bosdyn_Api_Autowalk_Walk()
    walk.missionName = "Sleepy"
    var element = Bosdyn_Api_Autowalk_Element()
    element.name = "Nap"
    element.action.sleep.duration.seconds = 1
    walk.elements = [element]
    let url = URL(fileURLWithPath: TemporaryFiles.temporaryDirectory("walk-directory"))
    try WalkDirectory(map: StraightLineMap(waypoints: 3), walk: walk).write(to: url)
    return url
  }

  @Test func aWrittenDirectoryReadsBackTheSame() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let read = try WalkDirectory.read(from: url)
    #expect(read.walk.missionName == "Sleepy")
    #expect(read.graph.waypoints.count == 3)
    #expect(read.waypointSnapshots.count == read.graph.waypoints.count { !$0.snapshotID.isEmpty })
  }

  @Test func aFileLargerThanTheLimitIsRefusedWithoutBeingRead() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let graph = url.appendingPathComponent("graph")
    // A sparse file: a terabyte the test never writes, and a reader that read it would never end.
    let handle = try FileHandle(forWritingTo: graph)
    try handle.truncate(atOffset: 1 << 40)
    try handle.close()
    let failure = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url)
    }
    #expect(
      failure?.description
        == "\(graph.path) is \(1 << 40) bytes, more than the \(WalkDirectory.maximumFileBytes) a "
        + "walk directory's file may have"
    )
  }

  @Test func aFIFOInPlaceOfTheWalkIsRefusedWithoutBlocking() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let walkFile = url.appendingPathComponent("missions/\(WalkDirectory.defaultWalkFileName)")
    try FileManager.default.removeItem(at: walkFile)
    #expect(mkfifo(walkFile.path, 0o600) == 0)
    let failure = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url)
    }
    #expect(failure?.description == "\(walkFile.path) is not a regular file")
  }

  @Test func aMissingOrMalformedFileIsNamed() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let walkFile = url.appendingPathComponent("missions/\(WalkDirectory.defaultWalkFileName)")
    try Data([0xFF, 0xFF, 0xFF]).write(to: walkFile)
    let malformed = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url)
    }
    #expect(
      malformed?.description.hasPrefix("\(walkFile.path) is not a bosdyn.api.autowalk.Walk") == true
    )
    try FileManager.default.removeItem(at: walkFile)
    let missing = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url)
    }
    #expect(missing?.description.hasPrefix("cannot read \(walkFile.path)") == true)
  }
}
