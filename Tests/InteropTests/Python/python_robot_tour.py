"""The official Python SDK against a robot: authenticate, time-sync, list the directory, then
tick a registered remote mission service through the robot's proxy with RemoteClient.
Prints one JSON object; errors are reported as {"error": <Python exception class>}."""

import json
import sys

import bosdyn.client
from bosdyn.api.mission import remote_pb2, util_pb2
from bosdyn.client.directory import DirectoryClient
from bosdyn.client.robot_id import RobotIdClient

from robot_common import connect, robot_arguments


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--service', default='hello-world-callback')
    parser.add_argument('--user-string', default='Python')
    parser.add_argument('--password-only', action='store_true',
                        help='stop after authenticating (for login failure tests)')
    options = parser.parse_args()
    result = {}
    try:
        robot = connect(options, 'PythonRobotTour', remote_services=[options.service])
        result['authenticated'] = True
        if options.password_only:
            print(json.dumps(result))
            return
        robot_id = robot.ensure_client(RobotIdClient.default_service_name).get_id()
        result['serial'] = robot_id.serial_number
        robot.time_sync.wait_for_sync(timeout_sec=10)
        result['time_synced'] = robot.time_sync.has_established_time_sync
        result['skew_seconds'] = robot.time_sync.get_robot_clock_skew().ToNanoseconds() / 1e9
        entries = robot.ensure_client(DirectoryClient.default_service_name).list()
        result['directory'] = sorted(entry.name for entry in entries)
        client = robot.ensure_client(options.service)
        value = util_pb2.KeyValue(
            key='user-string',
            value=util_pb2.Value(constant=util_pb2.ConstantValue(string_value=options.user_string)))
        try:
            session = client.establish_session(leases=[], inputs=[], lease_resources=[])
        except bosdyn.client.UnimplementedError:
            session = None
        response = client.tick(session, leases=[], inputs=[value], lease_resources=[])
        while response.status == remote_pb2.TickResponse.STATUS_RUNNING:
            response = client.tick(session, leases=[], inputs=[value], lease_resources=[])
        result['tick_status'] = remote_pb2.TickResponse.Status.Name(response.status)
    except bosdyn.client.Error as error:
        result['error'] = type(error).__name__
        result['message'] = str(error)
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
