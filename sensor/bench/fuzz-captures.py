#!/usr/bin/env python3
"""Damaged-capture survival: mutate small captures and replay each one as a user would.

Each mutant is a copy of a seed capture with one kind of damage (bit flips, a run of random
bytes, a cut, a duplicated or removed byte range, a zeroed record header). Every mutant is
replayed by a whole `gatewatch replay` process; the run counts exit codes and flags any mutant
that hangs (timeout), crashes (exit other than 0/3) or prints a stack trace or more than one
stderr line. Seeded, so the same seed gives the same mutants.

  sensor/bench/fuzz-captures.py [--seed 1] [--per-seed 14] [--gatewatch ./gatewatch] SEED.pcap...
"""
import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    b = bytearray(data)
    kind = rng.choice(["bitflips", "garbage", "cut", "dup", "drop", "zero-header"])
    if kind == "bitflips":
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    elif kind == "garbage":
        i = rng.randrange(len(b))
        n = rng.randint(1, 64)
        b[i:i + n] = bytes(rng.randrange(256) for _ in range(n))
    elif kind == "cut":
        b = b[:rng.randrange(len(b))]
    elif kind == "dup":
        i = rng.randrange(len(b))
        n = rng.randint(1, 256)
        b[i:i] = b[i:i + n]
    elif kind == "drop":
        i = rng.randrange(len(b))
        del b[i:i + rng.randint(1, 256)]
    else:  # a record or block header in the first few KB zeroed or set to all ones
        i = rng.randrange(min(len(b), 4096))
        b[i:i + 16] = (b"\x00" if rng.random() < 0.5 else b"\xff") * 16
    return kind, bytes(b)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-seed", type=int, default=14)
    ap.add_argument("--gatewatch", default="./gatewatch")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("captures", nargs="+")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    exits = collections.Counter()
    kinds = collections.Counter()
    bad = []
    with tempfile.TemporaryDirectory(prefix="gw-fuzz-") as tmp:
        for seed_capture in a.captures:
            data = open(seed_capture, "rb").read()
            for i in range(a.per_seed):
                kind, mutant = mutate(data, rng)
                kinds[kind] += 1
                ext = ".pcapng" if seed_capture.endswith(".pcapng") else ".pcap"
                path = os.path.join(tmp, f"{os.path.basename(seed_capture)}-{i}-{kind}{ext}")
                with open(path, "wb") as f:
                    f.write(mutant)
                try:
                    p = subprocess.run([a.gatewatch, "replay", path, "--alerts", os.devnull],
                                       capture_output=True, text=True, timeout=a.timeout)
                except subprocess.TimeoutExpired:
                    exits["timeout"] += 1
                    bad.append((path, "timeout", ""))
                    continue
                exits[p.returncode] += 1
                errors = [l for l in p.stderr.splitlines() if l.startswith("gatewatch:")]
                trace = "Exception" in p.stderr and "\tat " in p.stderr
                if p.returncode not in (0, 3) or trace or len(errors) > 1:
                    bad.append((path, p.returncode, p.stderr.strip()[-400:]))
                elif p.returncode == 3 and not any(("at byte" in l or "byte " in l) for l in errors):
                    bad.append((path, "3 without offset", errors[-1] if errors else ""))
    total = sum(exits.values())
    print(f"{total} mutants of {len(a.captures)} captures (seed {a.seed}); damage kinds: {dict(kinds)}")
    print("exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(exits.items(), key=str)))
    print(f"hangs, crashes, stack traces, or exit 3 without a byte offset: {len(bad)}")
    for path, what, err in bad[:20]:
        print(f"  {os.path.basename(path)}: {what}: {err}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
