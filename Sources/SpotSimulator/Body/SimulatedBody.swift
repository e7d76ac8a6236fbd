import BosdynAPI
public import BosdynCore
import Synchronization

/// The simulated robot's body: motor power with timed transitions, shore power, estop, posture
/// (sitting or standing), where it stands in its odometry frame, and the commands (power,
/// robot commands, GraphNav's motions) that drive it.
///
/// Transitions and motions are computed from the clock when asked, so the body needs no
/// background task: a power-on requested at `t` reports `STATE_POWERING_ON` until
/// `t + transitionTime`, then `STATE_ON`; a motion started at `t` is wherever its speed has
/// taken it along its path. A newer command overrides an unfinished one.
///
/// ```swift
/// let body = SimulatedBody(configuration: .init(transitionTime: .milliseconds(100)))
/// let id = try body.requestPower(on: true).get()
/// body.powerFeedback(id)  // .statusInProgress, then .statusSuccess
/// ```
public final class SimulatedBody: Sendable {
  /// How the body behaves.
  public struct Configuration: Sendable {
    /// How long powering the motors on or off takes.
    public var transitionTime: Duration
    /// Whether the motors start powered on.
    public var motorsInitiallyOn: Bool
    /// Whether the robot sits on its charger (motor power on is refused then).
    public var shorePowerConnected: Bool

    /// Motors off, 2 s transitions, no shore power.
    public static var defaults: Self {
      Self(transitionTime: .seconds(2))
    }

    /// Creates a configuration.
    public init(
      transitionTime: Duration,
      motorsInitiallyOn: Bool = false,
      shorePowerConnected: Bool = false
    ) {
      self.transitionTime = transitionTime
      self.motorsInitiallyOn = motorsInitiallyOn
      self.shorePowerConnected = shorePowerConnected
    }
  }

  /// The configuration the body was created with.
  public let configuration: Configuration
  /// What transitions are timed on.
  public let clock: RobotClock
  let state: Mutex<State>

  /// Creates a body at rest.
  public init(configuration: Configuration = .defaults, clock: RobotClock = .system()) {
    self.configuration = configuration
    self.clock = clock
    self.state = Mutex(
      State(
        motors: .init(target: configuration.motorsInitiallyOn, settledAt: clock.now),
        shorePower: configuration.shorePowerConnected
      )
    )
  }
}

extension SimulatedBody {
  /// The motors' power target and when the body gets (or got) there.
  struct Motors {
    var target: Bool
    var settledAt: RobotClock.Instant
    /// The command that set the target (power or robot command serial).
    var commandSerial: UInt64 = 0

    func state(at now: RobotClock.Instant) -> Bosdyn_Api_PowerState.MotorPowerState {
      if now >= self.settledAt { return self.target ? .stateOn : .stateOff }
      return self.target ? .statePoweringOn : .statePoweringOff
    }
  }

  struct PowerCommand {
    var on: Bool
    var serial: UInt64
  }

  struct RobotCommand {
    var kind: RobotCommandKind
    var serial: UInt64
  }

  /// What a robot command asked for, as far as the simulation understands it.
  enum RobotCommandKind {
    case safePowerOff
    case stand
    case sit
    case stop
  }

  struct State {
    var motors: Motors
    var shorePower: Bool
    var estopped = false
    var serial: UInt64 = 0
    var nextPowerCommandID: UInt32 = 1
    var nextRobotCommandID: UInt32 = 1
    var powerCommands: [UInt32: PowerCommand] = [:]
    var robotCommands: [UInt32: RobotCommand] = [:]
    /// Whether the robot stands (a stand command with the motors on; any power off, sit,
    /// safe power off or estop sits it down).
    var standing = false
    /// Where the body is in its odometry frame when no motion moves it.
    var restingPose = Pose3.identity
    /// The motion moving the body, if any.
    var motion: Motion?
    /// How motions that no longer move the body ended, by motion id (the newest few).
    var finishedMotions: [UInt64: MotionProgress] = [:]
    var nextMotionID: UInt64 = 1
  }
}
