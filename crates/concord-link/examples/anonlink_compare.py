#!/usr/bin/env python3
"""Times anonlink's candidate generation on filters written by anonlink_compare.rs.

usage: anonlink_compare.py FILTERS BITS N_LEFT N_RIGHT THRESHOLD PAIRS_OUT REPEAT

FILTERS holds N_LEFT then N_RIGHT filters of BITS bits as raw bytes (little-endian 64-bit
words). Runs anonlink.candidate_generation.find_candidate_pairs with
anonlink.similarities.dice_coefficient_accelerated (single-threaded C++) REPEAT times, prints
`RESULT seconds=<best> candidates=<n> version=<anonlink version>`, and writes the candidate
pairs (left, right), sorted, to PAIRS_OUT as little-endian 32-bit integers.
Exits with 3 when anonlink or bitarray cannot be imported.
"""
import struct
import sys
import time


def read_filters(path, bits, n_left, n_right):
    from bitarray import bitarray

    size = bits // 8
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != size * (n_left + n_right):
        sys.exit(f"{path}: {len(data)} bytes, expected {size * (n_left + n_right)}")

    def filters(first, n):
        out = []
        for i in range(first, first + n):
            b = bitarray(endian="little")
            b.frombytes(data[i * size:(i + 1) * size])
            out.append(b)
        return out

    return filters(0, n_left), filters(n_left, n_right)


def main():
    if len(sys.argv) != 8:
        sys.exit(__doc__)
    path, bits, n_left, n_right, threshold, pairs_out, repeat = sys.argv[1:]
    try:
        import anonlink
        from anonlink.candidate_generation import find_candidate_pairs
        from anonlink.similarities import dice_coefficient_accelerated
    except ImportError as e:
        print(f"anonlink cannot be imported: {e}")
        sys.exit(3)
    left, right = read_filters(path, int(bits), int(n_left), int(n_right))
    best, result = float("inf"), None
    for _ in range(int(repeat)):
        start = time.perf_counter()
        result = find_candidate_pairs([left, right], dice_coefficient_accelerated, float(threshold))
        best = min(best, time.perf_counter() - start)
    _sims, _datasets, (records_left, records_right) = result
    pairs = sorted(zip(records_left, records_right))
    with open(pairs_out, "wb") as f:
        f.write(b"".join(struct.pack("<II", i, j) for i, j in pairs))
    print(f"RESULT seconds={best:.6f} candidates={len(pairs)} version={anonlink.__version__}")


if __name__ == "__main__":
    main()
