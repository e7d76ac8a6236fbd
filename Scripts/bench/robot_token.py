#!/usr/bin/env python3
"""Logs in to a robot (spot-sim) with the Python SDK and prints the user token, for h2load's
`authorization: Bearer` header; optionally waits until services are in the directory.

  robot_token.py --port SIMPORT --ca CA [--wait-service NAME]... [--timeout 30]

Prints the token alone on stdout (exit 1 with a message on stderr when login fails or a
service does not appear in time).
"""

import argparse
import sys
import time

import bosdyn.client
from bosdyn.client.directory import DirectoryClient


def main(argv=None):
    parser = argparse.ArgumentParser(description='Print a user token of the robot.')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True, help="the robot's TLS port")
    parser.add_argument('--ca', required=True, help='CA certificate file to trust')
    parser.add_argument('--username', default='user')
    parser.add_argument('--password', default='password')
    parser.add_argument('--wait-service', action='append', default=[],
                        help='a directory name that must be listed before printing')
    parser.add_argument('--timeout', type=float, default=30.0, help='seconds to wait')
    options = parser.parse_args(argv)
    try:
        sdk = bosdyn.client.create_standard_sdk('BenchToken')
        sdk.load_robot_cert(options.ca)
        robot = sdk.create_robot(options.host)
        robot.update_secure_channel_port(options.port)
        robot.authenticate(options.username, options.password)
        directory = robot.ensure_client(DirectoryClient.default_service_name)
        deadline = time.monotonic() + options.timeout
        while options.wait_service:
            listed = {entry.name for entry in directory.list()}
            missing = [name for name in options.wait_service if name not in listed]
            if not missing:
                break
            if time.monotonic() > deadline:
                raise RuntimeError('not in the directory after {} s: {}'.format(
                    options.timeout, ', '.join(missing)))
            time.sleep(0.1)
    except Exception as error:  # one line and a non-zero exit
        print('error: {}: {}'.format(type(error).__name__, error), file=sys.stderr)
        return 1
    print(robot.user_token)
    return 0


if __name__ == '__main__':
    sys.exit(main())
