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

  @Test func snapshotsTogetherLargerThanTheDirectoryLimitAreRefusedBeforeTheLastIsRead() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let snapshots = url.appendingPathComponent("waypoint_snapshots")
    let names = try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted()
    #expect(names.count == 3)
    // Every waypoint's snapshot a hard link to one file: each under the per-file limit,
    // together over the directory's.
    let shared = snapshots.appendingPathComponent(names[0])
    var snapshot = try Bosdyn_Api_GraphNav_WaypointSnapshot(
      serializedBytes: try Data(contentsOf: shared)
    )
    snapshot.objects = (0..<100).map { index in
      var object = Bosdyn_Api_WorldObject()
      object.name = "padding-\(index)"
      return object
    }
    try (snapshot.serializedBytes() as Data).write(to: shared)
    for name in names.dropFirst() {
      let link = snapshots.appendingPathComponent(name)
      try FileManager.default.removeItem(at: link)
      try FileManager.default.linkItem(at: shared, to: link)
    }
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: shared.path)[.size] as? Int
    )
    // Room for two of the three (and the small graph), not for the third.
    let failure = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url, maximumBytes: 2 * size + 500)
    }
    #expect(
      failure?.description.hasPrefix(snapshots.appendingPathComponent(names[2]).path) == true,
      "\(failure?.description ?? "")"
    )
    #expect(
      failure?.description.contains("left of what one walk directory may hold") == true,
      "\(failure?.description ?? "")"
    )
    #expect(try WalkDirectory.read(from: url, maximumBytes: 4 * size).waypointSnapshots.count == 3)
  }

  @Test func aSymbolicLinkToAWalkFileIsReadAsTheFileItLeadsTo() throws {
    let url = try Self.written()
    defer { TemporaryFiles.remove(url.path) }
    let walkFile = url.appendingPathComponent("missions/\(WalkDirectory.defaultWalkFileName)")
    let elsewhere = url.appendingPathComponent("kept.walk")
    try FileManager.default.moveItem(at: walkFile, to: elsewhere)
    try FileManager.default.createSymbolicLink(at: walkFile, withDestinationURL: elsewhere)
    #expect(try WalkDirectory.read(from: url).walk.missionName == "Sleepy")
    // A link to a device is judged by the device.
    try FileManager.default.removeItem(at: walkFile)
    try FileManager.default.createSymbolicLink(
      at: walkFile,
      withDestinationURL: URL(fileURLWithPath: "/dev/zero")
    )
    let failure = #expect(throws: WalkDirectory.Failure.self) {
      try WalkDirectory.read(from: url)
    }
    #expect(failure?.description == "\(walkFile.path) is not a regular file")
  }
}
