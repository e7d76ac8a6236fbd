import BosdynAPI
import ServiceCustomization
import SwiftProtobuf

/// Random parameter values: some shaped after a spec with mistakes sprinkled in (wrong types,
/// out-of-range numbers, unknown keys, unset values, bad one-of keys, lists too long or too
/// short), some wild (arbitrary types, deep nesting, wide maps, long lists and strings, NaN).
struct RandomValues {
  var rng: SplitMix64
  /// How often a shaped value goes wrong at each parameter.
  var mistakeRate = 0.08
  /// Nesting depth of wild values.
  var wildDepth = 24

  mutating func value(for spec: Bosdyn_Api_DictParam.Spec) -> Bosdyn_Api_DictParam {
    self.rng.chance(0.15) ? self.wildDict(depth: 0) : self.shapedDict(spec)
  }

  // MARK: - Shaped after the spec

  mutating func shapedDict(_ spec: Bosdyn_Api_DictParam.Spec) -> Bosdyn_Api_DictParam {
    var dict = Bosdyn_Api_DictParam()
    for key in spec.specs.keys.sorted() where self.rng.chance(0.8) {
      dict.values[key] = self.shaped(spec.specs[key]!.spec)
    }
    if self.rng.chance(self.mistakeRate / 2) {
      dict.values[self.rng.pick(RandomSpecs.keys) + "?"] = self.wild(depth: self.wildDepth - 2)
    }
    return dict
  }

  mutating func shaped(_ spec: Bosdyn_Api_CustomParam.Spec) -> Bosdyn_Api_CustomParam {
    if self.rng.chance(self.mistakeRate) {
      return self.rng.chance(0.3) ? Bosdyn_Api_CustomParam() : self.wild(depth: self.wildDepth - 3)
    }
    var param = Bosdyn_Api_CustomParam()
    switch spec.spec {
    case .dictSpec(let dict)?: param.dictValue = self.shapedDict(dict)
    case .listSpec(let list)?:
      var count = self.rng.int(0...4)
      if self.rng.chance(self.mistakeRate) { count = self.rng.int(0...40) }
      param.listValue.values = (0..<count).map { _ in self.shaped(list.elementSpec) }
    case .intSpec(let int)?: param.intValue.value = self.number(int)
    case .doubleSpec(let double)?: param.doubleValue.value = self.number(double)
    case .stringSpec(let string)?:
      param.stringValue.value =
        !string.options.isEmpty && !self.rng.chance(self.mistakeRate)
        ? self.rng.pick(string.options) : self.rng.pick(RandomSpecs.strings)
    case .boolSpec?: param.boolValue.value = self.rng.chance(0.5)
    case .roiSpec(let roi)?: param.roiValue = self.regionOfInterest(roi)
    case .oneOfSpec(let oneOf)?:
      var value = Bosdyn_Api_OneOfParam()
      let keys = oneOf.specs.keys.sorted()
      value.key =
        keys.isEmpty || self.rng.chance(self.mistakeRate)
        ? self.rng.pick(RandomSpecs.keys) : self.rng.pick(keys)
      for key in keys where self.rng.chance(0.7) {
        value.values[key] = self.shapedDict(oneOf.specs[key]!.spec)
      }
      param.oneOfValue = value
    case nil:
      return self.wild(depth: self.wildDepth - 2)
    }
    return param
  }

  private mutating func number(_ spec: Bosdyn_Api_Int64Param.Spec) -> Int64 {
    if self.rng.chance(self.mistakeRate) { return self.rng.pick([.min, .max, -1000, 1000]) }
    let low = spec.hasMinValue ? spec.minValue.value : -50
    let high = spec.hasMaxValue ? spec.maxValue.value : 50
    return low <= high ? Int64.random(in: low...high, using: &self.rng) : low
  }

  private mutating func number(_ spec: Bosdyn_Api_DoubleParam.Spec) -> Double {
    if self.rng.chance(self.mistakeRate) {
      return self.rng.pick([.nan, .infinity, -.infinity, -1e9, 1e9, -0.0, .leastNonzeroMagnitude])
    }
    let low = spec.hasMinValue ? spec.minValue.value : -50
    let high = spec.hasMaxValue ? spec.maxValue.value : 50
    guard low.isFinite, high.isFinite, low <= high else { return 0 }
    return Double.random(in: low...high, using: &self.rng)
  }

  private mutating func regionOfInterest(
    _ spec: Bosdyn_Api_RegionOfInterestParam.Spec
  ) -> Bosdyn_Api_RegionOfInterestParam {
    var roi = Bosdyn_Api_RegionOfInterestParam()
    switch self.rng.int(0...2) {
    case 0: roi.area = .rectangle(x: 3, y: 4, cols: 5, rows: 6)
    case 1: roi.area = .polygon([(1, 1), (4, 1), (2, 3)])
    default: break
    }
    if self.rng.chance(0.5) { roi.serviceAndSource = spec.serviceAndSource }
    roi.imageCols = Int32(self.rng.int(-2...640))
    roi.imageRows = Int32(self.rng.int(-2...480))
    return roi
  }

  // MARK: - Wild

  /// A dict of arbitrary values. Each container has 0.5 children on average, so values stay
  /// small except for the deliberate cases: a wide map or a long list of plain values, and a
  /// chain nested `wildDepth` deep.
  mutating func wildDict(depth: Int) -> Bosdyn_Api_DictParam {
    var dict = Bosdyn_Api_DictParam()
    if depth <= 1, self.rng.chance(0.02) {
      for index in 0..<self.rng.int(50...300) {
        dict.values["k\(index)"] = self.wild(depth: self.wildDepth)
      }
      return dict
    }
    if depth == 0, self.rng.chance(0.02) {
      dict.values[self.rng.pick(RandomSpecs.keys)] = self.chain(length: self.wildDepth)
      return dict
    }
    for _ in 0..<self.rng.int(0...3) {
      dict.values[self.rng.pick(RandomSpecs.keys)] = self.wild(depth: depth + 1)
    }
    return dict
  }

  /// A value nested `length` containers deep, one child per level.
  mutating func chain(length: Int) -> Bosdyn_Api_CustomParam {
    var param = self.wild(depth: self.wildDepth)
    for _ in 0..<length {
      var outer = Bosdyn_Api_CustomParam()
      switch self.rng.int(0...2) {
      case 0: outer.dictValue.values[self.rng.pick(RandomSpecs.keys)] = param
      case 1: outer.listValue.values = [param]
      default:
        var oneOf = Bosdyn_Api_OneOfParam()
        oneOf.key = self.rng.pick(RandomSpecs.keys)
        oneOf.values[oneOf.key, default: Bosdyn_Api_DictParam()].values[
          self.rng.pick(RandomSpecs.keys)
        ] = param
        outer.oneOfValue = oneOf
      }
      param = outer
    }
    return param
  }

  mutating func wild(depth: Int) -> Bosdyn_Api_CustomParam {
    var param = Bosdyn_Api_CustomParam()
    let containers = depth < self.wildDepth
    switch self.rng.int(0...(containers ? 10 : 6)) {
    case 0: break  // nothing set
    case 1: param.intValue.value = Int64.random(in: .min ... .max, using: &self.rng)
    case 2:
      param.doubleValue.value =
        self.rng.chance(0.2)
        ? self.rng.pick([.nan, .infinity, -.infinity, -0.0])
        : Double(bitPattern: self.rng.next())
    case 3:
      param.stringValue.value =
        self.rng.chance(0.01)
        ? String(repeating: self.rng.pick(RandomSpecs.strings), count: 2_000)
        : self.rng.pick(RandomSpecs.strings)
    case 4: param.boolValue.value = self.rng.chance(0.5)
    case 5, 6: param.roiValue = self.regionOfInterest(Bosdyn_Api_RegionOfInterestParam.Spec())
    case 7, 8: param.dictValue = self.wildDict(depth: depth + 1)
    case 9:
      let long = depth <= 1 && self.rng.chance(0.02)
      let count = long ? self.rng.int(100...1_000) : self.rng.int(0...3)
      param.listValue.values = (0..<count).map { _ in
        self.wild(depth: long ? self.wildDepth : depth + 1)
      }
    default:
      var oneOf = Bosdyn_Api_OneOfParam()
      oneOf.key = self.rng.pick(RandomSpecs.keys)
      if self.rng.chance(0.5) {
        oneOf.values[self.rng.pick(RandomSpecs.keys)] = self.wildDict(depth: depth + 1)
      }
      param.oneOfValue = oneOf
    }
    return param
  }
}
