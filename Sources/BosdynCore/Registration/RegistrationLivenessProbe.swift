/// The call a directory registration keep-alive makes, through the robot, to find out whether
/// the service behind an existing directory entry still runs, and which server answers it.
///
/// A keep-alive that finds its name taken asks the entry's authority for this method of the
/// entry's service type. No service implements it, so any running service answers
/// `UNIMPLEMENTED`; a dead one leaves the robot unable to connect. Servers of this SDK
/// (`RemoteMissionServer`) do answer it, with their ``serverInstanceMetadataKey`` in the
/// response metadata: a restarted service on the same host and port then recognises that the
/// entry's address is its own (the robot refreshes an identical entry on each register
/// attempt, so the entry always looks alive) and takes the entry over instead of refusing it.
public enum RegistrationLivenessProbe {
  /// The method name, called on the entry's service type.
  public static let method = "DirectoryRegistrationLivenessProbe"

  /// The response metadata key carrying the answering server's instance id.
  public static let serverInstanceMetadataKey = "x-bosdyn-server-instance"
}
