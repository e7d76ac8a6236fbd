import BosdynAPI
import ServiceCustomization

extension FormRenderer {
  /// A group of parameters: a titled section, or a collapsed one (behind a toggle) when the
  /// spec hides it by default.
  func dictField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_DictParam.Spec,
    value: Bosdyn_Api_DictParam?
  ) -> HTML {
    let children = HTML(self.children(of: spec, values: value, at: info.path))
    return self.group(info, hiddenByDefault: spec.isHiddenByDefault, count: spec.specs.count) {
      children
    }
  }

  /// A choice between groups: radio buttons (keyboard: arrows), and under them the chosen
  /// group's fields; the others are hidden until chosen. Without a default choice the
  /// parameter starts "Not set" and is not sent.
  func oneOfField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_OneOfParam.Spec,
    value: Bosdyn_Api_OneOfParam?
  ) -> HTML {
    let choices = FieldLabel.ordered(spec.specs, info: { $0.hasUiInfo ? $0.uiInfo : nil })
    let chosen: String
    if let key = value?.key, spec.specs[key] != nil {
      chosen = key
    } else if value == nil, spec.specs[spec.defaultKey] != nil {
      chosen = spec.defaultKey
    } else {
      chosen = ""
    }
    var radios: [HTML] = []
    if spec.specs[spec.defaultKey] == nil {
      radios.append(self.radio(info, value: "", label: "Not set", checked: chosen.isEmpty))
    }
    var panels: [HTML] = []
    for (key, child) in choices {
      let label = FieldLabel.text(
        key: key,
        info: child.hasUiInfo ? child.uiInfo : nil,
        parentKey: info.key
      )
      radios.append(self.radio(info, value: key, label: label, checked: key == chosen))
      let path = info.path.appending(key: key)
      let childValues = key == chosen ? value?.values[key] : nil
      let defaults = DictSpec(proto: child.spec).defaultValue
      let fields = self.children(of: child.spec, values: childValues ?? defaults, at: path)
      let description: HTML =
        child.hasUiInfo && !child.uiInfo.description_p.isEmpty
        ? "<p class=\"help\">\(child.uiInfo.description_p)</p>" : ""
      guard !fields.isEmpty || !description.isEmpty else { continue }
      var content = HTML(fields)
      if child.spec.isHiddenByDefault, !fields.isEmpty {
        let open: HTML = self.hasIssues(under: path) ? " open" : ""
        content = """
          <details class="more"\(open)><summary>More settings for \(label) \
          <span class="muted">(\(fields.count))</span></summary>\(content)</details>
          """
      }
      let hidden: HTML = key == chosen ? "" : " hidden"
      panels.append(
        """
        <div class="choice-panel" data-choice-of="\(info.path.encoded)" data-choice="\(key)"\
        \(hidden)>\(description)\(content)</div>
        """
      )
    }
    return """
      <fieldset class="field choice" data-field="\(info.path.encoded)" data-kind="one-of"\
      \(info.describedBy(hint: false))>
      <legend>\(info.label) <code class="key">\(info.key)</code></legend>
      \(info.help)<div class="segmented">\(HTML(radios))</div>
      \(HTML(panels))\(info.errorSlot)
      </fieldset>
      """
  }

  private func radio(_ info: FieldInfo, value: String, label: String, checked: Bool) -> HTML {
    let id = info.inputID + "--" + (value.isEmpty ? "@unset" : URLPath.encodeSegment(value))
    let checkedHTML: HTML = checked ? " checked" : ""
    return """
      <label class="segment" for="\(id)"><input type="radio" id="\(id)" \
      name="\(info.path.encoded)" value="\(value)"\(checkedHTML)><span>\(label)</span></label>
      """
  }

  /// Whether a field below `path` has an error to show: its collapsed group then opens.
  func hasIssues(under path: FieldPath) -> Bool {
    let prefix = path.encoded + "/"
    return self.issues.contains { $0.key.hasPrefix(prefix) && !$0.value.isEmpty }
  }

  /// A titled group, collapsed behind a toggle when `hiddenByDefault` (open when a field in it
  /// has an error).
  func group(
    _ info: FieldInfo,
    hiddenByDefault: Bool,
    count: Int,
    content: () -> HTML
  ) -> HTML {
    if hiddenByDefault {
      let open: HTML = self.hasIssues(under: info.path) ? " open" : ""
      return """
        <details class="field group" data-field="\(info.path.encoded)" data-kind="dict"\(open)>
        <summary>\(info.label) <span class="muted">(\(count) \(count == 1 ? "setting" : "settings"))\
        </span> <code class="key">\(info.key)</code></summary>
        \(info.help)\(content())\(info.errorSlot)
        </details>
        """
    }
    return """
      <fieldset class="field group" data-field="\(info.path.encoded)" data-kind="dict">
      <legend>\(info.label) <code class="key">\(info.key)</code></legend>
      \(info.help)\(content())\(info.errorSlot)
      </fieldset>
      """
  }
}
