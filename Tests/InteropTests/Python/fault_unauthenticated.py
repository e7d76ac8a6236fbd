"""A fault peer: the official Python SDK lists the robot's directory without logging in, or
with a user token given on the command line (expired, or signed by another robot), and prints
one JSON object naming the exception class it raised: {"error": <class>, "message": <text>}."""

import json
import sys

import bosdyn.client
from bosdyn.client.directory import DirectoryClient

from robot_common import robot_arguments


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--token', help='a user token to send instead of logging in')
    options = parser.parse_args()
    result = {}
    try:
        sdk = bosdyn.client.create_standard_sdk('PythonFaultUnauthenticated')
        sdk.load_robot_cert(options.ca)
        robot = sdk.create_robot(options.host)
        robot.update_secure_channel_port(options.port)
        if options.token:
            robot.update_user_token(options.token)
        entries = robot.ensure_client(DirectoryClient.default_service_name).list()
        result['directory'] = sorted(entry.name for entry in entries)
    except bosdyn.client.Error as error:
        result['error'] = type(error).__name__
        result['message'] = str(error)
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
