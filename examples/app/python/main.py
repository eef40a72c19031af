"""Frostbyte example app: stream simulated sensors through filters and alarms."""

import sensor.readings
import sensor.stats
from sensor import filters, alarms, report
from sensor import describe, Channel, Sample, SensorError, OutOfRange, Dropout
from sensor.alarms import ProcessingError, HighRule, LowRule, CriticalRule

SAMPLES_PER_CHANNEL = 96
SPECS = ["temp:1800:30:4", "press:2600:45:2", "humid:1200:60:6", "light:3000:90:3"]
SEEDS = [11, 2024, 777, 31337]

CALIBRATION = {
    "temp": filters.Calibration.linear("C", 0, -40.0, 4095, 125.0),
    "press": filters.Calibration("hPa", [(4095, 1100.0), (0, 300.0), (2048, 760.0)]),
    "humid": filters.Calibration.linear("%RH", 0, 0.0, 4095, 100.0),
    "light": filters.Calibration("lux", [(0, 0.0), (1024, 50.0), (3072, 800.0), (4095, 2000.0)]),
}

RULES = {
    "temp": [HighRule("hot", 33.0), LowRule("cold", 31.5), CriticalRule("fire", 33.4)],
    "press": [HighRule("storm", 862.0)],
    "humid": [HighRule("damp", 29.8), LowRule("dry", 27.0)],
    "light": [LowRule("dusk", 750.0)],
}


def process(channel, seed, log):
    cal = CALIBRATION[channel.name]
    st = sensor.stats.RunningStats(channel.name)
    sma = filters.MovingAverage(channel.name, 5)
    ema = filters.Ema(channel.name, 0.2)
    despike = filters.make_despiker(8.0 if cal.unit != "lux" else 60.0)
    accepted = filters.make_counter()
    glitches = {}
    recent = []
    checksum = 0
    clipped = 0
    for sample in sensor.readings.samples(channel, SAMPLES_PER_CHANNEL, seed):
        try:
            sensor.readings.validate(sample)
        except OutOfRange as err:
            kind = "high" if err.value > sensor.readings.ADC_MAX else "low"
            glitches[kind] = glitches.get(kind, 0) + 1
            if sum(glitches.values()) == 1:
                print("  first glitch: %s  %r" % (err, sample))
            continue
        else:
            value, clipped = despike(cal(sample.raw))
            smooth = sma.update(value)
            ema.update(value)
            st.add(smooth)
            recent.append(value)
            if len(recent) > 7:
                del recent[0]
            accepted()
            for rule in RULES[channel.name]:
                if rule.check(smooth):
                    log.record(channel.name, sample.index, rule, round(smooth, 2))
        finally:
            checksum = sensor.stats.fold_checksum(checksum, sample.raw % 4096)
    n = accepted(0)
    print("  accepted %d/%d, glitches %r, clipped %d" % (n, SAMPLES_PER_CHANNEL, glitches, clipped))
    print(f"  ema {ema.value:8.3f} {cal.unit:<4} median(last {len(recent)}) "
          f"{sensor.stats.median(recent):.2f}  {sma!r}")
    return st, ema.value, checksum


def strict_stage(sample):
    try:
        return sensor.readings.validate(sample, 100, 4000)
    except OutOfRange as err:
        raise ProcessingError(sample.channel, "strict stage rejected #%d" % sample.index) from err


def main():
    print(report.banner(describe()))
    log = alarms.AlarmLog(capacity=8)
    results = []
    total_checksum = 0
    for spec, seed in zip(SPECS, SEEDS):
        channel = Channel.from_spec(spec)
        print("%r seed=%d" % (channel, seed))
        print("  calibration:", CALIBRATION[channel.name])
        st, last, checksum = process(channel, seed, log)
        results.append((st, last))
        total_checksum = sensor.stats.fold_checksum(total_checksum, checksum)

    print(report.banner("summary (by sd, descending)"))
    print(report.table_header())
    for st, last in sorted(results, key=lambda r: r[0].stddev, reverse=True):
        print(report.table_row(st))
    for rank, (st, last) in enumerate(results, 1):
        print(report.sci_line("%d. %s var" % (rank, st.name), st.variance))
    rounded = {st.name: round(last, 2) for st, last in results}
    print("  last ema:", rounded)

    print(report.banner("temperature histogram"))
    temp = Channel.from_spec(SPECS[0])
    cal = CALIBRATION["temp"]
    edges = [31.0, 32.0, 33.0, 34.0]
    values = (cal(s.raw) for s in sensor.readings.samples(temp, SAMPLES_PER_CHANNEL, SEEDS[0])
              if 0 <= s.raw <= sensor.readings.ADC_MAX)
    counts = sensor.stats.histogram(values, edges)
    for line in report.histogram_lines(counts, edges, cal.unit):
        print(line)

    print(report.banner("alarms"))
    for severity, channel, index, rule, value in log.entries:
        print("  %-5s %-6s #%-3d %-6s %8.2f" % (severity, channel, index, rule, value))
    severities = log.by_severity()
    print("  kept %d, dropped %d, fired %d" % (len(log), log.dropped, alarms.Rule.fired_total))
    print("  by severity:", ", ".join("%s=%d" % (k, severities[k]) for k in sorted(severities)))
    print("  rules:", [r for r in RULES["temp"] if r.fired > 0])

    print(report.banner("errors"))
    probe = Channel.from_spec("probe:3950:80:0")
    for sample in sensor.readings.samples(probe, 20, 7):
        try:
            strict_stage(sample)
        except ProcessingError as err:
            print("  caught:", err)
            cause = err.__cause__
            print("  cause: ", type(cause).__name__, "-", cause)
            print("  isinstance:", isinstance(err, SensorError), isinstance(cause, OutOfRange),
                  isinstance(cause, ProcessingError))
            break
    else:
        print("  probe never failed")
    try:
        raise Dropout("press", "no data for %d ms" % 250)
    except SensorError as err:
        print("  %s: %s (args=%d)" % (type(err).__name__, err, len(err.args)))
    try:
        sensor.stats.mean([])
    except ZeroDivisionError as err:
        print("  mean([]) raised", type(err).__name__)

    print(report.banner("checks"))
    window = [3.5, 4.25, 2.0, 5.75, 4.5]
    print("  window mean %.4f var %.4f median %.2f" % (
        sensor.stats.mean(window), sensor.stats.variance(window), sensor.stats.median(window)))
    for n in (2, 1000, 4095, 65535):
        root, depth = sensor.stats.isqrt(n)
        print(f"  isqrt({n:>5d}) = {root:>3d} depth {depth:>2d} float {n ** 0.5:10.4f}")
    print("done: %d samples, checksum %d" % (Sample.created, total_checksum))


main()
