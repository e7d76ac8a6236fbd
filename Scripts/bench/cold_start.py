#!/usr/bin/env python3
"""Cold start: time from launching a server to its first successful Tick.

  cold_start.py --port P [--timeout 60] [--log FILE] -- COMMAND [ARGS...]

COMMAND must serve on 127.0.0.1:P (choose P free beforehand). The clock starts right before
the process is spawned. The helper polls TCP connects every 2 ms until the port accepts
(`listen_ms`), then sends one Tick (session "") and waits for its answer (`first_tick_ms`).
The gRPC channel is created before the launch, so channel setup is not counted; its first
connection attempt happens only after the port accepts. The server is then terminated
(SIGTERM, SIGKILL after 5 s). Prints:

  listen_ms=<float> first_tick_ms=<float>

Output of COMMAND goes to --log (default /dev/null). Exits 1 if no Tick succeeds in time.
"""

import argparse
import os
import socket
import subprocess
import sys
import time

import grpc

from bosdyn.api.mission import remote_pb2

TICK_PATH = '/bosdyn.api.mission.RemoteMissionService/Tick'
HOST = '127.0.0.1'


def port_accepts(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.05)
        try:
            sock.connect((HOST, port))
            return True
        except OSError:
            return False


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv=None):
    parser = argparse.ArgumentParser(description='Launch-to-first-Tick time of a server.')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--timeout', type=float, default=60.0)
    parser.add_argument('--log', default=os.devnull, help='where the server output goes')
    parser.add_argument('command', nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    command = options.command[1:] if options.command[:1] == ['--'] else options.command
    if not command:
        parser.error('no server command given')
    if port_accepts(options.port):
        print('error: port {} is already in use'.format(options.port), file=sys.stderr)
        return 1

    channel = grpc.insecure_channel('{}:{}'.format(HOST, options.port), options=[
        ('grpc.initial_reconnect_backoff_ms', 10),
        ('grpc.min_reconnect_backoff_ms', 10),
        ('grpc.max_reconnect_backoff_ms', 100),
    ])
    tick = channel.unary_unary(TICK_PATH,
                               request_serializer=remote_pb2.TickRequest.SerializeToString,
                               response_deserializer=remote_pb2.TickResponse.FromString)
    request = remote_pb2.TickRequest(session_id='')

    clock = time.perf_counter
    with open(options.log, 'ab') as log:
        start = clock()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    deadline = start + options.timeout
    listen = first_tick = None
    try:
        while clock() < deadline and process.poll() is None:
            if port_accepts(options.port):
                listen = clock()
                break
            time.sleep(0.002)
        while listen is not None and clock() < deadline and process.poll() is None:
            try:
                response = tick(request, timeout=max(0.01, deadline - clock()),
                                wait_for_ready=True)
            except grpc.RpcError:
                time.sleep(0.005)
                continue
            if response.status == remote_pb2.TickResponse.STATUS_SUCCESS:
                first_tick = clock()
            break
    finally:
        channel.close()
        exit_code = process.poll()
        stop(process)

    if first_tick is None:
        why = 'exited with {}'.format(exit_code) if exit_code is not None else 'timed out'
        print('error: no successful Tick ({}, listen={})'.format(why, listen is not None),
              file=sys.stderr)
        return 1
    print('listen_ms={:.1f} first_tick_ms={:.1f}'.format((listen - start) * 1e3,
                                                         (first_tick - start) * 1e3))
    return 0


if __name__ == '__main__':
    sys.exit(main())
