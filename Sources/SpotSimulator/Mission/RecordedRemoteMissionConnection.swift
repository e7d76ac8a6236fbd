import BosdynAPI
import BosdynCore
import MissionExecutor
import SwiftProtobuf

/// A callback connection whose every call goes into a ``CallbackCallLog``.
struct RecordedRemoteMissionConnection: RemoteMissionConnection {
  let base: any RemoteMissionConnection
  let service: String
  let log: CallbackCallLog
  /// This connection's number in the log.
  let serial: Int

  func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  {
    try await self.log.record(
      service: self.service,
      connection: self.serial,
      rpc: "EstablishSession",
      status: { (protoName($0.status), $0.status != .ok) }
    ) { try await self.base.call(request) }
  }

  func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  {
    try await self.log.record(
      service: self.service,
      connection: self.serial,
      rpc: "Tick",
      status: { (protoName($0.status), ![.success, .running].contains($0.status)) }
    ) { try await self.base.call(request) }
  }

  func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  {
    try await self.log.record(
      service: self.service,
      connection: self.serial,
      rpc: "Stop",
      status: { (protoName($0.status), $0.status != .ok) }
    ) { try await self.base.call(request) }
  }

  func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
  {
    try await self.log.record(
      service: self.service,
      connection: self.serial,
      rpc: "TeardownSession",
      status: { (protoName($0.status), $0.status != .ok) }
    ) { try await self.base.call(request) }
  }
}
