"""Write the FileDescriptorSet of the Spot API that the Swift SDK is generated from.

The bosdyn-api wheel ships no .proto files, but each *_pb2 module carries its serialized
FileDescriptorProto. We import the modules the SDK needs, walk their dependencies depth-first
(dependencies before dependents, as protoc expects) and write the closure as one
FileDescriptorSet.

Usage: python collect_descriptors.py OUTPUT.pb   (prints the .proto paths, one a line)
"""

import importlib
import sys

from google.protobuf import descriptor_pb2

# The services and messages the SDK builds on (see issue "Foundation").
ROOT_MODULES = [
    "bosdyn.api.mission.remote_service_pb2",
    "bosdyn.api.mission.mission_service_pb2",
    "bosdyn.api.mission.nodes_pb2",
    "bosdyn.api.directory_service_pb2",
    "bosdyn.api.directory_registration_service_pb2",
    "bosdyn.api.auth_service_pb2",
    "bosdyn.api.robot_id_service_pb2",
    "bosdyn.api.time_sync_service_pb2",
    "bosdyn.api.lease_service_pb2",
    "bosdyn.api.power_service_pb2",
    "bosdyn.api.robot_command_service_pb2",
    "bosdyn.api.robot_state_service_pb2",
    "bosdyn.api.estop_service_pb2",
    "bosdyn.api.keepalive.keepalive_service_pb2",
]


def main(output_path):
    ordered = []
    seen = set()

    def visit(file_descriptor):
        if file_descriptor.name in seen:
            return
        seen.add(file_descriptor.name)
        for dependency in file_descriptor.dependencies:
            visit(dependency)
        ordered.append(file_descriptor)

    for module_name in ROOT_MODULES:
        visit(importlib.import_module(module_name).DESCRIPTOR)

    descriptor_set = descriptor_pb2.FileDescriptorSet()
    for file_descriptor in ordered:
        file_descriptor.CopyToProto(descriptor_set.file.add())
    with open(output_path, "wb") as output:
        output.write(descriptor_set.SerializeToString(deterministic=True))
    for file_descriptor in ordered:
        print(file_descriptor.name)


if __name__ == "__main__":
    main(sys.argv[1])
