#!/usr/bin/env python3
"""Summarises one h2load run as one line of key=value pairs.

  h2load_stats.py H2LOAD_STDOUT H2LOAD_LOG_FILE

From the stdout: req/s, and the request counters (total, succeeded, failed, errored, timeout,
2xx). From the --log-file (tab-separated: start µs since epoch, HTTP status or -1 for a failed
stream, µs to end of response) the latency percentiles, which h2load itself does not print:
p50, p90, p99 (nearest rank) and the mean, over the streams that got a status. Prints:

  rps=… total=… succeeded=… failed=… errored=… timeout=… status_2xx=… non_2xx=…
  p50_ms=… p90_ms=… p99_ms=… mean_ms=… max_ms=… logged=… log_non_2xx=… log_matches=yes|no

h2load appends to an existing --log-file: delete it before each run (log_matches=no shows a
stale file).
"""

import math
import re
import sys


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float('nan')
    return sorted_values[max(1, math.ceil(fraction * len(sorted_values))) - 1]


def parse_stdout(text):
    fields = {}
    match = re.search(r'^finished in [^,]+, ([0-9.]+) req/s', text, re.M)
    if not match:
        raise ValueError('no "finished in" line: h2load did not complete')
    fields['rps'] = float(match.group(1))
    match = re.search(r'^requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, '
                      r'(\d+) failed, (\d+) errored, (\d+) timeout', text, re.M)
    if not match:
        raise ValueError('no "requests:" line')
    for key, value in zip(('total', 'succeeded', 'failed', 'errored', 'timeout'),
                          match.groups()):
        fields[key] = int(value)
    match = re.search(r'^status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx', text, re.M)
    if not match:
        raise ValueError('no "status codes:" line')
    codes = [int(value) for value in match.groups()]
    fields['status_2xx'] = codes[0]
    fields['non_2xx'] = sum(codes[1:])
    return fields


def parse_log(lines):
    micros = []
    bad = 0
    for line in lines:
        columns = line.split('\t')
        if len(columns) < 3:
            continue
        status = int(columns[1])
        if status < 200 or status >= 300:
            bad += 1
            if status < 0:
                continue
        micros.append(int(columns[2]))
    micros.sort()
    ms = [value / 1000.0 for value in micros]
    return {
        'p50_ms': percentile(ms, 0.50),
        'p90_ms': percentile(ms, 0.90),
        'p99_ms': percentile(ms, 0.99),
        'mean_ms': sum(ms) / len(ms) if ms else float('nan'),
        'max_ms': ms[-1] if ms else float('nan'),
        'logged': len(micros) + bad,
        'log_non_2xx': bad,
    }


def format_fields(fields):
    def text(value):
        return '{:.4f}'.format(value) if isinstance(value, float) else str(value)

    return ' '.join('{}={}'.format(key, text(value)) for key, value in fields.items())


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as out:
        fields = parse_stdout(out.read())
    with open(argv[2]) as log:
        fields.update(parse_log(log))
    # h2load appends to --log-file: a stale file shows up as more rows than requests.
    fields['log_matches'] = 'yes' if fields['logged'] == fields['total'] else 'no'
    print(format_fields(fields))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
