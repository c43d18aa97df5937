#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went: by thread, by library (inclusive) and by the library that ran them.

Usage: bench/scripts/jfr-shares.py RECORDING.jfr [PACKAGE_PREFIX]

Record a part under load first, e.g. during a bench's measured minute:
  jcmd <pid> JFR.start duration=30s filename=order.jfr settings=default
(one JVM at a time: starting JFR on several JVMs of a saturated 2-core machine slows the whole stack for many
seconds). The shares are of jdk.ExecutionSample events. With PACKAGE_PREFIX only the samples whose stack holds a
frame of that package are counted, and the callers that enter it are listed.
"""
import collections
import json
import re
import subprocess
import sys

LIBRARIES = ['org.springframework.security', 'io.micrometer', 'io.opentelemetry', 'reactor.netty', 'reactor.core',
             'io.github.resilience4j', 'org.springframework.cloud.gateway', 'io.lettuce', 'com.nimbusds',
             'com.fasterxml.jackson', 'ch.qos.logback', 'org.apache.seata', 'com.mysql', 'com.zaxxer',
             'org.apache.ibatis', 'com.baomidou', 'org.apache.kafka', 'org.springframework.kafka', 'feign',
             'org.apache.hc', 'org.apache.catalina', 'org.apache.tomcat', 'org.springframework.web',
             'org.springframework.transaction', 'org.springframework.jdbc', 'org.redisson', 'io.netty',
             'org.hibernate.validator', 'io.tccmall']

recording = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else None
printed = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '300', '--events', 'jdk.ExecutionSample',
                          recording], capture_output=True, text=True, check=True).stdout
events = json.loads(printed)['recording']['events']

threads, inclusive, owners, entries = (collections.Counter() for _ in range(4))
counted = 0
for event in events:
    values = event['values']
    frames = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
              for f in values['stackTrace']['frames']]
    if prefix:
        hits = [i for i, frame in enumerate(frames) if frame.startswith(prefix)]
        if not hits:
            continue
        outer = hits[-1]
        entries[frames[outer] + '  <-  ' + (frames[outer + 1] if outer + 1 < len(frames) else '-')] += 1
    counted += 1
    threads[re.sub(r'\d+', 'N', values['sampledThread']['javaName'] or '?')] += 1
    for library in {lib for lib in LIBRARIES for frame in frames if frame.startswith(lib)}:
        inclusive[library] += 1
    owner = next((f for f in frames if not f.startswith(('java.', 'jdk.', 'sun.', 'javax.'))), '-')
    owners['.'.join(owner.split('.')[:3])] += 1


def show(title, counter, limit):
    print(f'-- {title}')
    for key, count in counter.most_common(limit):
        print(f'{count * 100 / len(events):5.1f} %  {key}')


print(f'{counted} of {len(events)} samples' + (f' with a frame of {prefix}' if prefix else ''))
show('threads', threads, 10)
show('libraries on the stack (inclusive)', inclusive, 25)
show('library that ran the sample (self)', owners, 15)
if prefix:
    show(f'entries into {prefix} (outermost frame <- its caller)', entries, 12)
