#!/usr/bin/env python3
"""Sequential tick loop with the Python SDK's RemoteClient through a robot (the document's
`robot` mode): the Python side of `remote-mission-client bench-ticks --robot`.

  python_robot_ticks.py --port SIMPORT --ca CA [--service hello-world-callback] [--count 2000]
                        [--relay-port PORT]

Logs in, registers RemoteClient for the directory name (as remote_mission_client.py does),
gets it with robot.ensure_client (which looks up the authority in the directory) and ticks
session "" with leases=[] and lease_resources=[] (no lease wallet involved), one call after the
other through the robot's TLS proxy, requiring STATUS_SUCCESS.

With --relay-port, the same client (same TLS name, same token, same call credentials) sends
its ticks to another TLS relay on that port instead, such as nghttpx in front of the same
service: what the Python client pays for TLS and its token on every call, whatever the proxy.

Prints one line:

  ticks_per_second=<float> p50_ms=<float> p90_ms=<float> p99_ms=<float>
"""

import argparse
import math
import sys
import time

import bosdyn.client
import bosdyn.mission.remote_client
from bosdyn.api.mission import remote_pb2


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float('nan')
    return sorted_values[max(1, math.ceil(fraction * len(sorted_values))) - 1]


def main(argv=None):
    parser = argparse.ArgumentParser(description='Sequential RemoteClient ticks via a robot.')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True, help="the robot's TLS port")
    parser.add_argument('--ca', required=True, help='CA certificate file to trust')
    parser.add_argument('--username', default='user')
    parser.add_argument('--password', default='password')
    parser.add_argument('--service', default='hello-world-callback')
    parser.add_argument('--count', type=int, default=2000)
    parser.add_argument('--warmup', type=int, default=200)
    parser.add_argument('--timeout', type=float, default=5.0, help='per-call deadline, seconds')
    parser.add_argument('--relay-port', type=int,
                        help='tick through this TLS port instead of the robot\'s (after logging '
                        'in and looking the service up through the robot)')
    options = parser.parse_args(argv)

    def make_robot(client_name, port):
        """A Robot of its own SDK (an SDK keeps one robot per address) on the TLS port."""
        sdk = bosdyn.client.create_standard_sdk(client_name)
        sdk.register_service_client(bosdyn.mission.remote_client.RemoteClient,
                                    service_name=options.service)
        sdk.load_robot_cert(options.ca)
        robot = sdk.create_robot(options.host)
        robot.update_secure_channel_port(port)
        return robot

    success = remote_pb2.TickResponse.STATUS_SUCCESS
    try:
        robot = make_robot('BenchRobotTicks', options.port)
        robot.authenticate(options.username, options.password)
        client = robot.ensure_client(options.service)
        if options.relay_port is not None:
            # The same certificate and token; the secure channel goes to the relay's port,
            # with the authority the directory gave the service as TLS name and :authority.
            authority = robot.authorities_by_name[options.service]
            relay = make_robot('BenchRobotTicksRelay', options.relay_port)
            relay.update_user_token(robot.user_token)
            client = relay.ensure_client(options.service,
                                         channel=relay.ensure_secure_channel(authority))

        def tick():
            return client.tick('', leases=[], inputs=[], lease_resources=[],
                               timeout=options.timeout)

        for _ in range(options.warmup):
            tick()
        latencies = []
        clock = time.perf_counter
        start = clock()
        for _ in range(options.count):
            before = clock()
            response = tick()
            latencies.append(clock() - before)
            if response.status != success:
                raise RuntimeError('tick answered {}'.format(
                    remote_pb2.TickResponse.Status.Name(response.status)))
        elapsed = clock() - start
    except Exception as error:  # report any failure as one line and a non-zero exit
        print('error: {}: {}'.format(type(error).__name__, error), file=sys.stderr)
        return 1

    latencies.sort()
    print('ticks_per_second={:.1f} p50_ms={:.3f} p90_ms={:.3f} p99_ms={:.3f}'.format(
        options.count / elapsed, percentile(latencies, 0.50) * 1e3,
        percentile(latencies, 0.90) * 1e3, percentile(latencies, 0.99) * 1e3))
    return 0


if __name__ == '__main__':
    sys.exit(main())
