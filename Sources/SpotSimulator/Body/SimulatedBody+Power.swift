public import BosdynAPI
import SwiftProtobuf
import BosdynCore
import Synchronization

extension SimulatedBody {
  /// The motor power state now.
  public var motorPowerState: Bosdyn_Api_PowerState.MotorPowerState {
    self.state.withLock { $0.motors.state(at: self.clock.now) }
  }

  /// Whether the motors are fully on.
  public var isPoweredOn: Bool { self.motorPowerState == .stateOn }

  /// Connects or disconnects shore power (the dock's charger).
  public func setShorePower(connected: Bool) {
    self.state.withLock { $0.shorePower = connected }
  }

  /// Engages or releases the estop. Engaging it cuts motor power at once, as the real robot's
  /// estop does.
  public func setEstopped(_ estopped: Bool) {
    self.state.withLock { state in
      state.estopped = estopped
      if estopped {
        state.serial += 1
        state.motors = Motors(target: false, settledAt: self.clock.now, commandSerial: state.serial)
      }
    }
  }

  /// Whether the estop is engaged.
  public var isEstopped: Bool { self.state.withLock { $0.estopped } }

  /// The robot state's power section, as `GetRobotState` reports it.
  public var powerState: Bosdyn_Api_PowerState {
    self.state.withLock { state in
      var power = Bosdyn_Api_PowerState()
      power.timestamp = Google_Protobuf_Timestamp(date: self.clock.wallNow)
      power.motorPowerState = state.motors.state(at: self.clock.now)
      power.shorePowerState = state.shorePower ? .stateOnShorePower : .stateOffShorePower
      power.robotPowerState = .on
      power.payloadPortsPowerState = .on
      power.wifiRadioPowerState = .on
      power.locomotionChargePercentage = Google_Protobuf_DoubleValue(100)
      power.locomotionEstimatedRuntime = .init(seconds: 5400)
      return power
    }
  }

  /// Starts powering the motors on or off (PowerCommand `REQUEST_ON_MOTORS` /
  /// `REQUEST_OFF_MOTORS`).
  ///
  /// A power-on while the motors are powering off (a power-off or a safe power off under way)
  /// is refused with `STATUS_COMMAND_IN_PROGRESS`: the robot finishes powering off first, so a
  /// callback that powers the robot off can rely on it ending off.
  ///
  /// - Returns: The power command id, or the status that refuses it: shore power (on only),
  ///   estopped (on only), a power-off in progress (on only).
  public func requestPower(on: Bool) -> Result<UInt32, PowerRefusal> {
    self.state.withLock { state in
      if on && state.estopped { return .failure(.init(status: .statusEstopped)) }
      if on && state.shorePower { return .failure(.init(status: .statusShorePowerConnected)) }
      if on && state.motors.state(at: self.clock.now) == .statePoweringOff {
        return .failure(.init(status: .statusCommandInProgress))
      }
      let id = state.nextPowerCommandID
      state.nextPowerCommandID &+= 1
      state.serial += 1
      self.setMotors(on: on, serial: state.serial, in: &state)
      state.powerCommands[id] = PowerCommand(on: on, serial: state.serial)
      return .success(id)
    }
  }

  /// The status of power command `id` (PowerCommandFeedback): `STATUS_IN_PROGRESS` until the
  /// transition ends, then `STATUS_SUCCESS`; `STATUS_OVERRIDDEN` when a later command changed
  /// the target first.
  ///
  /// - Returns: `nil` for an id the body never issued.
  public func powerFeedback(_ id: UInt32) -> Bosdyn_Api_PowerCommandStatus? {
    self.state.withLock { state in
      guard let command = state.powerCommands[id] else { return nil }
      let now = self.clock.now
      if state.motors.commandSerial != command.serial && state.motors.target != command.on {
        return command.on && state.estopped ? .statusEstopped : .statusOverridden
      }
      let reached = state.motors.state(at: now) == (command.on ? .stateOn : .stateOff)
      return reached ? .statusSuccess : .statusInProgress
    }
  }

  /// Moves the motors towards `on`, keeping the progress of an unfinished transition the
  /// same way, and finishing at once when they are already there.
  func setMotors(on: Bool, serial: UInt64, in state: inout State) {
    let now = self.clock.now
    let current = state.motors.state(at: now)
    let settledAt: RobotClock.Instant
    switch (current, on) {
    case (.stateOn, true), (.stateOff, false), (.statePoweringOn, true), (.statePoweringOff, false):
      settledAt = state.motors.settledAt
    default:
      settledAt = now + self.configuration.transitionTime
    }
    state.motors = Motors(target: on, settledAt: settledAt, commandSerial: serial)
  }

  /// Why the body refused a power command.
  public struct PowerRefusal: Error, Sendable, Equatable {
    /// The PowerCommand status to answer with.
    public var status: Bosdyn_Api_PowerCommandStatus

    /// Creates a refusal with `status`.
    public init(status: Bosdyn_Api_PowerCommandStatus) {
      self.status = status
    }
  }
}
