import AutowalkCompiler
import BosdynAPI
import BosdynCore
import Clocks
import Foundation
import MissionExecutor
import SpotSimulator
import TestSupport
import Testing

/// A simulated robot without gRPC for running compiled walks on manual time: the simulator's
/// body and GraphNav (a straight map, localized at its start), scripted callbacks, and a mission
/// controller whose cycles the test steps.
struct WalkWorld: Sendable {
  static let start = Date(timeIntervalSince1970: 1_780_000_000)

  let time = ManualTime(wallTimeAtStart: WalkWorld.start)
  /// The clock the cycles advance.
  var clock: TestClock<Duration> { self.time.testClock }
  /// The robot clock the body, GraphNav and controller run on.
  var robotClock: RobotClock { self.time.clock }
  let body: SimulatedBody
  let graphNav: SimulatedGraphNav
  let journal = Journal()
  let callbacks: [String: ScriptedCallback]
  let controller: MissionController

  /// A world whose map has `waypoints` waypoints 1 m apart, with `callbacks` by name.
  init(
    waypoints: Int = 4,
    callbacks: [String: ScriptedCallback.Behavior] = [:],
    configuration: MissionController.Configuration = .defaults
  ) {
    let robotClock = self.time.clock
    let body = SimulatedBody(
      configuration: .init(transitionTime: .milliseconds(200)),
      clock: robotClock
    )
    self.body = body
    let graphNav = SimulatedGraphNav(body: body, clock: robotClock)
    self.graphNav = graphNav
    var upload = Bosdyn_Api_GraphNav_UploadGraphRequest()
    upload.graph = StraightLineMap(waypoints: waypoints).graph
    _ = graphNav.uploadGraph(upload)
    var localize = Bosdyn_Api_GraphNav_SetLocalizationRequest()
    localize.fiducialInit = .nearest
    _ = graphNav.setLocalization(localize)
    let journal = self.journal
    var scripted: [String: ScriptedCallback] = [:]
    for (name, behavior) in callbacks {
      scripted[name] = ScriptedCallback(name, behavior, journal: journal)
    }
    self.callbacks = scripted
    self.controller = MissionController(
      environment: Environment(body: body, graphNav: graphNav, callbacks: scripted),
      configuration: configuration,
      clock: robotClock
    )
  }

  /// Compiles and loads `walk`, expecting both to work.
  @discardableResult
  func load(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    compiler: AutowalkCompiler = AutowalkCompiler(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> CompiledWalk {
    let compiled = try compiler.compile(walk)
    let loaded = await self.controller.load(compiled.root, leases: [Self.bodyLease])
    #expect(loaded.status == .ok, "\(loaded.failedNodes)", sourceLocation: sourceLocation)
    return compiled
  }

  /// A body lease for play (the environment does not judge leases).
  static var bodyLease: Bosdyn_Api_Lease {
    var lease = Bosdyn_Api_Lease()
    lease.resource = "body"
    lease.epoch = "test"
    lease.sequence = [1]
    return lease
  }

  /// Plays the loaded walk and steps cycles with `body`.
  func play<Result: Sendable>(
    settings: Bosdyn_Api_Mission_PlaySettings = .init(),
    _ body: (Stepper) async throws -> Result
  ) async throws -> Result {
    self.controller.play(pauseAt: nil, leases: [Self.bodyLease], settings: settings)
    return try await self.controller.withManualCycles { manual in
      try await body(Stepper(world: self, manual: manual))
    }
  }

  var status: Bosdyn_Api_Mission_State.Status { self.controller.state().status }

  /// The callback named `name`.
  func callback(_ name: String) -> ScriptedCallback { self.callbacks[name]! }

  /// The question outstanding, if any.
  var question: Bosdyn_Api_Mission_Question? { self.controller.state().questions.first }

  /// Answers the outstanding question with `code`.
  func answer(_ code: Int64, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let question = try #require(self.question, sourceLocation: sourceLocation)
    var request = Bosdyn_Api_Mission_AnswerQuestionRequest()
    request.questionID = question.id
    request.code = code
    let status = self.controller.answerQuestion(request).response.status
    #expect(status == .ok, sourceLocation: sourceLocation)
  }

  /// The robot's x in its odometry frame (the map runs along +x from the start).
  var x: Double { self.body.odometryPose.position.x }

  /// The environment: body and GraphNav of the simulator called directly, scripted callbacks.
  struct Environment: MissionEnvironment {
    let body: SimulatedBody
    let graphNav: SimulatedGraphNav
    let callbacks: [String: ScriptedCallback]

    func remoteMissionService(at address: ServiceAddress) async throws
      -> any RemoteMissionConnection
    {
      guard let callback = self.callbacks[address.name] else {
        throw MissionEnvironmentError.unknownService(address)
      }
      return callback
    }

    func powerCommand(
      _ request: Bosdyn_Api_PowerCommandRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_PowerCommandResponse {
      var response = Bosdyn_Api_PowerCommandResponse()
      switch self.body.requestPower(on: request.request == .onMotors) {
      case .success(let id):
        response.status = .statusInProgress
        response.powerCommandID = id
      case .failure(let refusal):
        response.status = refusal.status
      }
      return response
    }

    func powerCommandFeedback(
      _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
      var response = Bosdyn_Api_PowerCommandFeedbackResponse()
      response.status = self.body.powerFeedback(request.powerCommandID) ?? .statusUnknown
      return response
    }

    func robotCommand(
      _ request: Bosdyn_Api_RobotCommandRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_RobotCommandResponse {
      var response = Bosdyn_Api_RobotCommandResponse()
      switch self.body.execute(request.command) {
      case .success(let id):
        response.status = .ok
        response.robotCommandID = id
      case .failure(let refusal):
        response.status = refusal.status
        response.message = refusal.message
      }
      return response
    }

    func robotCommandFeedback(
      _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
      var response = Bosdyn_Api_RobotCommandFeedbackResponse()
      if let feedback = self.body.commandFeedback(request.robotCommandID) {
        response.feedback = feedback
      }
      return response
    }

    func navigateTo(
      _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
      self.graphNav.navigateTo(request)
    }

    func navigateRoute(
      _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
      self.graphNav.navigateRoute(request)
    }

    func navigationFeedback(
      _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
      at address: ServiceAddress
    ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
      self.graphNav.feedback(request)
    }
  }
}

/// Steps a world's cycles: each cycle runs, its calls are waited for, the clock moves one
/// period (100 ms).
struct Stepper: Sendable {
  let world: WalkWorld
  let manual: MissionController.ManualCycles

  var period: Duration { self.world.controller.configuration.tickPeriod }

  func cycle(_ count: Int = 1) async {
    for _ in 0..<count {
      self.manual.step()
      await self.manual.waitForCalls()
      await self.world.clock.advance(by: self.period)
    }
  }

  /// Cycles until `condition` holds, at most `limit` cycles; returns whether it held.
  @discardableResult
  func until(limit: Int = 2_000, _ condition: () -> Bool) async -> Bool {
    for _ in 0..<limit {
      if condition() { return true }
      await self.cycle()
    }
    return condition()
  }

  /// Cycles until the walk is no longer running.
  @discardableResult
  func untilFinished(limit: Int = 2_000) async -> Bosdyn_Api_Mission_State.Status {
    await self.until(limit: limit) {
      let status = self.world.status
      return status != .running && status != .none
    }
    return self.world.status
  }

  /// Cycles until a question is outstanding.
  func untilQuestion(limit: Int = 2_000) async -> Bosdyn_Api_Mission_Question? {
    await self.until(limit: limit) { self.world.question != nil }
    return self.world.question
  }
}
