public import BosdynAPI
import SwiftProtobuf

extension MissionController {
  /// The outcome of ``MissionController/load(_:leases:groupName:)``, as LoadMission answers.
  public struct LoadResult: Sendable {
    /// `STATUS_OK`, `STATUS_COMPILE_ERROR` (the tree is malformed) or `STATUS_VALIDATE_ERROR`
    /// (a service could not be reached or refused its session).
    public var status: Bosdyn_Api_Mission_LoadMissionResponse.Status
    /// The loaded mission's info, when the load succeeded.
    public var missionInfo: Bosdyn_Api_Mission_MissionInfo?
    /// The nodes that failed compilation or validation.
    public var failedNodes: [Bosdyn_Api_Mission_FailedNode]

    /// The LoadMission response body (the header is the gRPC shell's).
    public var response: Bosdyn_Api_Mission_LoadMissionResponse {
      var response = Bosdyn_Api_Mission_LoadMissionResponse()
      response.status = self.status
      if let info = self.missionInfo { response.missionInfo = info }
      response.failedNodes = self.failedNodes
      return response
    }
  }

  /// The outcome of ``MissionController/answerQuestion(id:code:)`` and
  /// ``MissionController/answerQuestion(id:customParams:)``.
  public struct AnswerResult: Sendable, Equatable {
    /// The AnswerQuestion status.
    public var status: Bosdyn_Api_Mission_AnswerQuestionResponse.Status
    /// Why the custom params were refused, with `STATUS_CUSTOM_PARAMS_ERROR`.
    public var customParamError: Bosdyn_Api_CustomParamError?

    /// The AnswerQuestion response body.
    public var response: Bosdyn_Api_Mission_AnswerQuestionResponse {
      var response = Bosdyn_Api_Mission_AnswerQuestionResponse()
      response.status = self.status
      if let error = self.customParamError { response.customParamError = error }
      return response
    }
  }

  /// Which ticks of node states ``MissionController/state(_:)`` returns, as GetState's
  /// `history_upper_tick_bound` / `history_lower_tick_bound` / `history_past_ticks` ask.
  public struct StateQuery: Sendable, Equatable {
    /// The lower bound of the history.
    public enum LowerBound: Sendable, Equatable {
      /// The oldest tick to include.
      case tick(Int64)
      /// How many ticks before the upper bound to include.
      case pastTicks(Int64)
    }

    /// The newest tick to include; `nil` for the latest.
    public var upperTick: Int64?
    /// The oldest tick to include; `nil` for only the upper one.
    public var lowerBound: LowerBound?

    /// A query; the default asks for the latest tick only.
    public init(upperTick: Int64? = nil, lowerBound: LowerBound? = nil) {
      self.upperTick = upperTick
      self.lowerBound = lowerBound
    }

    /// The query a GetState request makes.
    public init(_ request: Bosdyn_Api_Mission_GetStateRequest) {
      self.upperTick = request.hasHistoryUpperTickBound ? request.historyUpperTickBound.value : nil
      switch request.lowerBound {
      case .historyLowerTickBound(let tick): self.lowerBound = .tick(tick)
      case .historyPastTicks(let count): self.lowerBound = .pastTicks(count)
      case .none: self.lowerBound = nil
      }
    }
  }
}
