"""The official Python SDK's lease and power helpers against a robot: acquire the body lease
with a keep-alive, power on, safely power off, return the lease. Prints one JSON object."""

import json

import bosdyn.client
from bosdyn.client.lease import LeaseClient, LeaseKeepAlive
from bosdyn.client.power import power_on_motors, safe_power_off_motors
from bosdyn.client.robot_command import RobotCommandClient
from bosdyn.client.robot_state import RobotStateClient

from robot_common import connect, robot_arguments


def main():
    options = robot_arguments(__doc__).parse_args()
    result = {}
    try:
        robot = connect(options, 'PythonPowerCycle')
        robot.time_sync.wait_for_sync(timeout_sec=10)
        lease_client = robot.ensure_client(LeaseClient.default_service_name)
        with LeaseKeepAlive(lease_client, must_acquire=True, return_at_exit=True):
            result['leases'] = [lease.resource for lease in lease_client.list_leases()]
            power_client = robot.ensure_client('power')
            power_on_motors(power_client, timeout_sec=20)
            result['powered_on'] = robot.is_powered_on()
            command_client = robot.ensure_client(RobotCommandClient.default_service_name)
            state_client = robot.ensure_client(RobotStateClient.default_service_name)
            safe_power_off_motors(command_client, state_client, timeout_sec=20)
            result['powered_off'] = not robot.is_powered_on()
        result['returned'] = True
    except bosdyn.client.Error as error:
        result['error'] = type(error).__name__
        result['message'] = str(error)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
