#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went, per step of a request (issue 17).

Usage: bench/jfr-steps.py recording.jfr [top-frames]
Each jdk.ExecutionSample of a request thread (Tomcat's http-nio-*) or a sale committer is charged to the step of
its innermost frame that belongs to a known library (leaf first; JDK frames are charged to the library that
called them). Prints samples per step and thread group, then the top leaf methods of each step.
"""
import collections
import json
import subprocess
import sys

STEPS = [  # (step, class-name prefixes), the first match from the leaf wins
    ("SQL/driver", ("org.postgresql.", "com.zaxxer.hikari.")),
    ("JSON", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("validation", ("org.hibernate.validator.", "jakarta.validation.")),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("metrics/observation", ("io.micrometer.",)),
    ("events (modulith)", ("org.springframework.modulith.", "org.springframework.context.event.")),
    ("security", ("org.springframework.security.",)),
    ("transactions", ("org.springframework.transaction.", "org.springframework.jdbc.datasource.")),
    ("JDBC template", ("org.springframework.jdbc.",)),
    ("binding/MVC", ("org.springframework.web.servlet.", "org.springframework.web.method.",
                     "org.springframework.web.bind.", "org.springframework.http.")),
    ("filters", ("org.springframework.web.filter.", "org.springframework.boot.web.")),
    ("Spring core (annotations, AOP, beans)", ("org.springframework.core.", "org.springframework.aop.",
                                               "org.springframework.beans.", "org.springframework.util.",
                                               "org.springframework.context.", "org.springframework.cglib.")),
    ("container (Tomcat)", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("commit hand-off", ("java.util.concurrent.CompletableFuture", "java.util.concurrent.locks.",
                         "java.util.concurrent.LinkedBlockingQueue")),
    ("Bodega", ("dev.bodega.",)),
]


def step_of(frames):
    for frame in frames:  # leaf first
        name = frame["method"]["type"]["name"].replace("/", ".")
        for step, prefixes in STEPS:
            if name.startswith(prefixes):
                return step
    return "JDK/other"


def group_of(thread):
    if thread.startswith("http-nio"):
        return "request"
    if thread.startswith("sale-committer"):
        return "committer"
    return None


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    by_step = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    for e in events:
        thread = e["values"]["sampledThread"]["javaName"] or ""
        group = group_of(thread)
        if group is None:
            continue
        frames = e["values"]["stackTrace"]["frames"]
        step = step_of(frames)
        by_step[(group, step)] += 1
        total[group] += 1
        leaf = frames[0]["method"]
        leaves[(group, step)][leaf["type"]["name"].replace("/", ".").split(".")[-1] + "." + leaf["name"]] += 1
    for group in total:
        print(f"## {path}: {group} threads, {total[group]} samples")
        for (g, step), n in sorted(by_step.items(), key=lambda kv: -kv[1]):
            if g == group:
                tops = ", ".join(f"{m} {c}" for m, c in leaves[(g, step)].most_common(top))
                print(f"{100.0 * n / total[group]:5.1f}%  {step:40s} {tops}")


if __name__ == "__main__":
    main()
