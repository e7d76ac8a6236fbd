import Foundation

/// DateToBlackboard: writes the robot's current date and time to a defined variable.
///
/// The value is a string `YYYY-MM-DD_HH-MM-SS` in UTC (the robot's wall time through the
/// controller's robot clock): Spot does not document the format; this one sorts, and
/// is safe in group names and file names, which is where missions use it.
final class DateToBlackboardExec: ExecNode {
  private let key: String

  init(index: Int, name: String, key: String) {
    self.key = key
    super.init(index: index, name: name, children: [])
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    let text = Self.format(context.wallTime)
    guard context.blackboard.write(self.key, .string(text), at: context.now) else {
      return context.raise(SetBlackboardExec.undefinedMessage(self.key))
    }
    return .success
  }

  /// `YYYY-MM-DD_HH-MM-SS` in UTC.
  static func format(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))_"
      + "\(two(parts.hour))-\(two(parts.minute))-\(two(parts.second))"
  }
}
