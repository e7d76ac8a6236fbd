#!/usr/bin/env python3
"""Writes the request/response bodies the HTTP/2 load generator needs.

  bodies.py OUT_DIR

creates in OUT_DIR:
  tick_request.bin       gRPC frame of TickRequest(session_id="")        (the default load)
  tick_request_who.bin   gRPC frame of TickRequest with params who=World  (variant)
  tick_response.bin      gRPC frame of a successful TickResponse, as the Python reference
                         answers it; nghttpd serves it as the canned response
  htdocs/bosdyn.api.mission.RemoteMissionService/Tick   copy of tick_response.bin

A gRPC frame is: 1 byte compressed-flag (0), 4 bytes big-endian length, the message.
"""

import os
import struct
import sys

from bosdyn.api import header_pb2
from bosdyn.api.mission import remote_pb2

TICK_PATH = '/bosdyn.api.mission.RemoteMissionService/Tick'


def frame(message_bytes):
    """Wraps serialized message bytes in a gRPC length-prefixed frame."""
    return struct.pack('>BI', 0, len(message_bytes)) + message_bytes


def unframe(data):
    """Returns the message bytes of a single uncompressed gRPC frame."""
    if len(data) < 5:
        raise ValueError('a gRPC frame is at least 5 bytes, got {}'.format(len(data)))
    compressed, length = struct.unpack('>BI', data[:5])
    if compressed != 0:
        raise ValueError('compressed frames are not supported')
    if len(data) != 5 + length:
        raise ValueError('frame says {} bytes, body has {}'.format(length, len(data) - 5))
    return data[5:]


def tick_request(who=None):
    request = remote_pb2.TickRequest(session_id='')
    if who is not None:
        request.params.values['who'].string_value.value = who
    return request


def tick_response():
    """A success answer shaped like the reference server's (header echo, timestamps, code OK)."""
    response = remote_pb2.TickResponse(status=remote_pb2.TickResponse.STATUS_SUCCESS)
    header = response.header
    header.request_header.SetInParent()  # the reference echoes the (empty) request header
    header.request_received_timestamp.seconds = 1_700_000_000
    header.request_received_timestamp.nanos = 123_456_789
    header.response_timestamp.seconds = 1_700_000_000
    header.response_timestamp.nanos = 123_556_789
    header.error.code = header_pb2.CommonError.CODE_OK
    return response


def write(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    files = {
        'tick_request.bin': frame(tick_request().SerializeToString()),
        'tick_request_who.bin': frame(tick_request('World').SerializeToString()),
        'tick_response.bin': frame(tick_response().SerializeToString()),
    }
    canned = os.path.join(out_dir, 'htdocs', TICK_PATH.lstrip('/'))
    os.makedirs(os.path.dirname(canned), exist_ok=True)
    files[os.path.relpath(canned, out_dir)] = files['tick_response.bin']
    for name, data in files.items():
        with open(os.path.join(out_dir, name), 'wb') as f:
            f.write(data)
    # Self-check: every file parses back to what was meant.
    assert remote_pb2.TickRequest.FromString(
        unframe(files['tick_request.bin'])) == tick_request()
    who = remote_pb2.TickRequest.FromString(unframe(files['tick_request_who.bin']))
    assert who.params.values['who'].string_value.value == 'World'
    assert remote_pb2.TickResponse.FromString(unframe(
        files['tick_response.bin'])).status == remote_pb2.TickResponse.STATUS_SUCCESS
    return files


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for name, data in sorted(write(argv[1]).items()):
        print('{}: {} bytes'.format(name, len(data)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
