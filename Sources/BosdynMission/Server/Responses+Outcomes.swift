public import BosdynAPI

// Shorthands for the answers servicers give most, so a Tick reads `return .running()`.

extension Bosdyn_Api_Mission_TickResponse {
  /// `STATUS_SUCCESS`: the work is done.
  public static func success() -> Self {
    var response = Self()
    response.status = .success
    return response
  }

  /// `STATUS_RUNNING`: tick again later.
  public static func running() -> Self {
    var response = Self()
    response.status = .running
    return response
  }

  /// `STATUS_FAILURE` with a message for the operator.
  public static func failure(_ message: String) -> Self {
    var response = Self()
    response.status = .failure
    response.errorMessage = message
    return response
  }

  /// `STATUS_INVALID_SESSION_ID`: the session is unknown (never established, torn down or
  /// evicted).
  public static func invalidSessionID() -> Self {
    var response = Self()
    response.status = .invalidSessionID
    return response
  }

  /// `STATUS_MISSING_LEASES` naming the resources whose leases were not given.
  public static func missingLeases(_ resources: [String]) -> Self {
    var response = Self()
    response.status = .missingLeases
    response.missingLeaseResources = resources
    return response
  }

  /// `STATUS_CUSTOM_PARAMS_ERROR` carrying why the parameters were refused.
  public static func customParamsError(_ error: Bosdyn_Api_CustomParamError) -> Self {
    var response = Self()
    response.status = .customParamsError
    response.customParamError = error
    return response
  }
}

extension Bosdyn_Api_Mission_EstablishSessionResponse {
  /// `STATUS_OK` with the id of the new session.
  public static func ok(sessionID: String) -> Self {
    var response = Self()
    response.status = .ok
    response.sessionID = sessionID
    return response
  }
}

extension Bosdyn_Api_Mission_StopResponse {
  /// `STATUS_OK`.
  public static var ok: Self {
    var response = Self()
    response.status = .ok
    return response
  }

  /// `STATUS_INVALID_SESSION_ID`.
  public static var invalidSessionID: Self {
    var response = Self()
    response.status = .invalidSessionID
    return response
  }
}

extension Bosdyn_Api_Mission_TeardownSessionResponse {
  /// `STATUS_OK`.
  public static var ok: Self {
    var response = Self()
    response.status = .ok
    return response
  }

  /// `STATUS_INVALID_SESSION_ID`.
  public static var invalidSessionID: Self {
    var response = Self()
    response.status = .invalidSessionID
    return response
  }
}
