/// The user whose token the current call carries, for the services that record who did
/// something (the lease service names the owner's user, as the robot's ListLeases does).
///
/// The ``BearerTokenInterceptor`` sets it around each call it let through; calls without a
/// token (the robot's own in-process calls, the exempt services) see `nil`.
enum AuthenticatedUser {
  /// The user name, or `nil` when the call carried no token.
  @TaskLocal static var name: String?
}
