"""A remote mission servicer written with the official Python SDK, hosted with its
GrpcServiceRunner: each session ticks RUNNING twice, then SUCCESS (or FAILURE when the tick's
`outcome` string param says so); unknown sessions get STATUS_INVALID_SESSION_ID.
Prints `PORT <n>` once listening and serves until stdin closes."""

import sys
import threading
import uuid

from bosdyn.api.mission import remote_pb2, remote_service_pb2_grpc
from bosdyn.client.server_util import GrpcServiceRunner, ResponseContext


class CountdownServicer(remote_service_pb2_grpc.RemoteMissionServiceServicer):

    def __init__(self):
        self.lock = threading.Lock()
        self.sessions = {}

    def EstablishSession(self, request, context):
        response = remote_pb2.EstablishSessionResponse()
        with ResponseContext(response, request):
            with self.lock:
                session_id = str(uuid.uuid4())
                self.sessions[session_id] = 3
            response.session_id = session_id
            response.status = remote_pb2.EstablishSessionResponse.STATUS_OK
        return response

    def Tick(self, request, context):
        response = remote_pb2.TickResponse()
        with ResponseContext(response, request):
            with self.lock:
                if request.session_id not in self.sessions:
                    response.status = remote_pb2.TickResponse.STATUS_INVALID_SESSION_ID
                    return response
                self.sessions[request.session_id] -= 1
                left = self.sessions[request.session_id]
            if left > 0:
                response.status = remote_pb2.TickResponse.STATUS_RUNNING
            elif request.params.values["outcome"].string_value.value == "fail":
                response.status = remote_pb2.TickResponse.STATUS_FAILURE
                response.error_message = "asked to fail"
            else:
                response.status = remote_pb2.TickResponse.STATUS_SUCCESS
        return response

    def Stop(self, request, context):
        response = remote_pb2.StopResponse()
        with ResponseContext(response, request):
            with self.lock:
                known = request.session_id in self.sessions
            response.status = (remote_pb2.StopResponse.STATUS_OK
                               if known else remote_pb2.StopResponse.STATUS_INVALID_SESSION_ID)
        return response

    def TeardownSession(self, request, context):
        response = remote_pb2.TeardownSessionResponse()
        with ResponseContext(response, request):
            with self.lock:
                known = self.sessions.pop(request.session_id, None) is not None
            response.status = (remote_pb2.TeardownSessionResponse.STATUS_OK if known else
                               remote_pb2.TeardownSessionResponse.STATUS_INVALID_SESSION_ID)
        return response


def main():
    runner = GrpcServiceRunner(CountdownServicer(),
                               remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server,
                               port=0, force_sigint_capture=False)
    print(f"PORT {runner.port}", flush=True)
    sys.stdin.read()
    runner.stop()


if __name__ == "__main__":
    main()
