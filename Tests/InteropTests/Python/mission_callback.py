"""A remote mission servicer written with the official Python SDK, hosted with GrpcServiceRunner
and registered in a robot's directory with DirectoryRegistrationClient, that records every call
it receives: the callback a robot's mission calls, seen from the callback's side.

Each call is printed as one line `CALL <json>` (rpc, session id, leases, inputs, params, group
name, the status answered, the wall time), so a test can check the order and content of what
the mission service sent. Tick answers RUNNING `ticks` times per session, then SUCCESS; `ticks`
comes from the tick's `ticks` int param, else --running-ticks (-1: RUNNING for ever). With
--hang, Tick never answers. An unknown session gets STATUS_INVALID_SESSION_ID, as after a
restart.

Prints `PORT <n>`, then `REGISTERED <name>` (unless --no-register: a restarted servicer on the
same port finds its entry still there), and serves until stdin closes."""

import json
import sys
import threading
import time
import uuid

from bosdyn.api.mission import remote_pb2, remote_service_pb2_grpc
from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
                                                  ServiceAlreadyExistsError)
from bosdyn.client.server_util import GrpcServiceRunner, ResponseContext
from google.protobuf import json_format

from robot_common import connect, robot_arguments

SERVICE_TYPE = 'bosdyn.api.mission.RemoteMissionService'


def lease_record(lease):
    return {
        'resource': lease.resource,
        'epoch': lease.epoch,
        'sequence': list(lease.sequence),
        'client_names': list(lease.client_names),
    }


class RecordingServicer(remote_service_pb2_grpc.RemoteMissionServiceServicer):

    def __init__(self, running_ticks, hang):
        self.running_ticks = running_ticks
        self.hang = hang
        self.lock = threading.Lock()
        self.sessions = {}
        self.released = threading.Event()

    def record(self, rpc, request, status, **extra):
        line = {
            'rpc': rpc,
            'session_id': getattr(request, 'session_id', ''),
            'client_name': request.header.client_name,
            'leases': [lease_record(lease) for lease in getattr(request, 'leases', [])],
            'status': status,
            'time': time.time(),
        }
        line.update(extra)
        with self.lock:
            print('CALL ' + json.dumps(line), flush=True)

    def EstablishSession(self, request, context):
        response = remote_pb2.EstablishSessionResponse()
        with ResponseContext(response, request):
            session_id = str(uuid.uuid4())
            with self.lock:
                self.sessions[session_id] = 0
            response.session_id = session_id
            response.status = remote_pb2.EstablishSessionResponse.STATUS_OK
        self.record('EstablishSession', request, 'STATUS_OK', new_session_id=session_id,
                    inputs=[{
                        'name': declaration.name,
                        'type': declaration.type
                    } for declaration in request.inputs])
        return response

    def Tick(self, request, context):
        if self.hang:
            self.record('Tick', request, 'HANGING')
            self.released.wait()
            context.abort(14, 'the servicer is shutting down')
        response = remote_pb2.TickResponse()
        with ResponseContext(response, request):
            ticks = self.running_ticks
            if 'ticks' in request.params.values:
                ticks = request.params.values['ticks'].int_value.value
            with self.lock:
                known = request.session_id in self.sessions
                if known:
                    self.sessions[request.session_id] += 1
                    count = self.sessions[request.session_id]
            if not known:
                response.status = remote_pb2.TickResponse.STATUS_INVALID_SESSION_ID
            elif ticks < 0 or count <= ticks:
                response.status = remote_pb2.TickResponse.STATUS_RUNNING
            else:
                response.status = remote_pb2.TickResponse.STATUS_SUCCESS
        self.record('Tick', request, remote_pb2.TickResponse.Status.Name(response.status),
                    inputs={
                        kv.key: json_format.MessageToDict(kv.value.constant)
                        for kv in request.inputs
                    }, params=json_format.MessageToDict(request.params),
                    group_name=request.group_name)
        return response

    def Stop(self, request, context):
        response = remote_pb2.StopResponse()
        with ResponseContext(response, request):
            with self.lock:
                known = request.session_id in self.sessions
                if known:
                    self.sessions[request.session_id] = 0
            response.status = (remote_pb2.StopResponse.STATUS_OK
                               if known else remote_pb2.StopResponse.STATUS_INVALID_SESSION_ID)
        self.record('Stop', request, remote_pb2.StopResponse.Status.Name(response.status))
        return response

    def TeardownSession(self, request, context):
        response = remote_pb2.TeardownSessionResponse()
        with ResponseContext(response, request):
            with self.lock:
                known = self.sessions.pop(request.session_id, None) is not None
            response.status = (remote_pb2.TeardownSessionResponse.STATUS_OK if known else
                               remote_pb2.TeardownSessionResponse.STATUS_INVALID_SESSION_ID)
        self.record('TeardownSession', request,
                    remote_pb2.TeardownSessionResponse.Status.Name(response.status))
        return response


def register(options, port):
    """Registers the servicer (or updates the entry a killed predecessor left)."""
    robot = connect(options, 'PythonMissionCallback')
    registration = robot.ensure_client(DirectoryRegistrationClient.default_service_name)
    try:
        registration.register(options.name, SERVICE_TYPE, options.name, '127.0.0.1', port)
    except ServiceAlreadyExistsError:
        registration.update(options.name, SERVICE_TYPE, options.name, '127.0.0.1', port)


def main():
    parser = robot_arguments(__doc__)
    parser.add_argument('--name', default='python-recorder')
    parser.add_argument('--listen-port', type=int, default=0)
    parser.add_argument('--running-ticks', type=int, default=2)
    parser.add_argument('--hang', action='store_true')
    parser.add_argument('--no-register', action='store_true')
    options = parser.parse_args()
    servicer = RecordingServicer(options.running_ticks, options.hang)
    runner = GrpcServiceRunner(servicer,
                               remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server,
                               port=options.listen_port, force_sigint_capture=False)
    print('PORT {}'.format(runner.port), flush=True)
    if not options.no_register:
        register(options, runner.port)
        print('REGISTERED {}'.format(options.name), flush=True)
    sys.stdin.read()
    servicer.released.set()
    runner.stop()


if __name__ == '__main__':
    main()
