import BosdynCore
import BosdynAPI
import Clocks

/// Condition: compares two operands and succeeds when the comparison holds.
///
/// Operands are constants or blackboard reads (with paths into messages). Ints and floats
/// promote to float when mixed; strings compare lexicographically; bools compare with
/// `false < true`; any other mix is an ERROR. A variable read is stale when its variable was
/// written longer ago than the controller's freshness window: `HANDLE_STALE_RUN_UNTIL_FRESH`
/// returns RUNNING until a fresh write, `HANDLE_STALE_FAIL` fails, `READ_ANYWAY` (and unknown)
/// ignore staleness.
final class ConditionExec: ExecNode {
  private let plan: ConditionPlan

  init(index: Int, name: String, plan: ConditionPlan) {
    self.plan = plan
    super.init(index: index, name: name, children: [])
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    let lhs: BlackboardValue
    let rhs: BlackboardValue
    var stale: [String] = []
    do {
      lhs = try self.read(self.plan.lhs, context, stale: &stale)
      rhs = try self.read(self.plan.rhs, context, stale: &stale)
    } catch {
      return context.raise(error.description)
    }
    if !stale.isEmpty {
      switch self.plan.staleness {
      case .handleStaleRunUntilFresh:
        return .running
      case .handleStaleFail:
        return context.fail("stale blackboard value: " + stale.joined(separator: ", "))
      case .handleStaleReadAnyway, .handleStaleUnknown, .UNRECOGNIZED:
        break
      }
    }
    switch Self.compare(lhs, rhs, self.plan.operation) {
    case .some(true): return .success
    case .some(false): return .failure
    case .none:
      return context.raise(
        "cannot compare a \(lhs.typeDescription) with a \(rhs.typeDescription) "
          + "using \(self.plan.operation)"
      )
    }
  }

  private func read(
    _ operand: ConditionPlan.Operand,
    _ context: TickContext,
    stale: inout [String]
  ) throws(ReadError) -> BlackboardValue {
    switch operand {
    case .constant(let value):
      return value
    case .variable(let ref, let type):
      guard let (read, writtenAt) = context.blackboard.read(ref) else {
        throw .undefined(ref.name)
      }
      let age = writtenAt.duration(to: context.now)
      if age > context.mission.configuration.freshnessWindow {
        stale.append("'\(ref.name)' was written \(age.seconds) s ago")
      }
      return try read.converted(to: type, name: ref.name)
    }
  }

  /// The comparison's outcome, or `nil` when the operands' types cannot be compared.
  static func compare(
    _ lhs: BlackboardValue,
    _ rhs: BlackboardValue,
    _ operation: Bosdyn_Api_Mission_Condition.Compare
  ) -> Bool? {
    let order: Int
    switch (lhs, rhs) {
    case (.int(let left), .int(let right)):
      order = left < right ? -1 : (left == right ? 0 : 1)
    case (.int, .float), (.float, .int), (.float, .float):
      guard let left = lhs.number, let right = rhs.number else { return nil }
      if left.isNaN || right.isNaN { return operation == .ne }
      order = left < right ? -1 : (left == right ? 0 : 1)
    case (.string(let left), .string(let right)):
      order = left < right ? -1 : (left == right ? 0 : 1)
    case (.bool(let left), .bool(let right)):
      order = left == right ? 0 : (!left ? -1 : 1)
    default:
      return nil
    }
    switch operation {
    case .eq: return order == 0
    case .ne: return order != 0
    case .lt: return order < 0
    case .gt: return order > 0
    case .le: return order <= 0
    case .ge: return order >= 0
    case .unknown, .UNRECOGNIZED: return nil
    }
  }
}

extension BlackboardValue {
  /// The value as a `Double`, for ints and floats.
  var number: Double? {
    switch self {
    case .int(let value): Double(value)
    case .float(let value): value
    default: nil
    }
  }
}
