"""Text report formatting: both %-formatting and f-string format specs."""

from . import stats

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

def filter_line(ema, unit, recent, sma):
    med = stats.median(recent)
    return f"  ema {ema:8.3f} {unit:<4} median(last {len(recent)}) {med:.2f}  {sma!r}"
