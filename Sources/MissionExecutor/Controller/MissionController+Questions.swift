public import BosdynAPI
import ServiceCustomization
import Synchronization
import Clocks

extension MissionController {
  /// Answers a question with an option's code (AnswerQuestion).
  ///
  /// - Returns: `STATUS_OK`; `STATUS_INVALID_QUESTION_ID` for a question the mission is not
  ///   asking; `STATUS_ALREADY_ANSWERED`; `STATUS_INVALID_CODE` for a code that is not among the
  ///   question's options; `STATUS_INCOMPATIBLE_ANSWER` when the question wants custom params.
  public func answerQuestion(id: Int64, code: Int64) -> AnswerResult {
    self.answer(id, .code(code))
  }

  /// Answers a question with custom parameter values (AnswerQuestion).
  ///
  /// The values are validated against the question's spec with ServiceCustomization.
  ///
  /// - Returns: `STATUS_OK`; `STATUS_INVALID_QUESTION_ID`; `STATUS_ALREADY_ANSWERED`;
  ///   `STATUS_INCOMPATIBLE_ANSWER` when the question wants an option code;
  ///   `STATUS_CUSTOM_PARAMS_ERROR` with the `CustomParamError` when the values do not fit.
  public func answerQuestion(id: Int64, customParams: Bosdyn_Api_DictParam) -> AnswerResult {
    self.answer(id, .customParams(customParams))
  }

  /// Answers as an AnswerQuestion request says; a request with no answer is incompatible.
  public func answerQuestion(_ request: Bosdyn_Api_Mission_AnswerQuestionRequest) -> AnswerResult {
    switch request.answer {
    case .code(let code): self.answerQuestion(id: request.questionID, code: code)
    case .customParams(let params):
      self.answerQuestion(id: request.questionID, customParams: params)
    case .none:
      self.storage.withLock { storage in
        guard let mission = storage.mission,
          mission.questions.outstanding(request.questionID) != nil
        else { return AnswerResult(status: .invalidQuestionID) }
        return AnswerResult(status: .incompatibleAnswer)
      }
    }
  }

  private func answer(_ id: Int64, _ answer: PromptAnswer) -> AnswerResult {
    let now = self.clock.now
    return self.storage.withLock { storage in
      guard let mission = storage.mission else { return AnswerResult(status: .invalidQuestionID) }
      if mission.questions.isAnswered(id) { return AnswerResult(status: .alreadyAnswered) }
      guard let outstanding = mission.questions.outstanding(id) else {
        return AnswerResult(status: .invalidQuestionID)
      }
      let question = outstanding.question
      switch answer {
      case .code(let code):
        guard !question.hasCustomParams else { return AnswerResult(status: .incompatibleAnswer) }
        guard question.options.contains(where: { $0.answerCode == code }) else {
          return AnswerResult(status: .invalidCode)
        }
      case .customParams(let params):
        guard question.hasCustomParams else { return AnswerResult(status: .incompatibleAnswer) }
        if let error = DictSpec(proto: question.customParams).validationError(for: params) {
          return AnswerResult(status: .customParamsError, customParamError: error)
        }
      }
      mission.questions.recordAnswer(id, answer)
      if let prompt = mission.nodes[outstanding.node] as? PromptExec {
        prompt.answered(answer, mission.context(at: now))
      }
      return AnswerResult(status: .ok)
    }
  }
}

extension MissionController.AnswerResult {
  init(status: Bosdyn_Api_Mission_AnswerQuestionResponse.Status) {
    self.init(status: status, customParamError: nil)
  }
}
