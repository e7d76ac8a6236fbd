public import BosdynAPI
import BosdynCore
import Foundation
public import SwiftProtobuf

/// The robot's directory: which services it offers or routes to, under which authority.
public struct DirectoryClient: Sendable {
  /// The directory name of the directory service.
  public static let serviceName = "directory"
  private let rpc: RobotRPC

  /// Creates a client reaching the directory at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.api) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// Every service entry.
  public func list() async throws -> [Bosdyn_Api_ServiceEntry] {
    let response = try await self.rpc.call(
      Bosdyn_Api_DirectoryService.Method.ListServiceEntries.self,
      Bosdyn_Api_ListServiceEntriesRequest()
    )
    return response.serviceEntries
  }

  /// The entry of one service.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `nonexistentService` when there is none.
  public func entry(named name: String) async throws -> Bosdyn_Api_ServiceEntry {
    try await self.entryAndRobotTime(named: name).entry
  }

  /// The entry of one service, and the robot's time when it answered (its response header's
  /// timestamp), to judge the entry's `last_update` by the robot's clock rather than this
  /// computer's, which may be minutes apart.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `nonexistentService` when there is none.
  public func entryAndRobotTime(
    named name: String
  ) async throws -> (entry: Bosdyn_Api_ServiceEntry, robotTime: Google_Protobuf_Timestamp) {
    let method = Bosdyn_Api_DirectoryService.Method.GetServiceEntry.descriptor
    var request = Bosdyn_Api_GetServiceEntryRequest()
    request.serviceName = name
    let response = try await self.rpc.call(
      Bosdyn_Api_DirectoryService.Method.GetServiceEntry.self,
      request
    )
    switch response.status {
    case .ok:
      let robotTime =
        response.header.hasResponseTimestamp
        ? response.header.responseTimestamp : .init(date: Date())
      return (response.serviceEntry, robotTime)
    case .nonexistentService:
      throw RobotRPC.statusError(
        .nonexistentService,
        "the directory has no service named '\(name)'",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the directory left the status unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown directory status \(value)", method)
    }
  }
}
