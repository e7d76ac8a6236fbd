#!/usr/bin/env python3
"""Prints the simulated-robot tables (sections `proxy` and `keepalive`) from the benchmark's
results file; report.py prints the others.

  report_robot.py RESULTS_FILE

Kinds read: proxy_h2load (route=direct|proxy|nghttpx), proxy_ticks (client=swift|python,
route=direct|robot|nghttpx), keepalive (client=swift|python). Numbers are medians over the runs.
"""

import collections
import sys

from report import LOADS, fmt, h2load_checks, median_of, number, parse, ratio, table

PROXY_TARGET = 1.5  # issue 4: proxy ≤ 1.5 × direct latency at one stream


def target_verdict(value):
    """'(target ≤ 1.5: met|MISSED)' for a ratio string, or '' when there is none."""
    if value == 'n/a':
        return ''
    return '(target ≤ {}: {})'.format(PROXY_TARGET,
                                     'met' if float(value) <= PROXY_TARGET else 'MISSED')


def report_proxy_h2load(records):
    if not records:
        return
    groups = collections.defaultdict(list)
    for record in records:
        groups[(record['route'], record['load'])].append(record)
    print('== Direct vs through the simulated robot: h2load POST Tick to the Swift hello-world '
          'service ==')
    print('   direct: h2c to the service port; proxy: TLS to spot-sim with :authority {} and a '
          'bearer token; nghttpx: TLS to nghttp2\'s C proxy (one worker, same certificate) '
          'relaying h2c to the same service, for reference'.format(
              'hello-world-callback.spot.robot'))
    routes = ['direct', 'proxy'] + (['nghttpx'] if any(r == 'nghttpx' for r, _ in groups) else [])
    rows = []
    for load, label in LOADS:
        for route in routes:
            runs = groups[(route, load)]
            if not runs:
                rows.append([label, route, 0, 'n/a', '', '', '', '', '', 'not run'])
                label = ''
                continue
            rows.append([label, route, len(runs), fmt(median_of(runs, 'rps'), 0),
                         fmt(median_of(runs, 'p50_ms'), 3), fmt(median_of(runs, 'p90_ms'), 3),
                         fmt(median_of(runs, 'p99_ms'), 3),
                         fmt(median_of(runs, 'sim_cpu_us_per_req'), 0)
                         if route != 'direct' else '',
                         fmt(median_of(runs, 'service_cpu_us_per_req'), 0), h2load_checks(runs)])
            label = ''
    print(table(['load', 'route', 'runs', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms',
                 'relay CPU µs/req', 'service CPU µs/req', 'checks'], rows))
    print()
    for load, label in LOADS:
        direct = groups[('direct', load)]
        for route in routes[1:]:
            relayed = groups[(route, load)]
            if not direct or not relayed:
                continue
            p50 = ratio(median_of(relayed, 'p50_ms'), median_of(direct, 'p50_ms'))
            line = '{}: {} ÷ direct  p50 {}  p90 {}  req/s {}'.format(
                label.split('(')[0].strip(), route, p50,
                ratio(median_of(relayed, 'p90_ms'), median_of(direct, 'p90_ms')),
                ratio(median_of(relayed, 'rps'), median_of(direct, 'rps')))
            if load == '1x1' and route == 'proxy':
                line += '  ' + target_verdict(p50)
            print(line)
    print('(CPU µs/req ≈ CPU time over warm-up + run ÷ (req/s × its seconds).)')
    print()


def report_proxy_ticks(records):
    if not records:
        return
    groups = collections.defaultdict(list)
    for record in records:
        groups[(record['client'], record['route'])].append(record)
    print('== Sequential client ticks: direct vs through the simulated robot ==')
    rows = []
    medians = {}
    for client in ['swift', 'python']:
        for route in ['direct', 'robot', 'nghttpx']:
            runs = groups.get((client, route), [])
            if not runs:
                continue
            ok = [r for r in runs if 'ticks_per_second' in r]
            if not ok:
                rows.append([client, route, 0, 'n/a', '', '', '', 'failed'])
                continue
            medians[(client, route)] = (median_of(ok, 'ticks_per_second'),
                                        median_of(ok, 'p50_ms'))
            rows.append([client, route, len(ok), fmt(medians[(client, route)][0], 0),
                         fmt(medians[(client, route)][1], 3), fmt(median_of(ok, 'p90_ms'), 3),
                         fmt(median_of(ok, 'p99_ms'), 3),
                         '' if len(ok) == len(runs) else '{} failed'.format(len(runs) - len(ok))])
    print(table(['client', 'route', 'runs', 'ticks/s', 'p50 ms', 'p90 ms', 'p99 ms', 'notes'],
                rows))
    print()
    nan = (float('nan'), float('nan'))
    for client in ['swift', 'python']:
        direct, robot = medians.get((client, 'direct'), nan), medians.get((client, 'robot'), nan)
        p50 = ratio(robot[1], direct[1])
        print('{} client: robot ÷ direct p50 = {} {}'.format(client, p50, target_verdict(p50)))
        if (client, 'nghttpx') in medians:
            print('{} client: nghttpx ÷ direct p50 = {} (the same client through the C '
                  'reference proxy)'.format(client, ratio(medians[(client, 'nghttpx')][1],
                                                         direct[1])))
    swift, python = medians.get(('swift', 'robot'), nan), medians.get(('python', 'robot'), nan)
    print('through the robot: python ÷ swift p50 = {}, swift ÷ python ticks/s = {}'.format(
        ratio(python[1], swift[1]), ratio(swift[0], python[0])))
    print()


def report_keepalive(records, settings):
    if not records:
        return
    print('== Registration keep-alive: {} services in one process, re-registering every {} s '
          '(CPU over a {} s window) =='.format(settings.get('ka_count', '?'),
                                              settings.get('ka_interval', '?'),
                                              settings.get('ka_seconds', '?')))
    rows = []
    per_call = {}
    for client in ['swift', 'python']:
        runs = [r for r in records if r.get('client') == client]
        if not runs:
            continue
        ok = [r for r in runs if 'calls' in r]
        if not ok:
            rows.append([client, 0, '', '', '', '', '', '', '', runs[0].get('msg', 'failed')])
            continue
        for r in ok:
            calls = number(r.get('calls')) or float('nan')
            window = number(r.get('window_s')) or float('nan')
            r['calls_per_s'] = calls / window
            r['client_ms_per_s'] = number(r.get('client_cpu_ms')) / window
            r['sim_ms_per_s'] = number(r.get('sim_cpu_ms')) / window
            r['client_ms_per_call'] = number(r.get('client_cpu_ms')) / calls
            r['sim_ms_per_call'] = number(r.get('sim_cpu_ms')) / calls
        per_call[client] = (median_of(ok, 'client_ms_per_call'), median_of(ok, 'sim_ms_per_call'),
                            median_of(ok, 'client_ms_per_s'))
        listed = min(int(number(r.get('listed'))) for r in ok)
        rows.append([client, len(ok), '{}/{}'.format(listed, ok[0].get('keepalives')),
                     fmt(median_of(ok, 'calls_per_s'), 1), fmt(median_of(ok, 'client_ms_per_s'), 2),
                     fmt(per_call[client][0], 3), fmt(median_of(ok, 'sim_ms_per_s'), 2),
                     fmt(per_call[client][1], 3), fmt(median_of(ok, 'cpu_s'), 2),
                     '' if len(ok) == len(runs) else '{} failed'.format(len(runs) - len(ok))])
    print(table(['client', 'runs', 'listed', 'calls/s', 'client CPU ms/s', 'client ms/call',
                 'sim CPU ms/s', 'sim ms/call', 'client cpu_s (life)', 'notes'], rows))
    print()
    if 'swift' in per_call and 'python' in per_call:
        print('python ÷ swift: client CPU per re-registration {}, client CPU per second {}, '
              'sim CPU per re-registration {}'.format(
                  ratio(per_call['python'][0], per_call['swift'][0]),
                  ratio(per_call['python'][2], per_call['swift'][2]),
                  ratio(per_call['python'][1], per_call['swift'][1])))
    print('(calls: RegisterService/UpdateService lines in the simulator\'s log during the window; '
          'Swift heartbeats with UpdateService, Python with RegisterService answered '
          'ALREADY_EXISTS. cpu_s is the client\'s whole life, start-up included.)')
    print()


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    records = parse(argv[1])
    by_kind = collections.defaultdict(list)
    for record in records:
        by_kind[record.get('kind')].append(record)
    settings = by_kind['settings'][-1] if by_kind['settings'] else {}
    report_proxy_h2load(by_kind['proxy_h2load'])
    report_proxy_ticks(by_kind['proxy_ticks'])
    report_keepalive(by_kind['keepalive'], settings)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
