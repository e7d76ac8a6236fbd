public import GRPCRelay

extension RobotProxy.Configuration {
  /// A relay configuration presenting the simulator's server certificate.
  public init(certificates: SimulatorCertificates, host: String = "127.0.0.1", port: Int = 0) {
    self.init(
      certificateChain: certificates.serverCertificateChain,
      privateKey: certificates.serverPrivateKey,
      host: host,
      port: port
    )
  }
}
