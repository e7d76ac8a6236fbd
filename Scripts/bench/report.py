#!/usr/bin/env python3
"""Prints the benchmark's tables from its results file.

  report.py RESULTS_FILE

RESULTS_FILE has one measurement per line as space-separated key=value pairs; `kind` says
which (h2load, client_ticks, cold_start, sessions_rss, note). A `msg=` pair takes the rest of
its line. Every number shown is the median over the repeated runs of that measurement.
"""

import collections
import math
import statistics
import sys

LOADS = [('1x1', '1 stream   (-c 1 -m 1)'), ('8x16', '128 streams (-c 8 -m 16)')]
SERVERS = ['swift', 'python', 'nghttpd']


def parse(path):
    records = []
    with open(path) as results:
        for line in results:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            record = {}
            head, _, message = line.partition(' msg=')
            if _:
                record['msg'] = message
            for token in head.split():
                key, _, value = token.partition('=')
                record[key] = value
            records.append(record)
    return records


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return float('nan')


def median_of(records, key):
    values = [number(r.get(key)) for r in records]
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else float('nan')


def fmt(value, digits=1):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 'n/a'
    return '{:,.{}f}'.format(value, digits)


def ratio(a, b):
    if any(v is None or math.isnan(v) for v in (a, b)) or b == 0:
        return 'n/a'
    return '{:.2f}'.format(a / b)


def table(header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    lines = ['  '.join(str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
                       for i, cell in enumerate(row)).rstrip() for row in [header] + rows]
    lines.insert(1, '  '.join('-' * w for w in widths))
    return '\n'.join(lines)


def h2load_checks(runs):
    problems = []
    failed = sum(int(number(r.get('failed', 0)) or 0) + int(number(r.get('errored', 0)) or 0) +
                 int(number(r.get('timeout', 0)) or 0) for r in runs)
    non_2xx = sum(int(number(r.get('non_2xx', 0)) or 0) for r in runs)
    if failed:
        problems.append('{} failed'.format(failed))
    if non_2xx:
        problems.append('{} non-2xx'.format(non_2xx))
    if any(number(r.get('succeeded')) == 0 for r in runs):
        problems.append('a run with 0 ok')
    if any(r.get('log_matches') == 'no' for r in runs):
        problems.append('stale log')
    if any(r.get('server_logged_ok') == 'no' for r in runs):
        problems.append('fewer greetings than ticks')
    return ', '.join(problems) or 'ok'


def report_h2load(by_server_load, settings):
    print('== HTTP/2 load: h2load POST Tick (gRPC framed TickRequest), median of runs {} =='
          .format(settings))
    header = ['load', 'server', 'runs', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ python',
              'req/s ÷ nghttpd', 'p50 ÷ python', 'checks']
    rows = []
    for load, label in LOADS:
        medians = {s: (median_of(by_server_load[(s, load)], 'rps'),
                       median_of(by_server_load[(s, load)], 'p50_ms'))
                   for s in SERVERS}
        for server in SERVERS:
            runs = by_server_load[(server, load)]
            if not runs:
                rows.append([label, server, 0, 'n/a', 'n/a', 'n/a', '', '', '', 'not run'])
                label = ''
                continue
            rps, p50 = medians[server]
            rows.append([label, server, len(runs), fmt(rps, 0), fmt(p50, 3),
                         fmt(median_of(runs, 'p99_ms'), 3),
                         ratio(rps, medians['python'][0]), ratio(rps, medians['nghttpd'][0]),
                         ratio(p50, medians['python'][1]), h2load_checks(runs)])
            label = ''
    print(table(header, rows))
    print()
    for load, label in LOADS:
        swift = median_of(by_server_load[('swift', load)], 'rps')
        print('{}: Swift/Python req/s = {}, Swift/nghttpd req/s = {}'.format(
            label.split('(')[0].strip(), ratio(swift, median_of(by_server_load[('python', load)],
                                                                 'rps')),
            ratio(swift, median_of(by_server_load[('nghttpd', load)], 'rps'))))
    print()


def report_logging(by_server_load):
    rows = []
    for server in ['swift', 'python']:
        for load, label in LOADS:
            loud = by_server_load[(server, load)]
            quiet = by_server_load[(server + '-quiet', load)]
            if not quiet:
                continue
            loud_rps, quiet_rps = median_of(loud, 'rps'), median_of(quiet, 'rps')
            rows.append([server, label, fmt(loud_rps, 0), fmt(quiet_rps, 0),
                         ratio(quiet_rps, loud_rps), fmt(median_of(loud, 'p50_ms'), 3),
                         fmt(median_of(quiet, 'p50_ms'), 3), h2load_checks(quiet)])
    if not rows:
        return
    print('== Logging cost: info greetings to a file vs BOSDYN_LOG_LEVEL=warning ==')
    print(table(['server', 'load', 'req/s info', 'req/s warning', 'warning ÷ info',
                 'p50 ms info', 'p50 ms warning', 'checks'], rows))
    print()


def report_client_ticks(records):
    if not records:
        return
    groups = collections.OrderedDict()
    for record in records:
        groups.setdefault((record['client'], record['server']), []).append(record)
    servers = list(dict.fromkeys(r['server'] for r in records))
    print('== Sequential client tick loop (one channel, one call at a time) ==')
    rows = []
    for server in servers:
        for client in ['swift', 'python']:
            runs = groups.get((client, server), [])
            ok = [r for r in runs if 'ticks_per_second' in r]
            if not runs:
                continue
            if not ok:
                rows.append([client, server, 0, 'n/a', 'n/a', 'n/a', '',
                             runs[0].get('msg', 'failed')])
                continue
            tps = median_of(ok, 'ticks_per_second')
            python_ok = [r for r in groups.get(('python', server), [])
                         if 'ticks_per_second' in r]
            rows.append([client, server, len(ok), fmt(tps, 0), fmt(median_of(ok, 'p50_ms'), 3),
                         fmt(median_of(ok, 'p99_ms'), 3),
                         ratio(tps, median_of(python_ok, 'ticks_per_second')),
                         '' if len(ok) == len(runs) else '{} failed'.format(len(runs) - len(ok))])
    print(table(['client', 'server', 'runs', 'ticks/s', 'p50 ms', 'p99 ms', '÷ python client',
                 'notes'], rows))
    print()


def report_cold_start(records):
    if not records:
        return
    print('== Cold start: process launch -> port accepts -> first Tick answered ==')
    rows = []
    for server in dict.fromkeys(r['server'] for r in records):
        runs = [r for r in records if r['server'] == server]
        ok = [r for r in runs if 'first_tick_ms' in r]
        rows.append([server, len(ok), fmt(median_of(ok, 'listen_ms')),
                     fmt(median_of(ok, 'first_tick_ms')),
                     '' if len(ok) == len(runs) else '{} failed'.format(len(runs) - len(ok))])
    print(table(['server', 'runs', 'listen ms', 'first tick ms', 'notes'], rows))
    print()


def report_sessions(records):
    if not records:
        return
    print('== RSS after EstablishSession × N (Python RemoteClient) ==')
    rows = []
    for r in records:
        if 'rss_after_kb' not in r:
            rows.append([r.get('server'), r.get('variant', ''), 'n/a', '', '', '', '', '',
                         r.get('msg', 'failed')])
            continue
        mib = lambda key: fmt(number(r.get(key)) / 1024.0)  # noqa: E731
        rows.append([r.get('server'), r.get('variant', ''), r.get('sessions'),
                     r.get('distinct_ids'), r.get('seconds'), mib('rss_before_kb'),
                     mib('rss_after_kb'), mib('rss_delta_kb'), ''])
    print(table(['server', 'variant', 'sessions', 'distinct ids', 'seconds', 'RSS before MiB',
                 'RSS after MiB', 'delta MiB', 'notes'], rows))
    print('(distinct ids = 1 means the server keeps no sessions: it answers the same id.)')
    print()


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    records = parse(argv[1])
    by_kind = collections.defaultdict(list)
    for record in records:
        by_kind[record.get('kind')].append(record)
    by_server_load = collections.defaultdict(list)
    for record in by_kind['h2load']:
        by_server_load[(record['server'], record['load'])].append(record)
    settings = ''
    for record in by_kind['settings']:
        settings = '({} × {} s after {} s warm-up)'.format(
            record.get('repeats'), record.get('duration'), record.get('warmup'))
    if by_kind['h2load']:
        report_h2load(by_server_load, settings)
    report_logging(by_server_load)
    report_client_ticks(by_kind['client_ticks'])
    report_cold_start(by_kind['cold_start'])
    report_sessions(by_kind['sessions_rss'])
    for note in by_kind['note']:
        print('note: ' + note.get('msg', ''))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
