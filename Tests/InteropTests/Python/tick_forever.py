"""Ticks a service as fast as it can with the official RemoteClient until the server goes
away; prints how many ticks succeeded. Used to signal a server in the middle of a tick."""

import sys

import grpc
from bosdyn.mission.remote_client import RemoteClient


def main(host, port):
    client = RemoteClient()
    client.channel = grpc.insecure_channel(f"{host}:{port}")
    count = 0
    try:
        while True:
            client.tick("", timeout=5)
            count += 1
            if count == 1:
                print("TICKING", flush=True)
    except Exception as error:  # the server went away: that is the point
        print(f"stopped after {count} ticks: {type(error).__name__}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
