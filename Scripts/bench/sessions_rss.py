#!/usr/bin/env python3
"""Resident memory of a server holding many sessions.

  sessions_rss.py --port P --pid PID [--sessions 10000] [--host-ip 127.0.0.1] [--teardown]

Reads VmRSS of PID from /proc, calls EstablishSession --sessions times through the Python
SDK's RemoteClient (insecure channel, no leases, no inputs), reads VmRSS (and the peak, VmHWM)
again; with --teardown it then tears every returned session down and reads VmRSS once more.
Works with any remote mission service: one that keeps no sessions simply answers the same
(possibly empty) id every time, which `distinct_ids` shows. Prints one line:

  sessions=N distinct_ids=K seconds=S rss_before_kb=A rss_after_kb=B rss_delta_kb=B-A
  hwm_kb=H [rss_after_teardown_kb=T]
"""

import argparse
import sys
import time

import grpc

from bosdyn.mission.remote_client import RemoteClient


def proc_status_kb(pid, field):
    with open('/proc/{}/status'.format(pid)) as status:
        for line in status:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    raise KeyError('{} not in /proc/{}/status'.format(field, pid))


def main(argv=None):
    parser = argparse.ArgumentParser(description='RSS of a server after N EstablishSession.')
    parser.add_argument('--host-ip', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--pid', type=int, required=True, help='server process to measure')
    parser.add_argument('--sessions', type=int, default=10000)
    parser.add_argument('--teardown', action='store_true', help='tear sessions down afterwards')
    parser.add_argument('--timeout', type=float, default=5.0, help='per-call deadline, seconds')
    options = parser.parse_args(argv)

    channel = grpc.insecure_channel('{}:{}'.format(options.host_ip, options.port))
    client = RemoteClient()
    client.channel = channel
    fields = {}
    try:
        grpc.channel_ready_future(channel).result(timeout=options.timeout)
        time.sleep(0.2)
        fields['sessions'] = options.sessions
        before = proc_status_kb(options.pid, 'VmRSS')
        start = time.perf_counter()
        ids = [client.establish_session(timeout=options.timeout)
               for _ in range(options.sessions)]
        fields['distinct_ids'] = len(set(ids))
        fields['seconds'] = '{:.2f}'.format(time.perf_counter() - start)
        time.sleep(0.2)
        after = proc_status_kb(options.pid, 'VmRSS')
        fields.update(rss_before_kb=before, rss_after_kb=after, rss_delta_kb=after - before,
                      hwm_kb=proc_status_kb(options.pid, 'VmHWM'))
        if options.teardown:
            for session_id in ids:
                client.teardown_session(session_id, timeout=options.timeout)
            time.sleep(0.2)
            fields['rss_after_teardown_kb'] = proc_status_kb(options.pid, 'VmRSS')
    except Exception as error:  # one line and a non-zero exit, whatever went wrong
        print('error: {}: {}'.format(type(error).__name__, error), file=sys.stderr)
        return 1
    finally:
        channel.close()
    print(' '.join('{}={}'.format(key, value) for key, value in fields.items()))
    return 0


if __name__ == '__main__':
    sys.exit(main())
