public import BosdynAPI
import BosdynCore
import Logging
import Synchronization
import SwiftProtobuf

extension ServiceRegistry {
  /// What a registration change did, in the terms the directory registration service answers.
  public enum Outcome: Sendable, Equatable {
    /// Done.
    case ok
    /// Refused because the name, or the (authority, type) pair, is taken; the message names
    /// the service that holds it. `STATUS_ALREADY_EXISTS`.
    case alreadyExists(String)
    /// No registered service has that name. `STATUS_NONEXISTENT_SERVICE`.
    case nonexistent(String)
    /// The request itself is wrong, or touches one of the robot's own services. A header
    /// `CODE_INVALID_REQUEST` with the message.
    case invalidRequest(String)
  }

  /// Registers a service at `endpoint`.
  ///
  /// Registering an existing name again changes nothing and returns ``Outcome/alreadyExists(_:)``,
  /// as on the robot; when the request repeats the stored registration exactly (a keep-alive's
  /// periodic re-registration) it still counts as a heartbeat for liveness.
  ///
  /// - Parameters:
  ///   - entry: Name, type, authority (a bare label is expanded), token requirement and
  ///     liveness timeout.
  ///   - endpoint: Where the proxy forwards calls to.
  public func register(_ entry: Bosdyn_Api_ServiceEntry, endpoint: Bosdyn_Api_Endpoint)
    -> Outcome
  {
    self.change(
      entry,
      endpoint: endpoint,
      robotService: { .alreadyExists("'\($0)' is one of the robot's own services") },
      recovery: "re-registered"
    ) { candidate, now, state in
      let name = candidate.entry.name
      if var existing = state.registrations[name] {
        guard Self.sameRegistration(existing, candidate) else {
          return (
            .alreadyExists(
              "a service named '\(name)' is already registered (\(existing.entry.type) at "
                + "\(existing.entry.authority)); use UpdateService to change it"
            ),
            false
          )
        }
        let recovered = existing.unhealthySince != nil
        existing.lastHeartbeat = now
        existing.unhealthySince = nil
        existing.entry.lastUpdate = Google_Protobuf_Timestamp(date: self.clock.wallNow)
        state.registrations[name] = existing
        return (.alreadyExists("'\(name)' is already registered"), recovered)
      }
      if let conflict = Self.conflict(with: candidate, in: state) {
        return (
          .alreadyExists("\(conflict); register '\(name)' with an authority of its own"),
          false
        )
      }
      self.store(candidate, at: now, in: &state)
      return (.ok, false)
    }
  }

  /// Replaces a registered service's entry and endpoint; counts as a heartbeat.
  ///
  /// - Parameters:
  ///   - entry: The new entry; its name selects the service.
  ///   - endpoint: The new endpoint.
  public func update(_ entry: Bosdyn_Api_ServiceEntry, endpoint: Bosdyn_Api_Endpoint) -> Outcome {
    self.change(
      entry,
      endpoint: endpoint,
      robotService: {
        .invalidRequest("'\($0)' is one of the robot's own services and cannot be changed")
      },
      recovery: "updated its registration"
    ) { candidate, now, state in
      let name = candidate.entry.name
      guard let existing = state.registrations[name] else {
        return (.nonexistent("no service named '\(name)' is registered"), false)
      }
      if let conflict = Self.conflict(with: candidate, in: state) {
        return (.invalidRequest(conflict), false)
      }
      self.store(candidate, at: now, in: &state)
      return (.ok, existing.unhealthySince != nil)
    }
  }

  /// Removes a registered service.
  ///
  /// - Parameter name: The service's name.
  public func unregister(name: String) -> Outcome {
    if self.robotEntriesByName[name] != nil {
      return .invalidRequest("'\(name)' is one of the robot's own services and cannot be removed")
    }
    return self.state.withLock { state in
      guard state.registrations.removeValue(forKey: name) != nil else {
        return .nonexistent("no service named '\(name)' is registered")
      }
      return .ok
    }
  }

  // MARK: - Helpers

  struct Problem: Error {
    var message: String
  }

  /// A request's entry and endpoint as they would be stored.
  typealias Candidate = (entry: Bosdyn_Api_ServiceEntry, endpoint: Bosdyn_Api_Endpoint)

  /// What register and update share around their own rules: the request is validated, the
  /// robot's own services are refused with `robotService(name)`, `apply` runs under the lock
  /// and says whether an unhealthy service came back, which is logged as `Service <name>
  /// <recovery>: healthy again`.
  private func change(
    _ entry: Bosdyn_Api_ServiceEntry,
    endpoint: Bosdyn_Api_Endpoint,
    robotService: (String) -> Outcome,
    recovery: String,
    _ apply: (Candidate, RobotClock.Instant, inout State) -> (Outcome, recovered: Bool)
  ) -> Outcome {
    let candidate: Candidate
    switch self.validated(entry, endpoint: endpoint) {
    case .failure(let problem): return .invalidRequest(problem.message)
    case .success(let valid): candidate = valid
    }
    let name = candidate.entry.name
    if self.robotEntriesByName[name] != nil {
      return robotService(name)
    }
    let now = self.clock.now
    let (outcome, recovered) = self.state.withLock { apply(candidate, now, &$0) }
    if recovered {
      self.logger.info("Service \(name) \(recovery): healthy again")
    }
    return outcome
  }

  /// Stores `candidate` as a healthy registration whose heartbeat is `now`.
  private func store(
    _ candidate: Candidate,
    at now: RobotClock.Instant,
    in state: inout State
  ) {
    var stored = candidate.entry
    stored.lastUpdate = Google_Protobuf_Timestamp(date: self.clock.wallTime(at: now))
    state.registrations[candidate.entry.name] = Registration(
      entry: stored,
      endpoint: candidate.endpoint,
      lastHeartbeat: now,
      unhealthySince: nil
    )
  }

  /// Why `candidate` cannot have its (authority, type) pair: another registered service serves
  /// it. `nil` when the pair is free.
  private static func conflict(with candidate: Candidate, in state: State) -> String? {
    guard
      let holder = Self.holder(
        of: candidate.entry.authority,
        type: candidate.entry.type,
        except: candidate.entry.name,
        in: state
      )
    else {
      return nil
    }
    return "service '\(holder)' already serves \(candidate.entry.type) at authority "
      + "\(candidate.entry.authority)"
  }

  /// Why `text` cannot be a directory field: longer than `limit` UTF-8 bytes, or holding
  /// control, format or other invisible characters, which would let a registrant rewrite a
  /// terminal or forge log lines wherever the directory is listed. `nil` when it is fine.
  /// The robot's own limits are not documented; these are generous for real names.
  static func problem(withText text: String, field: String, limit: Int) -> String? {
    if text.utf8.count > limit {
      return "\(field) is \(text.utf8.count) bytes long; at most \(limit) are accepted"
    }
    let invisible = text.unicodeScalars.contains { scalar in
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate,
        .unassigned:
        true
      default: false
      }
    }
    if invisible {
      return "\(field) '\(text.escapedForDisplay)' holds control or invisible characters"
    }
    return nil
  }

  /// Checks a request's entry and endpoint and returns them as stored: authority canonical,
  /// only the fields a client may set.
  private func validated(_ entry: Bosdyn_Api_ServiceEntry, endpoint: Bosdyn_Api_Endpoint)
    -> Result<Candidate, Problem>
  {
    guard !entry.name.isEmpty else {
      return .failure(Problem(message: "service_entry.name is empty"))
    }
    if let problem = Self.problem(withText: entry.name, field: "service_entry.name", limit: 128) {
      return .failure(Problem(message: problem))
    }
    guard !entry.type.isEmpty else {
      return .failure(Problem(message: "service_entry.type of '\(entry.name)' is empty"))
    }
    if let problem = Self.problem(withText: entry.type, field: "service_entry.type", limit: 256) {
      return .failure(Problem(message: problem))
    }
    let authority = Self.canonicalAuthority(entry.authority)
    guard !authority.isEmpty else {
      return .failure(Problem(message: "service_entry.authority of '\(entry.name)' is empty"))
    }
    if let problem = Self.problem(withAuthority: authority) {
      return .failure(Problem(message: problem))
    }
    if self.robotAuthorities.contains(authority) {
      return .failure(
        Problem(
          message: "authority \(authority) belongs to the robot's own services; "
            + "register '\(entry.name)' with an authority of its own"
        )
      )
    }
    guard entry.livenessTimeoutSecs.isFinite, entry.livenessTimeoutSecs >= 0 else {
      return .failure(
        Problem(message: "liveness_timeout_secs of '\(entry.name)' must be 0 or positive")
      )
    }
    guard !endpoint.hostIp.isEmpty else {
      return .failure(Problem(message: "endpoint.host_ip of '\(entry.name)' is empty"))
    }
    if let problem = Self.problem(withText: endpoint.hostIp, field: "endpoint.host_ip", limit: 253)
    {
      return .failure(Problem(message: problem))
    }
    // The robot dials host_ip without a name lookup: a host name or a malformed address
    // (999.1.1.1) would only fail later, at every call the robot proxies.
    guard IPAddressLiteral.isValid(endpoint.hostIp) else {
      return .failure(
        Problem(
          message: "endpoint.host_ip '\(endpoint.hostIp)' of '\(entry.name)' is not an IPv4 or "
            + "IPv6 address"
        )
      )
    }
    // Choice: a robot that dialled 0.0.0.0 or :: would reach itself, never the service (on
    // loopback the simulator would happen to reach it, hiding the mistake until a real robot);
    // broadcast and multicast addresses take no TCP connection.
    if let kind = IPAddressLiteral.undialableKind(endpoint.hostIp) {
      return .failure(
        Problem(
          message: "endpoint.host_ip '\(endpoint.hostIp)' of '\(entry.name)' is \(kind); "
            + "register the address the robot can reach"
        )
      )
    }
    guard (1...65535).contains(endpoint.port) else {
      return .failure(
        Problem(message: "endpoint.port \(endpoint.port) of '\(entry.name)' is not 1-65535")
      )
    }
    var stored = Bosdyn_Api_ServiceEntry()
    stored.name = entry.name
    stored.type = entry.type
    stored.authority = authority
    stored.userTokenRequired = entry.userTokenRequired
    stored.livenessTimeoutSecs = entry.livenessTimeoutSecs
    stored.permissionRequired = entry.permissionRequired
    stored.hostPayloadGuid = entry.hostPayloadGuid
    var storedEndpoint = Bosdyn_Api_Endpoint()
    storedEndpoint.hostIp = endpoint.hostIp
    storedEndpoint.port = endpoint.port
    return .success((stored, storedEndpoint))
  }

  /// Whether a repeated registration is the same service announcing itself again.
  private static func sameRegistration(
    _ existing: Registration,
    _ candidate: Candidate
  ) -> Bool {
    var stored = existing.entry
    stored.clearLastUpdate()
    return stored == candidate.entry && existing.endpoint == candidate.endpoint
  }

  /// The name of another registered service with the same authority and type, if any.
  private static func holder(
    of authority: String,
    type: String,
    except name: String,
    in state: State
  ) -> String? {
    state.registrations.values.first(where: {
      $0.entry.name != name && $0.entry.authority == authority && $0.entry.type == type
    })?.entry.name
  }
}
