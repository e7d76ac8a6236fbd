"""A Python remote mission servicer (the countdown servicer of python_servicer.py) hosted with
GrpcServiceRunner and registered in a robot's directory with the official
DirectoryRegistrationKeepAlive. Prints `REGISTERED <name>` once registered and serves until
stdin closes, then unregisters."""

import sys

from bosdyn.api.mission import remote_service_pb2_grpc
from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
                                                  DirectoryRegistrationKeepAlive)
from bosdyn.client.server_util import GrpcServiceRunner

from python_servicer import CountdownServicer
from robot_common import connect, robot_arguments


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--name', default='python-countdown')
    parser.add_argument('--authority', default='python-countdown')
    options = parser.parse_args()
    robot = connect(options, 'PythonRegisteredServicer')
    runner = GrpcServiceRunner(CountdownServicer(),
                               remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server,
                               0)
    registration = robot.ensure_client(DirectoryRegistrationClient.default_service_name)
    keep_alive = DirectoryRegistrationKeepAlive(registration, rpc_interval_seconds=1)
    keep_alive.start(options.name, 'bosdyn.api.mission.RemoteMissionService', options.authority,
                     '127.0.0.1', runner.port)
    with keep_alive:
        print('REGISTERED {}'.format(options.name))
        sys.stdout.flush()
        sys.stdin.read()
    runner.stop()


if __name__ == '__main__':
    main()
