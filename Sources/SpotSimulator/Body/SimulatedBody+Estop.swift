public import BosdynAPI
import BosdynCore
import SwiftProtobuf
import Synchronization

extension SimulatedBody {
  /// The estop states `GetRobotState` reports: the hardware stop buttons, and the software
  /// estop the estop service drives.
  public var estopStates: [Bosdyn_Api_EStopState] {
    let estopped = self.isEstopped
    func state(_ name: String, _ type: Bosdyn_Api_EStopState.TypeEnum, _ stopped: Bool)
      -> Bosdyn_Api_EStopState
    {
      var state = Bosdyn_Api_EStopState()
      state.timestamp = Google_Protobuf_Timestamp(date: self.clock.wallNow)
      state.name = name
      state.type = type
      state.state = stopped ? .estopped : .notEstopped
      state.stateDescription = stopped ? "Estopped by a software estop endpoint." : ""
      return state
    }
    return [
      state("hardware_estop", .hardware, false),
      state("payload_estop", .hardware, false),
      state("software_estop", .software, estopped),
    ]
  }
}
