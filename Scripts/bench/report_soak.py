#!/usr/bin/env python3
"""The soak's report: failed ticks inside and outside the restart windows, how long each
restart took to recover, and RSS (start / peak / end) and open descriptors per process.

A restart window runs from the event (the callback killed, the simulator stopped) to the
first whole second after the restart in which ticks succeeded and none failed."""
import argparse
import collections
import re


def parse_kv(line):
    return dict(re.findall(r"(\w+)=(\S+)", line))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--client", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--events", required=True)
    ap.add_argument("--record", action="store_true", help="print results.txt lines instead")
    args = ap.parse_args()

    events = [parse_kv(l) for l in open(args.events) if l.strip()]
    times = {e["event"]: float(e["t"]) for e in events}
    start = times.get("load-start")
    seconds = {}
    total = None
    for line in open(args.client):
        kv = parse_kv(line)
        if "second" in kv:
            seconds[int(kv["second"])] = (int(kv["ok"]), int(kv["failed"]))
        elif "ticks" in kv:
            total = (int(kv["ticks"]), int(kv["failed"]))
    if start is None or total is None:
        print("soak: incomplete run (no load-start event or no client total)")
        return 1

    windows = []
    for event, restarted in (("callback-killed", "callback-restarted"), ("sim-stopped", "sim-restarted")):
        if event not in times or restarted not in times:
            continue
        first = int(times[event] - start) - 1  # the client's clock starts a little later
        after = int(times[restarted] - start)
        end = next((s for s in sorted(seconds) if s >= after and seconds[s][0] > 0 and seconds[s][1] == 0),
                   max(seconds, default=after))
        windows.append((event, max(0, first), end, end - int(times[event] - start)))
    inside = sum(f for s, (_, f) in seconds.items() if any(a <= s <= b for _, a, b, _ in windows))
    outside = total[1] - inside

    procs = collections.OrderedDict()
    for line in open(args.samples):
        kv = parse_kv(line)
        if "pid" not in kv:
            continue
        key = (kv["name"], kv["pid"])
        procs.setdefault(key, []).append((float(kv["t"]), int(kv["rss_kb"]), int(kv["fds"])))

    if args.record:
        print(f"kind=soak ticks={total[0]} failed={total[1]} failed_outside_windows={outside}")
        for event, a, b, recovery in windows:
            print(f"kind=soak_window event={event} from_s={a} to_s={b} recovery_s={recovery}")
        for (name, pid), rows in procs.items():
            print(f"kind=soak_process name={name} pid={pid} rss_start_mb={rows[0][1] / 1024:.1f} "
                  f"rss_peak_mb={max(r[1] for r in rows) / 1024:.1f} rss_end_mb={rows[-1][1] / 1024:.1f} "
                  f"fds_start={rows[0][2]} fds_peak={max(r[2] for r in rows)} fds_end={rows[-1][2]}")
        return 0

    print("Soak: sessions ticking the hello world through spot-sim's proxy")
    print(f"  ticks {total[0]}, failed {total[1]}, failed outside the restart windows {outside}")
    for event, a, b, recovery in windows:
        print(f"  {event}: window seconds {a}-{b}, ticks clean again {recovery} s after the event")
    print(f"  {'process':<10} {'pid':>7} {'RSS start':>10} {'peak':>8} {'end':>8} {'fds start':>10} {'peak':>6} {'end':>6}")
    for (name, pid), rows in procs.items():
        print(f"  {name:<10} {pid:>7} {rows[0][1] / 1024:>8.1f}MB {max(r[1] for r in rows) / 1024:>6.1f}MB "
              f"{rows[-1][1] / 1024:>6.1f}MB {rows[0][2]:>10} {max(r[2] for r in rows):>6} {rows[-1][2]:>6}")
    print("  (processes killed or restarted mid-run appear once per pid; their 'end' is their last sample)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
