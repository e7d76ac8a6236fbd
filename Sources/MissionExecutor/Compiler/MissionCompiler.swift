public import BosdynAPI

/// Compiles a `bosdyn.api.mission.Node` tree into something a ``MissionController`` runs.
///
/// Nodes are accepted in the `type` oneof and in the deprecated `impl` (`google.protobuf.Any`
/// with a `type.googleapis.com/bosdyn.api.mission.<Node>` URL, which Boston Dynamics' own
/// examples still write). Node types the executor does not run (Spot CAM, docking, GraphNav,
/// choreography, data acquisition…) are compile errors naming the node and its type.
///
/// ```swift
/// let compiled = try MissionCompiler().compile(root)
/// print(compiled.rootInfo)
/// ```
///
/// Node references, parameters and overrides:
/// - a node with `reference_id` may stand anywhere a `node_reference` names it (the same node
///   runs there); dangling and cyclic references are errors;
/// - `parameter_values` define compile-time parameters for a node and its subtree (constants
///   or other parameters); `parameters` declare those a subtree needs, and an undeclared or
///   mistyped one is an error; a `Value` with a `parameter` source is replaced by its constant;
/// - `overrides` write a field of the node's implementation, named by its proto field name
///   (`seconds`, `max_starts`, `service_name`, also dotted paths into sub-messages such as
///   `command.synchronized_command…`), from a constant or a parameter. For RemoteGrpc,
///   `params.<key>` sets custom parameter `<key>` (a string, int, float or bool value) and
///   `inputs.<key>` sets (or adds) the constant input `<key>`.
public struct MissionCompiler: Sendable {
  /// Limits the compiler enforces.
  public struct Configuration: Sendable {
    /// The deepest tree accepted, counted in nodes from the root (references followed). The
    /// default, 256, leaves room for Autowalk missions, which nest deeply (Spot's docs ask for
    /// more than 200 levels), while keeping recursion bounded on hostile input.
    public var maxDepth: Int

    /// Creates a configuration.
    public init(maxDepth: Int = 256) {
      self.maxDepth = maxDepth
    }

    /// A depth limit of 256.
    public static var defaults: Self { Self() }
  }

  /// The limits in force.
  public var configuration: Configuration

  /// Creates a compiler.
  public init(configuration: Configuration = .defaults) {
    self.configuration = configuration
  }

  /// Compiles `root`.
  ///
  /// - Throws: ``MissionCompileError`` listing every node that failed: unknown or unsupported
  ///   types, nodes without an implementation, dangling or cyclic references, a tree deeper
  ///   than ``Configuration/maxDepth``, missing required children, bad values (negative
  ///   counts, durations or timeouts, malformed formats, unknown comparison operators…),
  ///   undefined parameters, overrides of unknown fields.
  public func compile(_ root: Bosdyn_Api_Mission_Node) throws(MissionCompileError)
    -> CompiledMission
  {
    let builder = TreeBuilder(maxDepth: max(1, self.configuration.maxDepth))
    return try builder.compile(root)
  }
}
