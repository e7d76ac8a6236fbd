import BosdynAPI

extension FormRenderer {
  /// A region of interest: the console has no camera, so it shows the area (the default, or
  /// the value) drawn on a frame, with its image source, and lets the operator type a
  /// rectangle's corners or a polygon's vertices, whichever shapes the spec allows.
  func regionField(
    _ info: FieldInfo,
    spec: Bosdyn_Api_RegionOfInterestParam.Spec,
    value: Bosdyn_Api_RegionOfInterestParam?
  ) -> HTML {
    let area = value?.area ?? spec.defaultArea
    let isPolygon: Bool
    switch area.geometry {
    case .polygon?: isPolygon = true
    case .rectangle?: isPolygon = false
    case nil: isPolygon = !spec.allowsRectangle && spec.allowsPolygon
    }
    let source =
      spec.hasServiceAndSource
      ? "\(spec.serviceAndSource.service) / \(spec.serviceAndSource.source)" : "No image source"
    var controls: [HTML] = []
    if spec.allowsRectangle && spec.allowsPolygon {
      controls.append(self.shapePicker(info, polygon: isPolygon))
    }
    // With both shapes allowed, only the chosen shape's inputs show (the page switches).
    let both = spec.allowsRectangle && spec.allowsPolygon
    if spec.allowsRectangle || !spec.allowsPolygon {
      let rectangle = isPolygon ? Bosdyn_Api_RectangleI() : area.rectangle
      let hidden: HTML = both && isPolygon ? " hidden" : ""
      controls.append(
        "<div data-shape=\"rectangle\"\(hidden)>\(self.rectangleInputs(info, rectangle: rectangle))</div>"
      )
    }
    if spec.allowsPolygon {
      let vertices =
        isPolygon ? area.polygon.vertices.map { "\($0.x),\($0.y)" }.joined(separator: " ") : ""
      let polygonID = info.inputID + "/@polygon"
      let hidden: HTML = both && !isPolygon ? " hidden" : ""
      controls.append(
        """
        <div class="input-row polygon-row" data-shape="polygon"\(hidden)><label for="\(polygonID)">Polygon vertices \
        <span class="muted">(x,y x,y …)</span></label><input type="text" id="\(polygonID)" \
        name="\(info.path.appending(part: "polygon").encoded)" value="\(vertices)" \
        data-region-part="polygon"></div>
        """
      )
    }
    let defaultText = spec.hasDefaultArea ? Self.describe(spec.defaultArea) : "none"
    return """
      <fieldset class="field region" data-field="\(info.path.encoded)" data-kind="roi"\
      \(info.describedBy(hint: true))>
      <legend>\(info.label) <code class="key">\(info.key)</code></legend>
      \(info.help)<div class="region-layout">\(Self.preview(area))<div class="region-controls">\
      \(HTML(controls))</div></div>
      \(info.hint("Image: \(source) · default area: \(defaultText)"))\(info.errorSlot)
      </fieldset>
      """
  }

  private func shapePicker(_ info: FieldInfo, polygon: Bool) -> HTML {
    let name = info.path.appending(part: "shape").encoded
    let rectangleID = info.inputID + "/@shape-rectangle"
    let polygonID = info.inputID + "/@shape-polygon"
    let rectangleChecked: HTML = polygon ? "" : " checked"
    let polygonChecked: HTML = polygon ? " checked" : ""
    return """
      <div class="segmented" role="group" aria-label="Shape"><label class="segment" \
      for="\(rectangleID)"><input type="radio" id="\(rectangleID)" name="\(name)" \
      value="rectangle"\(rectangleChecked)><span>Rectangle</span></label><label class="segment" \
      for="\(polygonID)"><input type="radio" id="\(polygonID)" name="\(name)" \
      value="polygon"\(polygonChecked)><span>Polygon</span></label></div>
      """
  }

  private func rectangleInputs(_ info: FieldInfo, rectangle: Bosdyn_Api_RectangleI) -> HTML {
    let parts: [(part: String, label: String, value: Int32)] = [
      ("x", "Left (x)", rectangle.x), ("y", "Top (y)", rectangle.y),
      ("cols", "Width (columns)", rectangle.cols), ("rows", "Height (rows)", rectangle.rows),
    ]
    let inputs = parts.map { part -> HTML in
      let id = info.inputID + "/@" + part.part
      return """
        <div class="mini-field"><label for="\(id)">\(part.label)</label><input type="number" \
        id="\(id)" name="\(info.path.appending(part: part.part).encoded)" value="\(part.value)" \
        step="1" min="0" data-region-part="\(part.part)" inputmode="numeric"></div>
        """
    }
    return "<div class=\"rectangle-inputs\">\(HTML(inputs))</div>"
  }

  /// The area drawn in a frame a quarter larger than it (the image's size is unknown).
  static func preview(_ area: Bosdyn_Api_AreaI) -> HTML {
    var maxX: Int32 = 64
    var maxY: Int32 = 48
    var shape: HTML = ""
    switch area.geometry {
    case .rectangle(let rectangle)?:
      maxX = max(maxX, rectangle.x &+ rectangle.cols)
      maxY = max(maxY, rectangle.y &+ rectangle.rows)
      shape = """
        <rect class="region-area" x="\(rectangle.x)" y="\(rectangle.y)" \
        width="\(max(0, rectangle.cols))" height="\(max(0, rectangle.rows))"></rect>
        """
    case .polygon(let polygon)?:
      for vertex in polygon.vertices {
        maxX = max(maxX, vertex.x)
        maxY = max(maxY, vertex.y)
      }
      let points = polygon.vertices.map { "\($0.x),\($0.y)" }.joined(separator: " ")
      shape = "<polygon class=\"region-area\" points=\"\(points)\"></polygon>"
    case nil:
      break
    }
    let width = Int64(maxX) * 5 / 4
    let height = Int64(maxY) * 5 / 4
    return """
      <svg class="region-preview" viewBox="0 0 \(width) \(height)" role="img" \
      aria-label="Area: \(Self.describe(area))" preserveAspectRatio="xMidYMid meet">\
      <rect class="region-frame" x="0" y="0" width="\(width)" height="\(height)"></rect>\
      \(shape)</svg>
      """
  }

  /// "rectangle 64 × 48 at (10, 20)", "polygon of 4 vertices", "none".
  static func describe(_ area: Bosdyn_Api_AreaI) -> String {
    switch area.geometry {
    case .rectangle(let rectangle)?:
      "rectangle \(rectangle.cols) × \(rectangle.rows) at (\(rectangle.x), \(rectangle.y))"
    case .polygon(let polygon)?:
      "polygon of \(polygon.vertices.count) vertices"
    case nil:
      "none"
    }
  }
}
