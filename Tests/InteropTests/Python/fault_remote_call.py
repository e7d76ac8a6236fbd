"""A fault peer: the official Python SDK calls a remote mission service through the robot's
proxy at an authority given on the command line (one nobody registered, or one registered at a
closed port), through a Robot channel as Robot.ensure_client would make it, and prints one JSON
object naming the exception class the SDK raised: {"error": <class>, "message": <text>}."""

import json
import sys

import bosdyn.client
from bosdyn.mission.remote_client import RemoteClient

from robot_common import connect, robot_arguments


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--authority', required=True,
                        help='the :authority to call, such as nobody.spot.robot')
    options = parser.parse_args()
    result = {}
    try:
        robot = connect(options, 'PythonFaultRemoteCall')
        client = RemoteClient()
        client.channel = robot.ensure_secure_channel(options.authority)
        client.update_from(robot)
        client.get_service_info(timeout=5)
        result['called'] = True
    except bosdyn.client.Error as error:
        result['error'] = type(error).__name__
        result['message'] = str(error)
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
