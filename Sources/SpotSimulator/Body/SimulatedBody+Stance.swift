import BosdynAPI
import BosdynCore
import Synchronization

extension SimulatedBody {
  /// Whether the robot stands: the motors are on and the last stand or sit command since they
  /// came on was a stand. What the tablet (and the simulator's console) show next to power.
  public var isStanding: Bool {
    self.state.withLock { state in
      guard state.motors.state(at: self.clock.now) == .stateOn else { return false }
      let lastStance = state.robotCommands.values
        .filter { $0.kind == .stand || $0.kind == .sit }
        .max(by: { $0.serial < $1.serial })
      guard let lastStance, lastStance.serial > state.motors.commandSerial else { return false }
      return lastStance.kind == .stand
    }
  }
}
