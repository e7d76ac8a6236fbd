"""Remote mission servicers written with the official Python SDK, each hosted with
GrpcServiceRunner and registered in a robot's directory with DirectoryRegistrationKeepAlive,
for the Autowalk tests: they record every call as a JSON line on stdout (with a sequence number
shared by all of them, so the order across services shows) and answer Ticks as told.

    --service NAME:BEHAVIOR   (repeat)   BEHAVIOR is one of
        succeed     SUCCESS at every Tick
        fail        FAILURE at every Tick
        failN       FAILURE for the first N Ticks, then SUCCESS (e.g. fail2)
        dieK        the whole process exits at the K-th Tick of this service (e.g. die2)

Each service advertises the parameters threshold (int), label (string) and strict (bool).
Prints `READY` once every service is registered; serves until stdin closes."""

import json
import os
import sys
import threading
import uuid

from bosdyn.api import service_customization_pb2
from bosdyn.api.mission import remote_pb2, remote_service_pb2_grpc
from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
                                                  DirectoryRegistrationKeepAlive)
from bosdyn.client.server_util import GrpcServiceRunner, ResponseContext

from robot_common import connect, robot_arguments

LOCK = threading.Lock()
SEQUENCE = [0]


def emit(event):
    with LOCK:
        SEQUENCE[0] += 1
        event['seq'] = SEQUENCE[0]
        sys.stdout.write(json.dumps(event) + '\n')
        sys.stdout.flush()


def param_value(param):
    which = param.WhichOneof('value')
    if which == 'int_value':
        return param.int_value.value
    if which == 'double_value':
        return param.double_value.value
    if which == 'string_value':
        return param.string_value.value
    if which == 'bool_value':
        return param.bool_value.value
    return which


class RecordingServicer(remote_service_pb2_grpc.RemoteMissionServiceServicer):

    def __init__(self, name, behavior):
        self.name = name
        self.behavior = behavior
        self.ticks = 0

    def EstablishSession(self, request, context):
        response = remote_pb2.EstablishSessionResponse()
        with ResponseContext(response, request):
            response.session_id = str(uuid.uuid4())
            response.status = remote_pb2.EstablishSessionResponse.STATUS_OK
            emit({'event': 'establish', 'service': self.name})
        return response

    def Tick(self, request, context):
        response = remote_pb2.TickResponse()
        with ResponseContext(response, request):
            with LOCK:
                self.ticks += 1
                count = self.ticks
            inputs = {kv.key: kv.value.constant.string_value for kv in request.inputs}
            status = self.status(count)
            emit({
                'event': 'tick',
                'service': self.name,
                'user_string': inputs.get('user-string', ''),
                'params': {k: param_value(v) for k, v in request.params.values.items()},
                'group_name': request.group_name,
                'leases': [lease.resource for lease in request.leases],
                'status': status,
            })
            if status == 'die':
                os._exit(3)
            if status == 'fail':
                response.status = remote_pb2.TickResponse.STATUS_FAILURE
                response.error_message = 'asked to fail'
            else:
                response.status = remote_pb2.TickResponse.STATUS_SUCCESS
        return response

    def status(self, count):
        if self.behavior == 'succeed':
            return 'succeed'
        if self.behavior == 'fail':
            return 'fail'
        if self.behavior.startswith('fail'):
            return 'fail' if count <= int(self.behavior[4:]) else 'succeed'
        if self.behavior.startswith('die'):
            return 'die' if count >= int(self.behavior[3:]) else 'succeed'
        raise ValueError(self.behavior)

    def Stop(self, request, context):
        response = remote_pb2.StopResponse()
        with ResponseContext(response, request):
            response.status = remote_pb2.StopResponse.STATUS_OK
        return response

    def TeardownSession(self, request, context):
        response = remote_pb2.TeardownSessionResponse()
        with ResponseContext(response, request):
            response.status = remote_pb2.TeardownSessionResponse.STATUS_OK
        return response

    def GetRemoteMissionServiceInfo(self, request, context):
        response = remote_pb2.GetRemoteMissionServiceInfoResponse()
        with ResponseContext(response, request):
            specs = response.custom_params.specs
            specs['threshold'].spec.int_spec.SetInParent()
            specs['label'].spec.string_spec.SetInParent()
            specs['strict'].spec.bool_spec.SetInParent()
        return response


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--service', action='append', default=[])
    options = parser.parse_args()
    robot = connect(options, 'WalkServicers')
    registration = robot.ensure_client(DirectoryRegistrationClient.default_service_name)
    runners = []
    keep_alives = []
    for spec in options.service:
        name, behavior = spec.split(':')
        runner = GrpcServiceRunner(RecordingServicer(name, behavior),
                                   remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server,
                                   port=0, force_sigint_capture=False)
        keep_alive = DirectoryRegistrationKeepAlive(registration, rpc_interval_seconds=1)
        keep_alive.start(name, 'bosdyn.api.mission.RemoteMissionService', name, '127.0.0.1',
                         runner.port)
        runners.append(runner)
        keep_alives.append(keep_alive)
    print('READY', flush=True)
    sys.stdin.read()
    for keep_alive in keep_alives:
        keep_alive.shutdown()
    for runner in runners:
        runner.stop()


if __name__ == '__main__':
    main()
