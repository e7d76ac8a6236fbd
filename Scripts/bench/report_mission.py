#!/usr/bin/env python3
"""Prints the mission executor's table (section `mission`) from the benchmark's results file.

  report_mission.py RESULTS_FILE

Kinds read: mission_plain (1 000 plain nodes, cycles stepped by hand), mission_callbacks
(100 RemoteGrpc nodes ticking the Swift hello world at 10 Hz on the real clock) and
mission_client (remote-mission-client's sequential ticks to the same service). Numbers are
medians over the runs; the targets are those of the missions work: at most 1 ms of CPU per
cycle over 1 000 nodes, cycle start lateness p99 at most 5 ms at 10 Hz with 100 callbacks,
never a second Tick to a node whose previous one is in flight.
"""

import sys

from report import fmt, median_of, number, parse, ratio, table


def verdict(value, limit):
    if value is None:
        return 'n/a'
    return 'met' if value <= limit else 'MISSED'


def main(path):
    records = parse(path)
    plain = [r for r in records if r.get('kind') == 'mission_plain' and 'msg' not in r]
    callbacks = [r for r in records if r.get('kind') == 'mission_callbacks' and 'msg' not in r]
    client = [r for r in records if r.get('kind') == 'mission_client' and 'msg' not in r]
    if not plain and not callbacks:
        return
    print()
    print('== Mission executor (release, medians of {} runs) =='.format(max(len(plain), len(callbacks))))
    rows = []
    cpu_plain = median_of(plain, 'cpu_per_cycle_us')
    if plain:
        rows.append(['1 000 plain nodes: CPU per cycle',
                     fmt(cpu_plain) + ' µs',
                     'target ≤ 1 000 µs: ' + verdict(cpu_plain, 1000)])
        rows.append(['1 000 plain nodes: GetState of 10 ticks',
                     fmt(median_of(plain, 'get_state_us')) + ' µs', ''])
    if callbacks:
        late = median_of(callbacks, 'lateness_p99_ms')
        inflight = max(number(r['max_in_flight']) for r in callbacks)
        rows.append(['100 callbacks at 10 Hz: cycles run',
                     fmt(median_of(callbacks, 'cycles'), 0), ''])
        rows.append(['100 callbacks at 10 Hz: Ticks answered',
                     fmt(median_of(callbacks, 'ticks'), 0), ''])
        rows.append(['100 callbacks at 10 Hz: process CPU per cycle',
                     fmt(median_of(callbacks, 'cpu_per_cycle_us')) + ' µs', ''])
        rows.append(['100 callbacks at 10 Hz: cycle start lateness p50 / p99 / max',
                     '{} / {} / {} ms'.format(fmt(median_of(callbacks, 'lateness_p50_ms'), 3),
                                              fmt(late, 3),
                                              fmt(median_of(callbacks, 'lateness_max_ms'), 3)),
                     'target p99 ≤ 5 ms: ' + verdict(late, 5)])
        tick = median_of(callbacks, 'tick_p50_ms')
        rows.append(['Tick round trip through the executor: p50 / p99',
                     '{} / {} ms'.format(fmt(tick, 3), fmt(median_of(callbacks, 'tick_p99_ms'), 3)),
                     ''])
        rows.append(['most Ticks in flight to one node', fmt(inflight, 0),
                     'target 1: ' + ('met' if inflight == 1 else 'MISSED')])
        if client:
            solo = median_of(client, 'p50_ms')
            rows.append(['the same Tick from remote-mission-client (sequential): p50',
                         fmt(solo, 3) + ' ms',
                         'executor ÷ client: ' + ratio(tick, solo)])
    print(table(['measure', 'value', 'verdict'], rows))


if __name__ == '__main__':
    main(sys.argv[1])
