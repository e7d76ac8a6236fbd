"""Shared by the robot-mode peer scripts: connect the official Python SDK to a robot (the
Swift simulated Spot in the tests) the way a user would, with the robot's CA, port and
credentials given on the command line."""

import argparse

import bosdyn.client
import bosdyn.mission.remote_client


def robot_arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True, help='the robot\'s TLS port')
    parser.add_argument('--ca', required=True, help='CA certificate file to trust')
    parser.add_argument('--username', default='user')
    parser.add_argument('--password', default='password')
    return parser


def connect(options, client_name, remote_services=(), service_clients=()):
    """An authenticated bosdyn.client Robot. `remote_services` are directory names to register
    the RemoteClient for, as the document's remote_mission_client.py does; `service_clients` are
    client classes the standard SDK lacks (MissionClient), as Boston Dynamics' examples pass to
    create_standard_sdk."""
    sdk = bosdyn.client.create_standard_sdk(client_name, list(service_clients))
    for name in remote_services:
        sdk.register_service_client(bosdyn.mission.remote_client.RemoteClient, service_name=name)
    sdk.load_robot_cert(options.ca)
    robot = sdk.create_robot(options.host)
    robot.update_secure_channel_port(options.port)
    robot.authenticate(options.username, options.password)
    return robot
