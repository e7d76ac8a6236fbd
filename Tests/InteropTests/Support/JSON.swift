import Foundation
import TestSupport

/// Decodes the last line of a helper script's output as a JSON object.
func lastJSONObject(_ output: String) throws -> [String: Any] {
  let line = output.split(separator: "\n").last.map(String.init) ?? ""
  let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
  guard let dictionary = object as? [String: Any] else {
    throw TestEnvironment.SetupError("Not a JSON object: \(line)")
  }
  return dictionary
}
