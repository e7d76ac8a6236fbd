public import BosdynAPI

/// Compiles an Autowalk `Walk` (`bosdyn.api.autowalk.Walk`) into a mission tree that Spot's
/// mission service — or `MissionExecutor`'s ``/MissionExecutor/MissionController`` — runs: the compiler behind the Autowalk
/// service's CompileAutowalk and LoadAutowalk, usable on its own.
///
/// Every element navigates to its target (GraphNav `BosdynNavigateTo` / `BosdynNavigateRoute`)
/// and then performs its action (a callback through `RemoteGrpc`, a sleep, a simulated data
/// capture, or a node of its own), each part with its failure behavior: automatic retries, a
/// question to the operator with a deadline, then the default (proceed, safe power off, return
/// to the dock). See <doc:HowWalksCompile> for the tree and every choice made where Spot's
/// documentation is silent.
///
/// ```swift
/// let walk = Bosdyn_Api_Autowalk_Walk.walk("Gauges", elements: [
///   .element("Gauge 1", at: "waypoint-1", action: .callback("gauge-reader")),
/// ])
/// let compiled = try AutowalkCompiler().compile(walk)
/// _ = try await missions.load(compiled.root)       // any mission service
/// ```
public struct AutowalkCompiler: Sendable {
  /// The services and limits compiled missions use.
  public var configuration: Configuration

  /// Creates a compiler.
  public init(configuration: Configuration = .defaults) {
    self.configuration = configuration
  }

  /// Compiles `walk`.
  ///
  /// - Parameters:
  ///   - walk: The walk.
  ///   - treatWarningsAsErrors: Whether changes the compiler makes to fix a walk (a prompt
  ///     shorter than the 10 s minimum raised to it, …) fail the compile instead, as
  ///     `CompileAutowalkRequest.treat_warnings_as_errors` asks.
  /// - Returns: The mission and which of its nodes belong to which element.
  /// - Throws: ``AutowalkCompileError`` listing every element that could not be compiled (by
  ///   index, as `failed_elements`) and the walk-level problems (as `failed_nodes`).
  public func compile(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    treatWarningsAsErrors: Bool = false
  ) throws(AutowalkCompileError) -> CompiledWalk {
    var builder = WalkTreeBuilder(
      walk: walk,
      configuration: self.configuration,
      treatWarningsAsErrors: treatWarningsAsErrors
    )
    return try builder.build()
  }
}
