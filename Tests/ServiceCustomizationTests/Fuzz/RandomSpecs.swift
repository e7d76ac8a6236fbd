import BosdynAPI
import ServiceCustomization
import SwiftProtobuf

/// Random specs of every parameter type and nesting, mostly valid, sometimes not (bounds
/// crossed, defaults out of range, dangling default keys, negative list bounds, specs with
/// nothing set).
struct RandomSpecs {
  var rng: SplitMix64
  /// Container levels below the top dict.
  var maxDepth = 4
  /// How often a choice goes the invalid way.
  var defectRate = 0.04

  static let keys = [
    "alpha", "beta", "gamma", "speed", "name", "mode", "count", "enabled", "target", "area",
    "items", "choice", "x", "y", "", "with space", "ünïcödé", "dot.key", "[k]", "日本",
    "a param has error: b",
  ]
  static let strings = [
    "World", "Spot", "a", "b", "", "it's", "say \"hi\"", "back\\slash", "line\nbreak", "ünï",
    "emoji 🙂", "ctl\u{01}char", "zero\u{200b}width", "a.[b]", "x param has error: y",
  ]

  mutating func dictSpec(depth: Int = 0) -> Bosdyn_Api_DictParam.Spec {
    var spec = Bosdyn_Api_DictParam.Spec()
    spec.isHiddenByDefault = self.rng.chance(0.2)
    for _ in 0..<self.rng.int(0...(depth == 0 ? 6 : 4)) {
      var child = Bosdyn_Api_DictParam.ChildSpec()
      child.spec = self.customSpec(depth: depth)
      if self.rng.chance(0.5) {
        child.uiInfo.displayName = self.rng.pick(Self.strings)
        child.uiInfo.displayOrder = Int64(self.rng.int(0...9))
      }
      spec.specs[self.rng.pick(Self.keys)] = child
    }
    return spec
  }

  mutating func customSpec(depth: Int) -> Bosdyn_Api_CustomParam.Spec {
    var spec = Bosdyn_Api_CustomParam.Spec()
    if self.rng.chance(self.defectRate / 4) { return spec }  // nothing set
    let containers = depth < self.maxDepth
    switch self.rng.int(0...(containers ? 7 : 4)) {
    case 0: spec.intSpec = self.intSpec()
    case 1: spec.doubleSpec = self.doubleSpec()
    case 2: spec.stringSpec = self.stringSpec()
    case 3: spec.boolSpec = self.boolSpec()
    case 4: spec.roiSpec = self.roiSpec()
    case 5: spec.dictSpec = self.dictSpec(depth: depth + 1)
    case 6: spec.listSpec = self.listSpec(depth: depth + 1)
    default: spec.oneOfSpec = self.oneOfSpec(depth: depth + 1)
    }
    return spec
  }

  private mutating func bounds<T>(_ make: (inout SplitMix64) -> T) -> (T?, T?, T?) {
    let low = self.rng.chance(0.5) ? make(&self.rng) : nil
    let high = self.rng.chance(0.5) ? make(&self.rng) : nil
    let defaultValue = self.rng.chance(0.6) ? make(&self.rng) : nil
    return (low, high, defaultValue)
  }

  mutating func intSpec() -> Bosdyn_Api_Int64Param.Spec {
    var spec = Bosdyn_Api_Int64Param.Spec()
    var (low, high, defaultValue) = self.bounds { Int64.random(in: -100...100, using: &$0) }
    if !self.rng.chance(self.defectRate) {
      if let l = low, let h = high, l > h { (low, high) = (h, l) }
      if let d = defaultValue {
        defaultValue = Swift.min(Swift.max(d, low ?? d), high ?? d)
      }
    }
    if let low { spec.minValue.value = low }
    if let high { spec.maxValue.value = high }
    if let defaultValue { spec.defaultValue.value = defaultValue }
    if self.rng.chance(0.2) { spec.units.name = "m" }
    return spec
  }

  mutating func doubleSpec() -> Bosdyn_Api_DoubleParam.Spec {
    var spec = Bosdyn_Api_DoubleParam.Spec()
    var (low, high, defaultValue) = self.bounds { rng -> Double in
      rng.chance(0.05)
        ? rng.pick([.nan, .infinity, -.infinity, -0.0, 1e300])
        : Double(
          Int.random(in: -1000...1000, using: &rng)
        ) / 8
    }
    if !self.rng.chance(self.defectRate) {
      if let l = low, let h = high, l > h { (low, high) = (h, l) }
      if let d = defaultValue { defaultValue = Swift.min(Swift.max(d, low ?? d), high ?? d) }
    }
    if let low { spec.minValue.value = low }
    if let high { spec.maxValue.value = high }
    if let defaultValue { spec.defaultValue.value = defaultValue }
    return spec
  }

  mutating func stringSpec() -> Bosdyn_Api_StringParam.Spec {
    var spec = Bosdyn_Api_StringParam.Spec()
    spec.options = (0..<self.rng.int(0...4)).map { _ in self.rng.pick(Self.strings) }
    spec.editable = self.rng.chance(0.4)
    spec.isMultiline = self.rng.chance(0.1)
    if self.rng.chance(0.6) {
      spec.defaultValue =
        !spec.options.isEmpty && !self.rng.chance(self.defectRate)
        ? self.rng.pick(spec.options) : self.rng.pick(Self.strings)
    }
    return spec
  }

  mutating func boolSpec() -> Bosdyn_Api_BoolParam.Spec {
    var spec = Bosdyn_Api_BoolParam.Spec()
    if self.rng.chance(0.5) { spec.defaultValue.value = self.rng.chance(0.5) }
    return spec
  }

  mutating func roiSpec() -> Bosdyn_Api_RegionOfInterestParam.Spec {
    var spec = Bosdyn_Api_RegionOfInterestParam.Spec()
    spec.allowsRectangle = self.rng.chance(0.6)
    spec.allowsPolygon = self.rng.chance(0.5)
    if self.rng.chance(0.5) {
      spec.serviceAndSource.service = "image"
      spec.serviceAndSource.source = self.rng.pick(["frontleft_fisheye_image", "hand_color_image"])
    }
    if self.rng.chance(0.5) {
      let rectangle =
        self.rng.chance(self.defectRate)
        || (spec.allowsRectangle && (!spec.allowsPolygon || self.rng.chance(0.5)))
      if rectangle {
        spec.defaultArea = .rectangle(x: 1, y: 2, cols: 30, rows: 20)
      } else if spec.allowsPolygon || self.rng.chance(self.defectRate) {
        spec.defaultArea = .polygon([(0, 0), (10, 0), (5, 8)])
      }
    }
    return spec
  }

  mutating func listSpec(depth: Int) -> Bosdyn_Api_ListParam.Spec {
    var spec = Bosdyn_Api_ListParam.Spec()
    if !self.rng.chance(self.defectRate / 2) { spec.elementSpec = self.customSpec(depth: depth) }
    var low = self.rng.chance(0.5) ? Int64(self.rng.int(0...3)) : nil
    var high = self.rng.chance(0.5) ? Int64(self.rng.int(0...6)) : nil
    if self.rng.chance(self.defectRate) {
      if low != nil { low = -1 } else { high = -2 }
    } else if let l = low, let h = high, l > h {
      (low, high) = (h, l)
    }
    if let low { spec.minNumberOfValues.value = low }
    if let high { spec.maxNumberOfValues.value = high }
    return spec
  }

  mutating func oneOfSpec(depth: Int) -> Bosdyn_Api_OneOfParam.Spec {
    var spec = Bosdyn_Api_OneOfParam.Spec()
    for _ in 0..<self.rng.int(0...3) {
      var child = Bosdyn_Api_OneOfParam.ChildSpec()
      child.spec = self.dictSpec(depth: depth)
      spec.specs[self.rng.pick(Self.keys)] = child
    }
    if self.rng.chance(self.defectRate) {
      spec.defaultKey = "no such key"
    } else if !spec.specs.isEmpty, self.rng.chance(0.6) {
      spec.defaultKey = self.rng.pick(spec.specs.keys.sorted())
    }
    return spec
  }
}

extension Bosdyn_Api_DictParam.Spec {
  /// Whether coercion can always make a value valid: every list with a minimum has an element
  /// type with a default (a one-of without default key has none, so such a list stays short).
  var coercionCanReachEveryMinimum: Bool {
    self.specs.values.allSatisfy { $0.spec.coercionCanReachEveryMinimum }
  }
}

extension Bosdyn_Api_CustomParam.Spec {
  var coercionCanReachEveryMinimum: Bool {
    switch self.spec {
    case .dictSpec(let dict)?: return dict.coercionCanReachEveryMinimum
    case .oneOfSpec(let oneOf)?:
      return oneOf.specs.values.allSatisfy { $0.spec.coercionCanReachEveryMinimum }
    case .listSpec(let list)?:
      let element = list.elementSpec
      // Such elements cannot be added, and those of another type are dropped.
      if list.minNumberOfValues.value > 0, case .oneOfSpec(let oneOf)? = element.spec,
        oneOf.specs[oneOf.defaultKey] == nil
      {
        return false
      }
      return element.coercionCanReachEveryMinimum
    default: return true
    }
  }
}
