public import BosdynAPI
import BosdynCore
import Synchronization

extension SimulatedBody {
  /// Why the body refused a robot command.
  public struct CommandRefusal: Error, Sendable, Equatable {
    /// The RobotCommand status to answer with.
    public var status: Bosdyn_Api_RobotCommandResponse.Status
    /// A human-readable reason.
    public var message: String
  }

  /// Starts a robot command. Safe power off (the full-body command the power-off mission
  /// service sends) sits the robot and powers the motors off over the transition time; stand,
  /// sit and stop are accepted and complete at once when the motors are on (stand and sit set
  /// the posture); anything else is unsupported. Every command stops a navigation under way.
  ///
  /// - Returns: The robot command id, or the status that refuses the command.
  public func execute(_ command: Bosdyn_Api_RobotCommand) -> Result<UInt32, CommandRefusal> {
    let kind: RobotCommandKind
    switch command.command {
    case .fullBodyCommand(let fullBody):
      switch fullBody.command {
      case .safePowerOffRequest: kind = .safePowerOff
      case .stopRequest: kind = .stop
      default:
        return .failure(
          .init(
            status: .unsupported,
            message: "The simulated robot only does safe power off and stop as full-body commands."
          )
        )
      }
    case .synchronizedCommand(let synchronized):
      guard !synchronized.hasArmCommand, !synchronized.hasGripperCommand,
        synchronized.hasMobilityCommand
      else {
        return .failure(.init(status: .unsupported, message: "The simulated robot has no arm."))
      }
      switch synchronized.mobilityCommand.command {
      case .standRequest: kind = .stand
      case .sitRequest: kind = .sit
      default:
        return .failure(
          .init(status: .unsupported, message: "The simulated robot only stands and sits.")
        )
      }
    case nil:
      return .failure(.init(status: .invalidRequest, message: "The command is empty."))
    }
    let now = self.clock.now
    return self.state.withLock { state in
      if kind != .safePowerOff && state.motors.state(at: now) != .stateOn {
        return .failure(.init(status: .notPoweredOn, message: "Motors are not powered on."))
      }
      let id = state.nextRobotCommandID
      state.nextRobotCommandID &+= 1
      state.serial += 1
      // Every robot command overrides a navigation under way, as on the robot.
      self.stopMotion(in: &state, at: now, because: .overridden)
      switch kind {
      case .stand: state.standing = true
      case .sit, .safePowerOff: state.standing = false
      case .stop: break
      }
      if kind == .safePowerOff {
        self.setMotors(on: false, serial: state.serial, in: &state)
      }
      state.robotCommands[id] = RobotCommand(kind: kind, serial: state.serial)
      return .success(id)
    }
  }

  /// The feedback for robot command `id`, as RobotCommandFeedback reports it.
  ///
  /// - Returns: `nil` for an id the body never issued.
  public func commandFeedback(_ id: UInt32) -> Bosdyn_Api_RobotCommandFeedback? {
    self.state.withLock { state in
      guard let command = state.robotCommands[id] else { return nil }
      let motors = state.motors.state(at: self.clock.now)
      var feedback = Bosdyn_Api_RobotCommandFeedback()
      switch command.kind {
      case .safePowerOff:
        var fullBody = Bosdyn_Api_FullBodyCommand.Feedback()
        let overridden = state.motors.commandSerial != command.serial && state.motors.target
        fullBody.status = overridden ? .commandOverridden : .processing
        fullBody.safePowerOffFeedback.status = motors == .stateOff ? .poweredOff : .inProgress
        feedback.fullBodyFeedback = fullBody
      case .stop:
        var fullBody = Bosdyn_Api_FullBodyCommand.Feedback()
        fullBody.status = .processing
        fullBody.stopFeedback = .init()
        feedback.fullBodyFeedback = fullBody
      case .stand, .sit:
        var mobility = Bosdyn_Api_MobilityCommand.Feedback()
        mobility.status = motors == .stateOn ? .processing : .commandOverridden
        if command.kind == .stand {
          mobility.standFeedback.status = .isStanding
        } else {
          mobility.sitFeedback.status = .isSitting
        }
        var synchronized = Bosdyn_Api_SynchronizedCommand.Feedback()
        synchronized.mobilityCommandFeedback = mobility
        feedback.synchronizedFeedback = synchronized
      }
      return feedback
    }
  }
}
