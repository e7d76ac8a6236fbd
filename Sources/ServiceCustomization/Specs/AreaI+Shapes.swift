public import BosdynAPI
import SwiftProtobuf

extension Bosdyn_Api_AreaI {
  /// A rectangle in image pixels, for a region of interest's default area.
  ///
  /// - Parameters:
  ///   - x: The left column.
  ///   - y: The top row.
  ///   - cols: The width.
  ///   - rows: The height.
  public static func rectangle(x: Int32, y: Int32, cols: Int32, rows: Int32) -> Self {
    var area = Self()
    area.rectangle = .with {
      $0.x = x
      $0.y = y
      $0.cols = cols
      $0.rows = rows
    }
    return area
  }

  /// A polygon through `vertices` in image pixels, for a region of interest's default area.
  public static func polygon(_ vertices: [(x: Int32, y: Int32)]) -> Self {
    var area = Self()
    area.polygon = .with {
      $0.vertices = vertices.map { vertex in
        .with {
          $0.x = vertex.x
          $0.y = vertex.y
        }
      }
    }
    return area
  }
}
