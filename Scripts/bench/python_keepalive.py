#!/usr/bin/env python3
"""The Python side of `remote-mission-client bench-keepalive`: COUNT
DirectoryRegistrationKeepAlive objects in this one process, sharing the robot's directory
registration client, each keeping its own name and authority (`<prefix>-<i>`,
`<prefix>-<i>.spot.robot`) registered at --host-ip/--service-port, every --interval seconds.

  python_keepalive.py --port SIMPORT --ca CA [--count 100] [--seconds 20] [--interval 1]

After --seconds it stops the keep-alives, checks how many are listed in the directory,
unregisters them and prints one line:

  keepalives=<n> listed=<n> interval_s=<float> seconds=<float> cpu_s=<float> reregistrations=<n>

cpu_s is this process's user + system CPU for its whole life (start-up included);
reregistrations counts the keep-alive threads' periodic register calls (not the initial ones).
The benchmark script measures both processes' CPU itself over a window inside the run.
"""

import argparse
import resource
import sys
import threading
import time

import bosdyn.client
from bosdyn.client.directory import DirectoryClient
from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
                                                  DirectoryRegistrationKeepAlive)

SERVICE_TYPE = 'bosdyn.api.mission.RemoteMissionService'


def main(argv=None):
    parser = argparse.ArgumentParser(description='Many DirectoryRegistrationKeepAlives.')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True, help="the robot's TLS port")
    parser.add_argument('--ca', required=True, help='CA certificate file to trust')
    parser.add_argument('--username', default='user')
    parser.add_argument('--password', default='password')
    parser.add_argument('--count', type=int, default=100)
    parser.add_argument('--seconds', type=float, default=20.0)
    parser.add_argument('--interval', type=float, default=1.0)
    parser.add_argument('--host-ip', default='127.0.0.1', help='where the entries point')
    parser.add_argument('--service-port', type=int, default=50051)
    parser.add_argument('--name-prefix', default='bench-keepalive')
    options = parser.parse_args(argv)

    sdk = bosdyn.client.create_standard_sdk('BenchKeepAlive')
    sdk.load_robot_cert(options.ca)
    robot = sdk.create_robot(options.host)
    robot.update_secure_channel_port(options.port)
    robot.authenticate(options.username, options.password)
    registrations = robot.ensure_client(DirectoryRegistrationClient.default_service_name)

    # Count the periodic calls: the keep-alive threads call register() on the shared client.
    calls = {'n': 0}
    lock = threading.Lock()
    register = registrations.register

    def counting_register(*args, **kwargs):
        with lock:
            calls['n'] += 1
        return register(*args, **kwargs)

    names = ['{}-{}'.format(options.name_prefix, i) for i in range(options.count)]
    keepalives = []
    for name in names:
        keepalive = DirectoryRegistrationKeepAlive(registrations,
                                                   rpc_interval_seconds=options.interval)
        keepalive.start(name, SERVICE_TYPE, name + '.spot.robot', options.host_ip,
                        options.service_port)
        keepalives.append(keepalive)
    with lock:
        calls['n'] = 0
    registrations.register = counting_register
    time.sleep(options.seconds)
    for keepalive in keepalives:
        keepalive.shutdown()
    listed_names = {entry.name for entry in
                    robot.ensure_client(DirectoryClient.default_service_name).list()}
    listed = sum(1 for name in names if name in listed_names)
    for keepalive in keepalives:
        try:
            keepalive.unregister()
        except bosdyn.client.Error:
            pass
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print('keepalives={} listed={} interval_s={:.3f} seconds={:.3f} cpu_s={:.3f} '
          'reregistrations={}'.format(options.count, listed, options.interval, options.seconds,
                                      usage.ru_utime + usage.ru_stime, calls['n']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
