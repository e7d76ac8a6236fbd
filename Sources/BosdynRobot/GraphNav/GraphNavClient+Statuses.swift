import BosdynAPI
import BosdynCore
import GRPCCore
import SwiftProtobuf

/// Each GraphNav status enum mapped to the ``BosdynCore/ClientError`` codes, exhaustively, as
/// the Python client maps them to its exceptions.
extension GraphNavClient {
  func check(
    _ status: Bosdyn_Api_GraphNav_SetLocalizationResponse.Status,
    _ response: Bosdyn_Api_GraphNav_SetLocalizationResponse,
    _ method: MethodDescriptor
  ) throws {
    let code: ClientError.Code
    switch status {
    case .ok: return
    case .noMapLoaded: code = .noMapLoaded
    case .unknownWaypoint: code = .unknownWaypoint
    case .robotImpaired: code = .robotImpaired
    case .aborted, .failed, .fiducialTooFarAway, .fiducialTooOld, .noMatchingFiducial,
      .fiducialPoseUncertain, .visualAlignmentFailed:
      code = .localizationFailed
    case .incompatibleSensors: code = .responseError
    case .unknown: code = .unsetStatus
    case .UNRECOGNIZED: code = .unexpectedStatus
    }
    throw self.failure(code, "localization refused: \(protoName(status))", response, method)
  }

  func check(
    _ status: Bosdyn_Api_GraphNav_NavigateToResponse.Status,
    _ response: Bosdyn_Api_GraphNav_NavigateToResponse,
    _ method: MethodDescriptor
  ) throws {
    let code: ClientError.Code
    switch status {
    case .ok: return
    case .noTimesync: code = .timeSyncNotEstablished
    case .expired: code = .commandExpired
    case .tooDistant: code = .tooDistant
    case .robotImpaired: code = .robotImpaired
    case .unknownWaypoint: code = .unknownWaypoint
    case .noPath: code = .noPath
    case .lost: code = .robotLost
    case .notLocalizedToMap: code = .notLocalized
    case .stuck: code = .robotStuck
    case .unrecognizedCommand: code = .unrecognizedCommand
    case .recording, .featureDesert, .couldNotUpdateRoute, .areaCallbackError:
      code = .responseError
    case .unknown: code = .unsetStatus
    case .UNRECOGNIZED: code = .unexpectedStatus
    }
    let waypoints =
      response.errorWaypointIds.isEmpty
      ? "" : " (\(response.errorWaypointIds.joined(separator: ", ")))"
    throw self.failure(
      code,
      "navigation refused: \(protoName(status))\(waypoints)",
      response,
      method
    )
  }

  func check(
    _ status: Bosdyn_Api_GraphNav_NavigateRouteResponse.Status,
    _ response: Bosdyn_Api_GraphNav_NavigateRouteResponse,
    _ method: MethodDescriptor
  ) throws {
    let code: ClientError.Code
    switch status {
    case .ok: return
    case .noTimesync: code = .timeSyncNotEstablished
    case .expired: code = .commandExpired
    case .tooDistant: code = .tooDistant
    case .robotImpaired: code = .robotImpaired
    case .unknownRouteElements: code = .unknownRouteElements
    case .invalidEdge: code = .invalidEdge
    case .noPath: code = .noPath
    case .lost: code = .robotLost
    case .notLocalizedToRoute, .notLocalizedToMap: code = .notLocalized
    case .stuck: code = .robotStuck
    case .unrecognizedCommand: code = .unrecognizedCommand
    case .recording, .constraintFault, .featureDesert, .couldNotUpdateRoute, .areaCallbackError:
      code = .responseError
    case .unknown: code = .unsetStatus
    case .UNRECOGNIZED: code = .unexpectedStatus
    }
    throw self.failure(code, "navigation refused: \(protoName(status))", response, method)
  }
}
