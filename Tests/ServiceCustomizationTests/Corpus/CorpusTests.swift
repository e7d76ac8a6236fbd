import BosdynAPI
import ServiceCustomization
import Testing

/// Differential tests: the Swift code against the Python SDK's recorded verdicts.
@Suite("The corpus recorded from the Python SDK")
struct CorpusTests {
  @Test("matches every case", arguments: Fixtures.corpusCases)
  func matches(_ corpusCase: CorpusCase) throws {
    let spec = DictSpec(
      proto: try Protos.decode(
        Bosdyn_Api_DictParam.Spec.self,
        base64: corpusCase.json["spec"]!["b64"]!.string!
      )
    )
    CorpusExpectations.checkSpec(spec, case: corpusCase.json, context: corpusCase.id)
    for entry in corpusCase.json["values"]!.array! {
      let context = "\(corpusCase.id) \(entry["label"]!.string!)"
      try CorpusExpectations.checkValue(spec, entry: entry, context: context)
    }
  }

  @Test func holdsEveryCaseAndValue() {
    let cases = Fixtures.corpusCases
    let values = cases.reduce(0) { $0 + $1.json["values"]!.array!.count }
    #expect(cases.count == 2006)
    #expect(values == 6147)
  }
}
