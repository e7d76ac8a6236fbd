#!/usr/bin/env python3
"""Sequential tick loop with the Python SDK's RemoteClient (the Python side of `bench-ticks`).

  python_client_ticks.py --host-ip 127.0.0.1 --port P [--count 2000] [--warmup 100]

Ticks session "" one call after the other over one insecure channel (the examples' `local`
mode), requiring STATUS_SUCCESS each time, and prints one line:

  ticks_per_second=<float> p50_ms=<float> p99_ms=<float>

ticks_per_second is count / wall time of the measured loop; the percentiles are over the
per-call latencies (nearest-rank). Warm-up ticks are not measured.
"""

import argparse
import math
import sys
import time

import grpc

from bosdyn.api.mission import remote_pb2
from bosdyn.mission.remote_client import RemoteClient


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float('nan')
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def main(argv=None):
    parser = argparse.ArgumentParser(description='Sequential RemoteClient tick loop.')
    parser.add_argument('--host-ip', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--count', type=int, default=2000)
    parser.add_argument('--warmup', type=int, default=100)
    parser.add_argument('--timeout', type=float, default=5.0, help='per-call deadline, seconds')
    options = parser.parse_args(argv)

    channel = grpc.insecure_channel('{}:{}'.format(options.host_ip, options.port))
    client = RemoteClient()
    client.channel = channel
    success = remote_pb2.TickResponse.STATUS_SUCCESS
    try:
        grpc.channel_ready_future(channel).result(timeout=options.timeout)
        for _ in range(options.warmup):
            client.tick('', timeout=options.timeout)

        latencies = []
        clock = time.perf_counter
        start = clock()
        for _ in range(options.count):
            before = clock()
            response = client.tick('', timeout=options.timeout)
            latencies.append(clock() - before)
            if response.status != success:
                raise RuntimeError('tick answered {}'.format(
                    remote_pb2.TickResponse.Status.Name(response.status)))
        elapsed = clock() - start
    except Exception as error:  # report any failure as one line and a non-zero exit
        print('error: {}: {}'.format(type(error).__name__, error), file=sys.stderr)
        return 1
    finally:
        channel.close()

    latencies.sort()
    print('ticks_per_second={:.1f} p50_ms={:.3f} p99_ms={:.3f}'.format(
        options.count / elapsed, percentile(latencies, 0.50) * 1e3,
        percentile(latencies, 0.99) * 1e3))
    return 0


if __name__ == '__main__':
    sys.exit(main())
