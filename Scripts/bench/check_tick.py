#!/usr/bin/env python3
"""Checks that a server answers Tick correctly, the way the load generator will call it.

  check_tick.py --port P [--host 127.0.0.1] [--body FILE ...] [--timeout S]

1. Ticks once through `bosdyn.mission.remote_client.RemoteClient` on an insecure channel (the
   `local` mode of the examples, no request header) and requires STATUS_SUCCESS.
2. For every --body file (a gRPC frame, as given to h2load -d), sends exactly those message
   bytes to /bosdyn.api.mission.RemoteMissionService/Tick and requires gRPC status OK, a
   response header with CODE_OK and STATUS_SUCCESS.  An HTTP/2 load generator only sees
   HTTP 200, which a gRPC error also has; this is the check that the bodies are right.

Exit status 0 when all checks pass; prints one line per check.
"""

import argparse
import os
import sys

import grpc

from bosdyn.api import header_pb2
from bosdyn.api.mission import remote_pb2
from bosdyn.mission.remote_client import RemoteClient

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bodies import TICK_PATH, unframe  # noqa: E402


def check_response(response, what):
    if response.header.error.code != header_pb2.CommonError.CODE_OK:
        raise AssertionError('{}: header error code {}'.format(what, response.header.error.code))
    if response.status != remote_pb2.TickResponse.STATUS_SUCCESS:
        raise AssertionError('{}: status {}'.format(
            what, remote_pb2.TickResponse.Status.Name(response.status)))


def main(argv=None):
    parser = argparse.ArgumentParser(description='Verify Tick answers of a server.')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--body', action='append', default=[],
                        help='gRPC-framed TickRequest file to send verbatim (repeatable)')
    parser.add_argument('--timeout', type=float, default=5.0)
    options = parser.parse_args(argv)

    target = '{}:{}'.format(options.host, options.port)
    channel = grpc.insecure_channel(target)
    try:
        grpc.channel_ready_future(channel).result(timeout=options.timeout)
        client = RemoteClient()
        client.channel = channel
        response = client.tick('', timeout=options.timeout)
        check_response(response, 'RemoteClient.tick')
        print('ok: RemoteClient.tick -> {}'.format(
            remote_pb2.TickResponse.Status.Name(response.status)))

        raw_tick = channel.unary_unary(TICK_PATH)  # bytes in, bytes out
        for path in options.body:
            with open(path, 'rb') as f:
                message = unframe(f.read())
            answer, call = raw_tick.with_call(message, timeout=options.timeout)
            if call.code() != grpc.StatusCode.OK:
                raise AssertionError('{}: grpc status {}'.format(path, call.code()))
            response = remote_pb2.TickResponse.FromString(answer)
            check_response(response, path)
            print('ok: {} -> grpc OK, {}, {} response bytes'.format(
                os.path.basename(path), remote_pb2.TickResponse.Status.Name(response.status),
                len(answer)))
    except (AssertionError, grpc.RpcError, grpc.FutureTimeoutError) as error:
        print('FAILED: {}: {!r}'.format(target, error), file=sys.stderr)
        return 1
    except Exception as error:  # bosdyn client errors (e.g. UnsetStatusError)
        print('FAILED: {}: {}: {}'.format(target, type(error).__name__, error), file=sys.stderr)
        return 1
    finally:
        channel.close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
