#!/usr/bin/env python3
"""CPU used by each part of a running stack over a window, in ms of CPU per second.

Usage: bench/scripts/cpu-per-part.py [RUN_DIR] [SECONDS]   (defaults: .run, 45)

Reads utime + stime from /proc/<pid>/stat at the start and the end of the window for every process in
RUN_DIR/parts (what ./tccmall up started), MariaDB, Redis and a running ./tccmall bench JVM, and the machine's own
busy time from /proc/stat. Start it during a bench's measured minute; divide a part's figure by the run's
checkouts/s for its CPU per checkout (docs/benchmarks.md).
"""
import os
import subprocess
import sys
import time

run = sys.argv[1] if len(sys.argv) > 1 else '.run'
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 45.0
tick = os.sysconf('SC_CLK_TCK')


def first_pid(*pgrep_args):
    pids = subprocess.run(['pgrep', *pgrep_args], capture_output=True, text=True).stdout.split()
    return int(pids[0]) if pids else None


processes = {}
parts_file = os.path.join(run, 'parts')
if not os.path.isfile(parts_file):
    sys.exit(f'no stack recorded in {parts_file}: start one with ./tccmall up')
with open(parts_file) as parts:
    for line in parts:
        fields = line.split()
        if len(fields) >= 3 and fields[2] != '-':
            processes[fields[0]] = int(fields[2])
for name, args in (('bench-client', ('-f', 'io.tccmall.bench.Bench')), ('mariadbd', ('-x', 'mariadbd')),
                   ('mysqld', ('-x', 'mysqld')), ('redis-server', ('-x', 'redis-server'))):
    pid = first_pid(*args)
    if pid:
        processes[name] = pid


def cpu_ticks(pid):
    try:
        with open(f'/proc/{pid}/stat') as stat:
            fields = stat.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def machine_ticks():
    with open('/proc/stat') as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]


before = {name: cpu_ticks(pid) for name, pid in processes.items()}
machine_before = machine_ticks()
time.sleep(seconds)
after = {name: cpu_ticks(pid) for name, pid in processes.items()}
machine_after = machine_ticks()

total = 0.0
for name in sorted(processes, key=lambda n: before[n] - after[n]):
    ms = (after[name] - before[name]) * 1000 / tick / seconds
    total += ms
    print(f'{name:22s} {ms:8.1f} ms/s')
print(f'{"sum":22s} {total:8.1f} ms/s')
busy = (machine_after[0] - machine_before[0]) - (machine_after[1] - machine_before[1])
print(f'machine busy {busy * 1000 / tick / seconds:9.1f} ms/s of {os.cpu_count() * 1000}')
