import BosdynAPI
import ServiceCustomization
import SwiftProtobuf

extension FormRenderer {
  /// A list: its items, each with a Remove button, and an Add button; the page keeps the count
  /// within the spec's bounds. New items come from a template whose positions are a
  /// placeholder per list depth (`@__NEW0__`), which the page replaces with a fresh number.
  func listField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_ListParam.Spec,
    value: Bosdyn_Api_ListParam?
  ) -> HTML {
    guard spec.hasElementSpec, spec.elementSpec.spec != nil else {
      return """
        <div class="field unsupported" data-field="\(info.path.encoded)">\
        <p class="label">\(info.label) <code class="key">\(info.key)</code></p>\
        <p class="note">The callback's spec gives this list no element type; it is not sent.</p>\
        </div>
        """
    }
    let minCount = spec.hasMinNumberOfValues ? spec.minNumberOfValues.value : nil
    let maxCount = spec.hasMaxNumberOfValues ? spec.maxNumberOfValues.value : nil
    let elements = value?.values ?? []
    let items = elements.enumerated().map { position, element in
      self.listItem(
        info,
        spec: spec.elementSpec,
        value: element,
        index: String(position),
        position: position
      )
    }
    let placeholder = "__NEW\(info.path.listDepth)__"
    let template = self.listItem(
      info,
      spec: spec.elementSpec,
      value: Self.defaultElement(spec.elementSpec),
      index: placeholder,
      position: nil
    )
    var bounds: HTML = ""
    if let minCount { bounds += " data-min-count=\"\(minCount)\"" }
    if let maxCount { bounds += " data-max-count=\"\(maxCount)\"" }
    let hint = Self.countHint(min: minCount, max: maxCount)
    return """
      <fieldset class="field list" data-field="\(info.path.encoded)" data-kind="list" \
      data-placeholder="@\(placeholder)" data-next="\(elements.count)"\(bounds)\
      \(info.describedBy(hint: hint != nil))>
      <legend>\(info.label) <code class="key">\(info.key)</code></legend>
      \(info.help)\(info.hint(hint))<ol class="items" data-items>\(HTML(items))</ol>
      <button type="button" class="button small" data-add>Add item \
      <span class="visually-hidden">to \(info.label)</span></button>
      <template data-template>\(template)</template>
      \(info.errorSlot)
      </fieldset>
      """
  }

  private func listItem(
    _ info: FieldInfo,
    spec: Bosdyn_Api_CustomParam.Spec,
    value: Bosdyn_Api_CustomParam?,
    index: String,
    position: Int?
  ) -> HTML {
    let itemPath = info.path.appending(index: index)
    let marker = info.path.appending(part: "item")
    let label = position.map { "Item \($0 + 1)" } ?? "New item"
    let element = self.field(
      FieldInfo(
        path: itemPath,
        key: "",
        label: label,
        description: "",
        errors: self.issues[itemPath.encoded] ?? []
      ),
      spec: spec,
      value: value
    )
    return """
      <li class="item" data-item><input type="hidden" name="\(marker.encoded)" value="\(index)">\
      \(element)<button type="button" class="button subtle small" data-remove>Remove \
      <span class="visually-hidden" data-item-name>\(label)</span></button></li>
      """
  }

  /// The value a new list element starts with.
  static func defaultElement(_ spec: Bosdyn_Api_CustomParam.Spec) -> Bosdyn_Api_CustomParam? {
    // DictSpec.defaultValue knows every type's default; ask it for a one-parameter dict.
    var wrapper = Bosdyn_Api_DictParam.Spec()
    var child = Bosdyn_Api_DictParam.ChildSpec()
    child.spec = spec
    wrapper.specs["element"] = child
    return DictSpec(proto: wrapper).defaultValue.values["element"]
  }

  /// "1 to 5 items", "At least 1 item", …
  static func countHint(min: Int64?, max: Int64?) -> String? {
    func items(_ count: Int64) -> String { count == 1 ? "1 item" : "\(count) items" }
    switch (min, max) {
    case (let min?, let max?): return "\(min) to \(items(max))"
    case (let min?, nil): return "At least \(items(min))"
    case (nil, let max?): return "At most \(items(max))"
    case (nil, nil): return nil
    }
  }
}
