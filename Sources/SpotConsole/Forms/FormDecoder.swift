import BosdynAPI
import Foundation
import ServiceCustomization
import SwiftProtobuf

/// Reads a posted form back into the `DictParam` a Tick carries, guided by the spec the form
/// was built from; text that is not a number (and other things only a form can get wrong)
/// becomes a ``FormIssue`` instead.
///
/// Only what the spec describes is read: unknown fields are ignored, a one-of reads only its
/// chosen child. Whether the values fit the spec is for the spec to say
/// (``/ServiceCustomization/DictSpec/validationIssues(for:)``); ``fieldName(for:)`` then finds
/// the field of each issue.
struct FormDecoder {
  /// The most items a list may post: a form with more was not made by the console's page.
  static let maximumListItems = 1_000

  let form: FormFields
  private(set) var issues: [FormIssue] = []
  /// Each list's item markers in order, by the list's field name: maps a position in the
  /// value back to the form's numbering.
  private(set) var itemMarkers: [String: [String]] = [:]

  init(form: FormFields) {
    self.form = form
  }

  /// The value of the whole form.
  mutating func decode(_ spec: Bosdyn_Api_DictParam.Spec) -> Bosdyn_Api_DictParam {
    self.dict(spec, at: .root)
  }

  /// The field name of the parameter at `path` (a ``ValueIssue``'s path).
  func fieldName(for path: [ValueIssue.PathComponent]) -> String {
    var field = FieldPath.root
    for component in path {
      switch component {
      case .key(let key):
        field = field.appending(key: key)
      case .index(let position):
        let markers = self.itemMarkers[field.encoded] ?? []
        field = field.appending(
          index: markers.indices.contains(position) ? markers[position] : String(position)
        )
      }
    }
    return field.encoded
  }

  private mutating func dict(
    _ spec: Bosdyn_Api_DictParam.Spec,
    at path: FieldPath
  ) -> Bosdyn_Api_DictParam {
    var dict = Bosdyn_Api_DictParam()
    for (key, child) in spec.specs {
      if let value = self.value(child.spec, at: path.appending(key: key)) {
        dict.values[key] = value
      }
    }
    return dict
  }

  private mutating func value(
    _ spec: Bosdyn_Api_CustomParam.Spec,
    at path: FieldPath
  ) -> Bosdyn_Api_CustomParam? {
    let name = path.encoded
    var param = Bosdyn_Api_CustomParam()
    switch spec.spec {
    case .intSpec?:
      guard let text = self.form.value(name) else { return nil }
      guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
        self.issue(
          name,
          text.isEmpty ? "Enter a whole number." : "“\(text)” is not a whole number."
        )
        return nil
      }
      param.intValue.value = number
    case .doubleSpec?:
      guard let text = self.form.value(name) else { return nil }
      guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
        self.issue(name, text.isEmpty ? "Enter a number." : "“\(text)” is not a number.")
        return nil
      }
      param.doubleValue.value = number
    case .stringSpec?:
      guard let text = self.form.value(name) else { return nil }
      param.stringValue.value = text
    case .boolSpec?:
      param.boolValue.value = self.form.value(name) == "true"
    case .dictSpec(let dict)?:
      param.dictValue = self.dict(dict, at: path)
    case .oneOfSpec(let oneOf)?:
      guard let key = self.form.value(name), !key.isEmpty else { return nil }
      var value = Bosdyn_Api_OneOfParam()
      value.key = key
      if let child = oneOf.specs[key] {
        value.values[key] = self.dict(child.spec, at: path.appending(key: key))
      }
      param.oneOfValue = value
    case .listSpec(let list)?:
      guard let value = self.list(list, at: path) else { return nil }
      param.listValue = value
    case .roiSpec(let region)?:
      guard let value = self.region(region, at: path) else { return nil }
      param.roiValue = value
    case nil:
      return nil
    }
    return param
  }

  private mutating func list(
    _ spec: Bosdyn_Api_ListParam.Spec,
    at path: FieldPath
  ) -> Bosdyn_Api_ListParam? {
    guard spec.hasElementSpec else { return nil }
    let markers = self.form.values(path.appending(part: "item").encoded)
    guard markers.count <= Self.maximumListItems,
      markers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else {
      self.issue(path.encoded, "The list's items are malformed: reload the page.")
      return nil
    }
    self.itemMarkers[path.encoded] = markers
    var list = Bosdyn_Api_ListParam()
    for marker in markers {
      let element = self.value(spec.elementSpec, at: path.appending(index: marker))
      // An element that could not be read is reported at its field; a placeholder keeps the
      // positions of the others.
      list.values.append(element ?? Bosdyn_Api_CustomParam())
    }
    return list
  }

  private mutating func region(
    _ spec: Bosdyn_Api_RegionOfInterestParam.Spec,
    at path: FieldPath
  ) -> Bosdyn_Api_RegionOfInterestParam? {
    var region = Bosdyn_Api_RegionOfInterestParam()
    if spec.hasServiceAndSource { region.serviceAndSource = spec.serviceAndSource }
    let shape =
      self.form.value(path.appending(part: "shape").encoded)
      ?? (spec.allowsPolygon && !spec.allowsRectangle ? "polygon" : "rectangle")
    if shape == "polygon" {
      let name = path.appending(part: "polygon").encoded
      let text = self.form.value(name) ?? ""
      var polygon = Bosdyn_Api_PolygonI()
      for pair in text.split(whereSeparator: \.isWhitespace) {
        let numbers = pair.split(separator: ",")
        guard numbers.count == 2, let x = Int32(numbers[0]), let y = Int32(numbers[1]) else {
          self.issue(path.encoded, "Write the polygon's vertices as x,y pairs: 0,0 64,0 32,48.")
          return nil
        }
        polygon.vertices.append(
          .with {
            $0.x = x
            $0.y = y
          }
        )
      }
      region.area.polygon = polygon
      return region
    }
    var rectangle = Bosdyn_Api_RectangleI()
    for part in ["x", "y", "cols", "rows"] {
      let text = self.form.value(path.appending(part: part).encoded) ?? ""
      guard let number = Int32(text.trimmingCharacters(in: .whitespaces)) else {
        self.issue(path.encoded, "The rectangle's \(part) must be a whole number.")
        return nil
      }
      switch part {
      case "x": rectangle.x = number
      case "y": rectangle.y = number
      case "cols": rectangle.cols = number
      default: rectangle.rows = number
      }
    }
    region.area.rectangle = rectangle
    return region
  }

  private mutating func issue(_ field: String, _ message: String) {
    self.issues.append(FormIssue(field: field, message: message))
  }
}
