/// Collects the ``OneOfChoice``s of a ``ParamSpec/oneOf(default:_:)`` parameter written one
/// per line, with `if`, `switch` and `for` where the choices depend on configuration.
@resultBuilder
public enum OneOfChoicesBuilder {
  /// One choice.
  public static func buildExpression(_ choice: OneOfChoice) -> [OneOfChoice] { [choice] }
  /// The lines of a block, in order.
  public static func buildBlock(_ choices: [OneOfChoice]...) -> [OneOfChoice] {
    choices.flatMap { $0 }
  }
  /// An `if` without `else`.
  public static func buildOptional(_ choices: [OneOfChoice]?) -> [OneOfChoice] { choices ?? [] }
  /// The first branch of an `if`/`else` or `switch`.
  public static func buildEither(first choices: [OneOfChoice]) -> [OneOfChoice] { choices }
  /// The second branch of an `if`/`else` or `switch`.
  public static func buildEither(second choices: [OneOfChoice]) -> [OneOfChoice] { choices }
  /// A `for` loop.
  public static func buildArray(_ choices: [[OneOfChoice]]) -> [OneOfChoice] {
    choices.flatMap { $0 }
  }
}
