"""Parses a mission file with the official protos and prints its RemoteGrpc call as JSON."""

import json
import sys

from bosdyn.api.mission import nodes_pb2


def main(path):
    node = nodes_pb2.Node()
    with open(path, "rb") as mission_file:
        node.ParseFromString(mission_file.read())
    call = nodes_pb2.RemoteGrpc()
    if not node.impl.Unpack(call):
        raise SystemExit(f"impl is {node.impl.type_url}, not RemoteGrpc")
    print(json.dumps({
        "service_name": call.service_name,
        "host": call.host,
        "lease_resources": list(call.lease_resources),
        "inputs": {kv.key: kv.value.constant.string_value for kv in call.inputs},
    }))


if __name__ == "__main__":
    main(sys.argv[1])
