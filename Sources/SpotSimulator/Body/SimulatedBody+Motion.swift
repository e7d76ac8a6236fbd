public import BosdynAPI
public import BosdynCore
import Foundation
import Synchronization

extension SimulatedBody {
  /// How far a motion (a GraphNav navigation command moving the body) has come.
  public enum MotionProgress: Sendable, Equatable {
    /// Still walking, with this many meters of its path left.
    case moving(remaining: Double)
    /// It reached the end of its path.
    case arrived
    /// Its command expired (the `end_time` passed) before it arrived; the body stopped there.
    case timedOut
    /// Another command (a newer motion, a robot command, a power command) replaced it.
    case overridden
    /// The estop cut motor power while it walked.
    case estopped
    /// The body never started a motion with this id.
    case unknown
  }

  /// Why the body refused to start a motion: GraphNav's `STATUS_ROBOT_IMPAIRED` reasons.
  public struct MotionRefusal: Error, Sendable, Equatable {
    /// The impaired status to report.
    public var status: Bosdyn_Api_RobotImpairedState.ImpairedStatus
    /// What is wrong, for people.
    public var message: String
  }

  /// A walk along a path of odometry-frame poses at a constant speed, until a deadline.
  struct Motion {
    var id: UInt64
    var path: [Pose3]
    /// The distance from the start to each point of `path`.
    var cumulative: [Double]
    var startedAt: RobotClock.Instant
    /// Meters per second.
    var speed: Double
    /// When the command expires; the body stops there if it has not arrived.
    var endTime: RobotClock.Instant

    var length: Double { self.cumulative.last ?? 0 }

    /// The distance walked by `now`.
    func traveled(at now: RobotClock.Instant) -> Double {
      let walking = max(.zero, min(now, self.endTime) - self.startedAt)
      return min(self.length, self.speed * walking.seconds)
    }

    /// Where the body is at `now`: on its path, heading along the segment it walks, with the
    /// last pose's heading once it arrived.
    func pose(at now: RobotClock.Instant) -> Pose3 {
      let distance = self.traveled(at: now)
      if distance >= self.length { return self.path[self.path.count - 1] }
      var segment = 1
      while segment < self.path.count - 1 && self.cumulative[segment] < distance {
        segment += 1
      }
      let start = self.cumulative[segment - 1]
      let span = self.cumulative[segment] - start
      let fraction = span > 0 ? (distance - start) / span : 1
      return self.path[segment - 1].interpolated(to: self.path[segment], fraction: fraction)
    }

    /// How the motion stands at `now`, ignoring overrides.
    func progress(at now: RobotClock.Instant) -> MotionProgress {
      let distance = self.traveled(at: now)
      if distance >= self.length - 1e-9 { return .arrived }
      if now >= self.endTime { return .timedOut }
      return .moving(remaining: self.length - distance)
    }
  }

  /// The body's pose in its odometry frame now (`odom_tform_body`).
  public var odometryPose: Bosdyn_Api_SE3Pose {
    let now = self.clock.now
    return self.state.withLock { Self.pose(of: $0, at: now) }.proto
  }

  /// The robot state's kinematic state: the frame tree (body at its root, `odom` and `vision`
  /// below it, as a real Spot reports it) and the body's velocity in odom.
  public var kinematicState: Bosdyn_Api_KinematicState {
    let now = self.clock.now
    let (pose, velocity) = self.state.withLock { state -> (Pose3, (Double, Double)) in
      let pose = Self.pose(of: state, at: now)
      guard let motion = state.motion, case .moving = motion.progress(at: now) else {
        return (pose, (0, 0))
      }
      return (pose, (motion.speed * cos(pose.yaw), motion.speed * sin(pose.yaw)))
    }
    var kinematics = Bosdyn_Api_KinematicState()
    kinematics.acquisitionTimestamp = self.clock.timestamp(at: now)
    var root = Bosdyn_Api_FrameTreeSnapshot.ParentEdge()
    root.parentFrameName = ""
    var odom = Bosdyn_Api_FrameTreeSnapshot.ParentEdge()
    odom.parentFrameName = "body"
    odom.parentTformChild = pose.inverse.proto
    var snapshot = Bosdyn_Api_FrameTreeSnapshot()
    snapshot.childToParentEdgeMap = ["body": root, "odom": odom, "vision": odom]
    kinematics.transformsSnapshot = snapshot
    kinematics.velocityOfBodyInOdom.linear.x = velocity.0
    kinematics.velocityOfBodyInOdom.linear.y = velocity.1
    kinematics.velocityOfBodyInVision = kinematics.velocityOfBodyInOdom
    return kinematics
  }

  /// Starts walking along `path` (odometry-frame poses; the body walks from where it is to the
  /// first, then on) at `speed` meters per second until it arrives or `endTime` passes. A motion
  /// already under way is overridden.
  ///
  /// - Returns: The motion's id, or why the body cannot walk: motors not on, not standing.
  public func startMotion(
    along path: [Bosdyn_Api_SE3Pose],
    speed: Double,
    until endTime: RobotClock.Instant
  ) -> Result<UInt64, MotionRefusal> {
    self.startMotion(along: path.map(Pose3.init), speed: speed, until: endTime)
  }

  func startMotion(
    along path: [Pose3],
    speed: Double,
    until endTime: RobotClock.Instant
  ) -> Result<UInt64, MotionRefusal> {
    let now = self.clock.now
    return self.state.withLock { state in
      guard state.motors.state(at: now) == .stateOn else {
        return .failure(
          .init(status: .noMotorPower, message: "the motors are not powered on")
        )
      }
      guard state.standing else {
        return .failure(
          .init(
            status: .systemFault,
            message: "the robot is sitting: send a stand command before navigating"
          )
        )
      }
      self.stopMotion(in: &state, at: now, because: .overridden)
      let start = state.restingPose
      let points = [start] + path
      var cumulative = [0.0]
      for index in 1..<points.count {
        cumulative.append(cumulative[index - 1] + points[index - 1].distance(to: points[index]))
      }
      let id = state.nextMotionID
      state.nextMotionID += 1
      state.motion = Motion(
        id: id,
        path: points,
        cumulative: cumulative,
        startedAt: now,
        speed: speed.isFinite && speed > 0 ? speed : 1,
        endTime: endTime
      )
      return .success(id)
    }
  }

  /// Moves motion `id`'s deadline to `endTime` (a navigation command continued).
  ///
  /// - Returns: `false` when the motion no longer moves the body (it arrived, expired or was
  ///   overridden): the command cannot be continued.
  public func extendMotion(_ id: UInt64, until endTime: RobotClock.Instant) -> Bool {
    let now = self.clock.now
    return self.state.withLock { state in
      guard var motion = state.motion, motion.id == id else { return false }
      switch motion.progress(at: now) {
      case .moving:
        motion.endTime = endTime
        state.motion = motion
        return true
      default:
        return false
      }
    }
  }

  /// How motion `id` stands now.
  public func motionProgress(_ id: UInt64) -> MotionProgress {
    let now = self.clock.now
    return self.state.withLock { state in
      if let motion = state.motion, motion.id == id { return motion.progress(at: now) }
      return state.finishedMotions[id] ?? .unknown
    }
  }

  /// Stops motion `id` where the body is now (GraphNav's map changed under it).
  func haltMotion(_ id: UInt64) {
    let now = self.clock.now
    self.state.withLock { state in
      guard state.motion?.id == id else { return }
      self.stopMotion(in: &state, at: now, because: .overridden)
    }
  }

  /// The body's odometry pose in `state` at `now`.
  static func pose(of state: State, at now: RobotClock.Instant) -> Pose3 {
    state.motion?.pose(at: now) ?? state.restingPose
  }

  /// Ends the current motion where the body is at `now`, remembering how it ended: arrived or
  /// expired if it did so before `now`, else `reason`.
  func stopMotion(in state: inout State, at now: RobotClock.Instant, because reason: MotionProgress)
  {
    guard let motion = state.motion else { return }
    state.restingPose = motion.pose(at: now)
    let outcome: MotionProgress
    switch motion.progress(at: now) {
    case .moving: outcome = reason
    case let finished: outcome = finished
    }
    state.finishedMotions[motion.id] = outcome
    if let oldest = state.finishedMotions.keys.min(), state.finishedMotions.count > 64 {
      state.finishedMotions[oldest] = nil
    }
    state.motion = nil
  }
}
