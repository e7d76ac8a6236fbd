import BosdynAPI
import SpotSimulator
import Testing
import TestSupport

/// The Python SDK's lease, power and robot command helpers against the simulated services
/// over a plaintext channel (the clients' `.channel` set directly, so no headers or tokens).
@Suite("Python power helpers vs the simulated body")
struct PythonPowerInteropTests {
  static let script = """
    import sys, grpc
    from bosdyn.client.lease import (LeaseClient, LeaseWallet, LeaseKeepAlive, Lease,
        add_lease_wallet_processors, ResourceAlreadyClaimedError, NotActiveLeaseError)
    from bosdyn.client.power import PowerClient, power_on_motors, safe_power_off_motors, is_powered_on
    from bosdyn.client.robot_command import RobotCommandClient, RobotCommandBuilder, blocking_stand
    from bosdyn.client.robot_state import RobotStateClient
    from bosdyn.client.exceptions import LeaseUseError

    channel = grpc.insecure_channel("127.0.0.1:" + sys.argv[1])
    def make(cls, wallet=None, *args):
        client = cls(*args)
        client.channel = channel
        if wallet is not None:
            client.lease_wallet = wallet
            add_lease_wallet_processors(client, wallet)
        return client

    wallet = LeaseWallet()
    wallet.set_client_name("python-interop")
    lease_client = LeaseClient(wallet)
    lease_client.channel = channel
    power = make(PowerClient, wallet)
    command = make(RobotCommandClient, wallet)
    # Without a Robot there is no time sync: stand in an endpoint that only names a clock
    # (none of these commands carries a timestamp to convert).
    from types import SimpleNamespace
    command._timesync_endpoint = SimpleNamespace(clock_identifier="spot-sim")
    state = make(RobotStateClient)

    with LeaseKeepAlive(lease_client, must_acquire=True, return_at_exit=True, rpc_interval_seconds=0.2):
        print("acquired", wallet.get_lease().lease_proto.sequence[:], flush=True)
        other = LeaseClient()
        other.channel = channel
        try:
            other.acquire()
            sys.exit("a second acquire succeeded")
        except ResourceAlreadyClaimedError:
            print("second acquire refused", flush=True)
        power_on_motors(power, timeout_sec=10, update_frequency=20)
        assert is_powered_on(state), "not powered on"
        print("powered on", flush=True)
        blocking_stand(command, timeout_sec=5, update_frequency=20)
        print("standing", flush=True)
        safe_power_off_motors(command, state, timeout_sec=10, update_frequency=20)
        assert not is_powered_on(state), "still powered on"
        print("powered off", flush=True)
    listed = lease_client.list_leases()
    body = [r for r in listed if r.resource == "body"][0]
    assert not body.HasField("lease_owner"), body
    print("returned", flush=True)

    # Another client takes the lease: the first one's commands fail with a lease error.
    first = lease_client.acquire()
    taker = LeaseClient()
    taker.channel = channel
    taken = taker.take()
    try:
        power.power_command(2, lease=first.create_sublease("python-interop").lease_proto)
        sys.exit("a command with a taken lease succeeded")
    except LeaseUseError as error:
        print("taken lease refused", error.lease_use_result.status, flush=True)
    try:
        lease_client.return_lease(first)
        sys.exit("returning a taken lease succeeded")
    except NotActiveLeaseError:
        print("stale return refused", flush=True)
    taker.return_lease(taken)
    print("done", flush=True)
    """

  @Test
  func pythonHelpersPowerOnAndOff() async throws {
    let harness = BodyServiceHarness(transitionTime: .milliseconds(200))
    try await harness.serve { robot in
      let run = try await PythonPeer.run(Self.script, arguments: [String(robot.port)])
      #expect(run.status == 0, "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)")
      for line in [
        "second acquire refused", "powered on", "standing", "powered off", "returned",
        "taken lease refused 3", "stale return refused", "done",
      ] {
        #expect(run.stdout.contains(line), "missing '\(line)' in:\n\(run.stdout)\n\(run.stderr)")
      }
      #expect(harness.body.motorPowerState == .stateOff)
    }
  }
}
