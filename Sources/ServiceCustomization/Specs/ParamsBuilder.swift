/// Collects the ``Param``s of a ``DictSpec`` or a ``OneOfChoice`` written one per line, with
/// `if`, `switch` and `for` where the parameters depend on configuration.
@resultBuilder
public enum ParamsBuilder {
  /// One parameter.
  public static func buildExpression(_ param: Param) -> [Param] { [param] }
  /// The lines of a block, in order.
  public static func buildBlock(_ params: [Param]...) -> [Param] { params.flatMap { $0 } }
  /// An `if` without `else`.
  public static func buildOptional(_ params: [Param]?) -> [Param] { params ?? [] }
  /// The first branch of an `if`/`else` or `switch`.
  public static func buildEither(first params: [Param]) -> [Param] { params }
  /// The second branch of an `if`/`else` or `switch`.
  public static func buildEither(second params: [Param]) -> [Param] { params }
  /// A `for` loop.
  public static func buildArray(_ params: [[Param]]) -> [Param] { params.flatMap { $0 } }
}
