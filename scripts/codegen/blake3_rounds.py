#!/usr/bin/env python3
"""Writes the seven unrolled BLAKE3 rounds as Java statements over locals v0..v15 and m0..m15.

The BLAKE3 message permutation is applied at generation time, so the Java code indexes the
message words directly and needs no permutation step or array. Usage:
  blake3_rounds.py print                 -> prints the rounds
  blake3_rounds.py splice <file>         -> rewrites the part of <file> between the
                                            "generated rounds" markers
"""
import sys

PERMUTATION = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8]
G_POSITIONS = [(0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
               (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14)]


def schedules():
    order = list(range(16))
    for _ in range(7):
        yield order
        order = [order[p] for p in PERMUTATION]


def emit(indent):
    lines = []
    for rnd, order in enumerate(schedules()):
        lines.append(f"// round {rnd}")
        for g, (a, b, c, d) in enumerate(G_POSITIONS):
            mx, my = f"m{order[2 * g]}", f"m{order[2 * g + 1]}"
            for m, (r1, r2) in ((mx, (16, 12)), (my, (8, 7))):
                lines.append(f"v{a} += v{b} + {m};")
                lines.append(f"v{d} = Integer.rotateRight(v{d} ^ v{a}, {r1});")
                lines.append(f"v{c} += v{d};")
                lines.append(f"v{b} = Integer.rotateRight(v{b} ^ v{c}, {r2});")
    return "\n".join(indent + line for line in lines)


def splice(path):
    with open(path) as f:
        text = f.read()
    start = text.index("\n", text.index("// generated rounds")) + 1
    end = text.rindex("\n", 0, text.index("// end of generated rounds")) + 1
    with open(path, "w") as f:
        f.write(text[:start] + emit("    ") + "\n" + text[end:])


if __name__ == "__main__":
    if sys.argv[1] == "splice":
        splice(sys.argv[2])
    else:
        print(emit("    "))
