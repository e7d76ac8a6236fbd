import BosdynAPI
import Foundation

/// A rigid transform (`a_tform_b`): a position and a unit quaternion, composed the way the
/// Spot API's `SE3Pose` is. The body and GraphNav simulations work in it; the wire carries
/// `bosdyn.api.SE3Pose`.
struct Pose3: Sendable, Equatable {
  var x: Double
  var y: Double
  var z: Double
  /// Rotation as a unit quaternion (w, x, y, z).
  var qw: Double
  var qx: Double
  var qy: Double
  var qz: Double

  static let identity = Pose3(x: 0, y: 0, z: 0, yaw: 0)

  /// A pose on the ground plane: a position and a heading about +z.
  init(x: Double, y: Double, z: Double, yaw: Double) {
    self.x = x
    self.y = y
    self.z = z
    self.qw = cos(yaw / 2)
    self.qx = 0
    self.qy = 0
    self.qz = sin(yaw / 2)
  }

  private init(position: (Double, Double, Double), rotation: (Double, Double, Double, Double)) {
    (self.x, self.y, self.z) = position
    (self.qw, self.qx, self.qy, self.qz) = rotation
  }

  /// The transform an `SE3Pose` describes; a missing or zero rotation is the identity, and a
  /// rotation that is not of unit length is normalized (as GraphNav fixes such edges on upload).
  init(_ pose: Bosdyn_Api_SE3Pose) {
    let q = pose.rotation
    let norm = (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z).squareRoot()
    let rotation =
      pose.hasRotation && norm > 1e-12 && norm.isFinite
      ? (q.w / norm, q.x / norm, q.y / norm, q.z / norm) : (1, 0, 0, 0)
    let p = pose.position
    let finite = [p.x, p.y, p.z].allSatisfy(\.isFinite)
    self.init(position: finite ? (p.x, p.y, p.z) : (0, 0, 0), rotation: rotation)
  }

  /// A pose from an `SE2Pose` (position and angle in the plane).
  init(_ pose: Bosdyn_Api_SE2Pose) {
    let finite = [pose.position.x, pose.position.y, pose.angle].allSatisfy(\.isFinite)
    self.init(
      x: finite ? pose.position.x : 0,
      y: finite ? pose.position.y : 0,
      z: 0,
      yaw: finite ? pose.angle : 0
    )
  }

  /// The pose on the wire.
  var proto: Bosdyn_Api_SE3Pose {
    var pose = Bosdyn_Api_SE3Pose()
    pose.position.x = self.x
    pose.position.y = self.y
    pose.position.z = self.z
    pose.rotation.w = self.qw
    pose.rotation.x = self.qx
    pose.rotation.y = self.qy
    pose.rotation.z = self.qz
    return pose
  }

  /// The heading about +z.
  var yaw: Double {
    atan2(
      2 * (self.qw * self.qz + self.qx * self.qy),
      1 - 2 * (self.qy * self.qy + self.qz * self.qz)
    )
  }

  /// The same position with only the heading kept (the robot stands level).
  var flattened: Pose3 { Pose3(x: self.x, y: self.y, z: self.z, yaw: self.yaw) }

  /// `self * other`: `a_tform_c` from `a_tform_b` (self) and `b_tform_c`.
  static func * (lhs: Pose3, rhs: Pose3) -> Pose3 {
    let (rx, ry, rz) = lhs.rotate(rhs.x, rhs.y, rhs.z)
    let w = lhs.qw * rhs.qw - lhs.qx * rhs.qx - lhs.qy * rhs.qy - lhs.qz * rhs.qz
    let x = lhs.qw * rhs.qx + lhs.qx * rhs.qw + lhs.qy * rhs.qz - lhs.qz * rhs.qy
    let y = lhs.qw * rhs.qy - lhs.qx * rhs.qz + lhs.qy * rhs.qw + lhs.qz * rhs.qx
    let z = lhs.qw * rhs.qz + lhs.qx * rhs.qy - lhs.qy * rhs.qx + lhs.qz * rhs.qw
    return Pose3(position: (lhs.x + rx, lhs.y + ry, lhs.z + rz), rotation: (w, x, y, z))
  }

  /// `b_tform_a` from `a_tform_b`.
  var inverse: Pose3 {
    let conjugate = Pose3(position: (0, 0, 0), rotation: (self.qw, -self.qx, -self.qy, -self.qz))
    let (x, y, z) = conjugate.rotate(-self.x, -self.y, -self.z)
    return Pose3(
      position: (x, y, z),
      rotation: (conjugate.qw, conjugate.qx, conjugate.qy, conjugate.qz)
    )
  }

  /// The straight-line distance between the two positions.
  func distance(to other: Pose3) -> Double {
    let dx = other.x - self.x
    let dy = other.y - self.y
    let dz = other.z - self.z
    return (dx * dx + dy * dy + dz * dz).squareRoot()
  }

  /// The point `fraction` of the way from `self` to `other`, heading along the segment.
  func interpolated(to other: Pose3, fraction: Double) -> Pose3 {
    let t = min(max(fraction, 0), 1)
    let heading = atan2(other.y - self.y, other.x - self.x)
    let moving = self.distance(to: other) > 1e-9
    return Pose3(
      x: self.x + (other.x - self.x) * t,
      y: self.y + (other.y - self.y) * t,
      z: self.z + (other.z - self.z) * t,
      yaw: moving ? heading : self.yaw
    )
  }

  private func rotate(_ vx: Double, _ vy: Double, _ vz: Double) -> (Double, Double, Double) {
    // v' = q v q*, expanded.
    let (w, x, y, z) = (self.qw, self.qx, self.qy, self.qz)
    let tx = 2 * (y * vz - z * vy)
    let ty = 2 * (z * vx - x * vz)
    let tz = 2 * (x * vy - y * vx)
    return (
      vx + w * tx + (y * tz - z * ty),
      vy + w * ty + (z * tx - x * tz),
      vz + w * tz + (x * ty - y * tx)
    )
  }
}
