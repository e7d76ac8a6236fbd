"""Drives a remote mission service with the official Python RemoteClient, the way the
document's `local` mode does (a bare insecure channel, so no request headers), and prints
what it saw as JSON. Exits non-zero on any exception."""

import json
import sys

import grpc
from bosdyn.api import service_customization_pb2
from bosdyn.api.mission import remote_pb2, util_pb2
from bosdyn.mission.remote_client import RemoteClient


def main(host, port, who):
    client = RemoteClient()
    client.channel = grpc.insecure_channel(f"{host}:{port}")
    result = {}
    info = client.get_service_info()
    result["spec_keys"] = sorted(info.custom_params.specs.keys())
    session_id = client.establish_session(inputs=[
        util_pb2.VariableDeclaration(name="user-string", type=util_pb2.VariableDeclaration.TYPE_STRING)
    ])
    result["session_id"] = session_id
    params = service_customization_pb2.DictParam()
    params.values["who"].string_value.value = who
    response = client.tick(session_id, params=params)
    result["tick_status"] = remote_pb2.TickResponse.Status.Name(response.status)
    result["header_code"] = response.header.error.code
    result["has_response_timestamp"] = response.header.HasField("response_timestamp")
    client.stop(session_id)
    client.teardown_session(session_id)
    result["ok"] = True
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
