import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

/// Every bound by hand, on both sides and exactly on it, so an off-by-one in a comparison or a
/// range given only at one end fails here and not only in the recorded corpus.
@Suite("Range boundaries")
struct RangeBoundaryTests {
  static func ints(_ spec: ParamSpec, _ values: [Int64]) -> [Bool] {
    let dict = DictSpec { Param("n", spec) }
    return values.map { value in
      var param = Bosdyn_Api_DictParam()
      param.values["n"] = .with { $0.intValue.value = value }
      return dict.validationError(for: param) == nil
    }
  }

  static func doubles(_ spec: ParamSpec, _ values: [Double]) -> [Bool] {
    let dict = DictSpec { Param("x", spec) }
    return values.map { value in
      var param = Bosdyn_Api_DictParam()
      param.values["x"] = .with { $0.doubleValue.value = value }
      return dict.validationError(for: param) == nil
    }
  }

  @Test func intBoundsAreInclusive() {
    #expect(
      Self.ints(.int(min: 1, max: 10), [0, 1, 2, 9, 10, 11]) == [
        false, true, true, true, true, false,
      ]
    )
    #expect(Self.ints(.int(min: -3, max: -3), [-4, -3, -2]) == [false, true, false])
  }

  @Test func anIntRangeGivenAtOneEndOnlyIsOpenAtTheOther() {
    #expect(Self.ints(.int(min: 5), [4, 5, .max]) == [false, true, true])
    #expect(Self.ints(.int(max: 5), [.min, 5, 6]) == [true, true, false])
    #expect(Self.ints(.int(), [.min, 0, .max]) == [true, true, true])
  }

  @Test func doubleBoundsAreInclusive() {
    #expect(
      Self.doubles(.double(min: 0.5, max: 1.5), [(0.5).nextDown, 0.5, 1.5, (1.5).nextUp])
        == [false, true, true, false]
    )
    #expect(Self.doubles(.double(min: 0), [-0.000_001, 0, 1e300]) == [false, true, true])
    #expect(Self.doubles(.double(max: 0), [-1e300, 0, 0.000_001]) == [true, true, false])
  }

  @Test func intErrorsNameTheBoundCrossed() throws {
    let dict = DictSpec { Param("n", .int(min: 1, max: 10)) }
    for (value, message) in [
      (Int64(0), "n param has error: Value 0 below min_bound 1"),
      (11, "n param has error: Value 11 above max_bound 10"),
    ] {
      var param = Bosdyn_Api_DictParam()
      param.values["n"] = .with { $0.intValue.value = value }
      let error = try #require(dict.validationError(for: param))
      #expect(error.status == .invalidValue)
      #expect(error.errorMessages == [message])
    }
  }

  @Test func listCountBoundsAreInclusive() {
    let dict = DictSpec { Param("l", .list(of: .int(), minCount: 2, maxCount: 3)) }
    let verdicts = (0...4).map { count -> Bool in
      var param = Bosdyn_Api_DictParam()
      param.values["l"] = .with {
        $0.listValue.values = (0..<count).map { i in .with { $0.intValue.value = Int64(i) } }
      }
      return dict.validationError(for: param) == nil
    }
    #expect(verdicts == [false, false, true, true, false])
  }

  @Test func coercionLeavesValuesOnTheBoundAlone() {
    let dict = DictSpec {
      Param("low", .int(default: 5, min: 1, max: 10))
      Param("high", .int(default: 5, min: 1, max: 10))
      Param("open", .int(default: 7, min: 5))
    }
    var param = Bosdyn_Api_DictParam()
    param.values["low"] = .with { $0.intValue.value = 1 }
    param.values["high"] = .with { $0.intValue.value = 10 }
    param.values["open"] = .with { $0.intValue.value = .max }
    let before = param
    _ = dict.coerce(&param)
    #expect(param.values["low"] == before.values["low"])
    #expect(param.values["high"] == before.values["high"])
    #expect(param.values["open"] == before.values["open"])
  }
}
