"""Text report formatting: both %-formatting and f-string format specs."""

WIDTH = 60


def banner(title, ch="="):
    pad = (WIDTH - len(title) - 2) // 2
    return "%s %s %s" % (ch * pad, title, ch * (WIDTH - len(title) - 2 - pad))


def table_header():
    return f"{'channel':<10}{'n':>5} {'mean':>9} {'sd':>8} {'min':>8} {'max':>8}"


def table_row(st):
    return f"{st.name:<10}{st.n:>5d} {st.mean:9.3f} {st.stddev:8.3f} {st.lo:8.2f} {st.hi:8.2f}"


def sci_line(label, value):
    return f"  {label:<14}{value:+.2e}"


def bar(count, scale=1):
    return "#" * (count // scale)


def histogram_lines(counts, edges, unit):
    lines = []
    for i in range(len(edges) + 1):
        lo = "-inf" if i == 0 else "%g" % edges[i - 1]
        hi = "+inf" if i == len(edges) else "%g" % edges[i]
        n = counts.get(i, 0)
        lines.append(("  [%6s, %6s) %s %3d %s" % (lo, hi, unit, n, bar(n, 2))).rstrip())
    return lines
