import Foundation
import Testing

/// The fixtures recorded from the Python SDK by Scripts/customization/generate_corpus.py.
enum Fixtures {
  /// Every case of customization-corpus.json, each a spec with the values tried against it.
  static let corpusCases: [CorpusCase] = {
    let corpus = try! Self.load("customization-corpus")
    return corpus["cases"]!.array!.map(CorpusCase.init)
  }()

  /// The flag sets of hello-world-specs.json, each a spec and the ticks tried against it.
  static let helloWorldFlagSets: [HelloWorldFlagSet] = {
    let fixture = try! Self.load("hello-world-specs")
    return fixture["flag_sets"]!.array!.map(HelloWorldFlagSet.init)
  }()

  static func load(_ name: String) throws -> JSON {
    guard
      let url = Bundle.module.url(
        forResource: name,
        withExtension: "json",
        subdirectory: "Fixtures"
      )
    else { throw CorpusError("no fixture \(name).json") }
    return try JSONDecoder().decode(JSON.self, from: Data(contentsOf: url))
  }
}

/// One corpus case, named by its id in test output.
struct CorpusCase: Sendable, CustomTestStringConvertible {
  let json: JSON

  var id: String { self.json["id"]!.string! }
  var testDescription: String { "\(self.id) (\(self.json["kind"]!.string!))" }
}

/// One hello-world flag set, named as in the fixture.
struct HelloWorldFlagSet: Sendable, CustomTestStringConvertible {
  let json: JSON

  var name: String { self.json["name"]!.string! }
  var testDescription: String { self.name }
}
