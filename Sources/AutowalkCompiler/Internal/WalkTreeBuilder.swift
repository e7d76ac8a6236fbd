import BosdynAPI
import BosdynMission
import SwiftProtobuf

/// Builds the mission of one walk, collecting every problem before reporting them.
///
/// The tree is wide rather than deep: elements are siblings in one Sequence, so a walk of a
/// thousand elements is as deep as a walk of one, and Python clients (whose protobuf parser
/// stops at 100 nested messages) can read it. See the article "How walks compile".
struct WalkTreeBuilder {
  let walk: Bosdyn_Api_Autowalk_Walk
  let configuration: AutowalkCompiler.Configuration
  let treatWarningsAsErrors: Bool
  private(set) var errors: [Int32: [String]] = [:]
  private(set) var warnings: [Int32: [String]] = [:]
  private(set) var failedNodes: [Bosdyn_Api_Mission_FailedNode] = []
  /// Whether some failure behavior returns to the start and tries again later.
  var triesAgainLater = false

  init(
    walk: Bosdyn_Api_Autowalk_Walk,
    configuration: AutowalkCompiler.Configuration,
    treatWarningsAsErrors: Bool
  ) {
    self.walk = walk
    self.configuration = configuration
    self.treatWarningsAsErrors = treatWarningsAsErrors
  }

  /// The walk's display name.
  var missionName: String {
    self.walk.missionName.isEmpty ? "Autowalk" : self.walk.missionName
  }

  mutating func build() throws(AutowalkCompileError) -> CompiledWalk {
    var elementNodes: [CompiledWalk.ElementNodes?] = []
    var elements: [Bosdyn_Api_Mission_Node] = []
    for (index, element) in self.walk.elements.enumerated() {
      guard !element.isSkipped else {
        elementNodes.append(nil)
        continue
      }
      if let (node, ids) = self.element(element, index: Int32(index)) {
        elements.append(node)
        elementNodes.append(ids)
      } else {
        elementNodes.append(nil)
      }
    }
    let loop = Bosdyn_Api_Mission_Node.sequence("Elements", elements).tagged(Self.loopID)
    let docking = self.docking()
    let playback = self.playback(loop: loop, docking: docking)
    let body: Bosdyn_Api_Mission_Node =
      self.triesAgainLater ? self.tryingAgainLater(playback) : playback
    let root = Bosdyn_Api_Mission_Node.defineBlackboard(
      self.missionName,
      WalkVariables.definitions,
      body
    ).tagged("root")

    var failedElements: [Int32: Bosdyn_Api_Autowalk_FailedElement] = [:]
    for index in Set(self.errors.keys).union(self.warnings.keys) {
      var failed = Bosdyn_Api_Autowalk_FailedElement()
      failed.errors = self.errors[index] ?? []
      failed.warnings = self.warnings[index] ?? []
      failedElements[index] = failed
    }
    guard self.errors.isEmpty, self.failedNodes.isEmpty else {
      throw AutowalkCompileError(failedElements: failedElements, failedNodes: self.failedNodes)
    }
    return CompiledWalk(
      root: root,
      elements: elementNodes,
      loopNode: Self.loopID,
      dockingNode: docking == nil ? nil : Self.dockingID,
      warnings: failedElements
    )
  }

  static let loopID = "loop"
  static let dockingID = "docking"

  // MARK: Reporting

  /// Records an error of element `index`.
  mutating func fail(_ index: Int32, _ error: String) {
    self.errors[index, default: []].append(error)
  }

  /// Records a change the compiler made to element `index` (an error when warnings count as
  /// errors).
  mutating func warn(_ index: Int32, _ warning: String) {
    if self.treatWarningsAsErrors {
      self.fail(index, warning + " (warnings are treated as errors)")
    } else {
      self.warnings[index, default: []].append(warning)
    }
  }

  /// Records a problem outside the elements, named after what it concerns.
  mutating func fail(node name: String, _ error: String) {
    var failed = Bosdyn_Api_Mission_FailedNode()
    failed.name = name
    failed.error = error
    self.failedNodes.append(failed)
  }

  /// Records an error for element `index`, or a failed node named `name` outside elements.
  mutating func report(_ index: Int32?, _ name: String, _ error: String) {
    if let index {
      self.fail(index, error)
    } else {
      self.fail(node: name, error)
    }
  }

  // MARK: Helpers

  /// A duration in seconds, or `nil` (with an error recorded) when negative or not finite.
  mutating func seconds(
    _ duration: Google_Protobuf_Duration,
    _ what: String,
    element index: Int32?
  ) -> Double? {
    let seconds = Double(duration.seconds) + Double(duration.nanos) / 1e9
    guard seconds >= 0, duration.nanos > -1_000_000_000, duration.nanos < 1_000_000_000 else {
      if let index {
        self.fail(index, "\(what) must not be negative")
      } else {
        self.fail(node: what, "must not be negative")
      }
      return nil
    }
    return seconds
  }

  /// A `Duration` from seconds.
  static func duration(seconds: Double) -> Duration {
    .microseconds(Int64((seconds * 1e6).rounded()))
  }
}
