"""Frostbyte example app: stream simulated sensors through filters and alarms."""

import sensor.readings
import sensor.stats
from sensor import filters, alarms, report
from sensor import describe, Channel, Sample, SensorError, OutOfRange
from sensor.alarms import ProcessingError, HighRule, LowRule, CriticalRule

PER_CHANNEL = 96
SPECS = ["temp:1800:30:4", "press:2600:45:2", "humid:1200:60:6", "light:3000:90:3"]
SEEDS = [11, 2024, 777, 31337]
CALIBRATION = {
    "temp": filters.Calibration("C", [(4095, 125.0), (0, -40.0)]),
    "press": filters.Calibration("hPa", [(4095, 1100.0), (0, 300.0), (2048, 760.0)]),
    "humid": filters.Calibration("%RH", [(0, 0.0), (4095, 100.0)]),
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
    glitches, recent, checksum = {}, [], 0
    for sample in sensor.readings.samples(channel, PER_CHANNEL, seed):
        try:
            sensor.readings.validate(sample)
        except OutOfRange as err:
            kind = "high" if err.value > sensor.readings.ADC_MAX else "low"
            glitches[kind] = glitches.get(kind, 0) + 1
            if sum(glitches.values()) == 1:
                print("  first glitch: %s  %r" % (err, sample))
            continue
        else:
            value = cal(sample.raw)
            smooth = sma.update(value)
            ema.update(value)
            st.add(smooth)
            recent.append(value)
            if len(recent) > 7:
                del recent[0]
            for rule in RULES[channel.name]:
                if rule.check(smooth):
                    log.record(channel.name, sample.index, rule, round(smooth, 2))
        finally:
            checksum = sensor.stats.fold_checksum(checksum, sample.raw % 4096)
    print("  accepted %d/%d, glitches %r" % (st.n, PER_CHANNEL, glitches))
    print(report.filter_line(ema.value, cal.unit, recent, sma))
    return st, ema.value, checksum

def strict_stage(sample):
    try:
        return sensor.readings.validate(sample, 100, 4000)
    except OutOfRange as err:
        raise ProcessingError(sample.channel, "strict stage rejected #%d" % sample.index) from err

def main():
    print(report.banner(describe()))
    log = alarms.AlarmLog(capacity=8)
    results, total_checksum = [], 0
    for spec, seed in zip(SPECS, SEEDS):
        channel = Channel.from_spec(spec)
        print("%-6s seed=%-5d %r" % (channel.name, seed, channel))
        st, last, checksum = process(channel, seed, log)
        results.append((st, last))
        total_checksum = sensor.stats.fold_checksum(total_checksum, checksum)

    print(report.banner("summary (by sd, descending)"))
    print(report.table_header())
    for st, last in sorted(results, key=lambda r: r[0].stddev, reverse=True):
        print(report.table_row(st))
    for rank, (st, last) in enumerate(results, 1):
        print(report.sci_line("%d. %s var" % (rank, st.name), st.variance))
    print("  last ema:", {st.name: round(last, 2) for st, last in results})
    print("  light calibration:", CALIBRATION["light"])

    print(report.banner("alarms"))
    for severity, channel, index, rule, value in log.entries:
        print("  %-5s %-6s #%-3d %-6s %8.2f" % (severity, channel, index, rule, value))
    print("  kept %d, dropped %d, fired %d" % (len(log.entries), log.dropped,
                                               alarms.Rule.fired_total))
    print("  rules:", [r for r in RULES["temp"] if r.fired > 0])

    print(report.banner("errors and checks"))
    for sample in sensor.readings.samples(Channel.from_spec("probe:3950:80:0"), 20, 7):
        try:
            strict_stage(sample)
        except ProcessingError as err:
            cause = err.__cause__
            print("  caught:", err)
            print("  cause: ", type(cause).__name__, "-", cause)
            print("  isinstance:", isinstance(err, SensorError), isinstance(cause, OutOfRange),
                  isinstance(cause, ProcessingError))
            break
    else:
        print("  probe never failed")
    for n in (2, 1000, 4095, 65535):
        root, depth = sensor.stats.isqrt(n)
        print(f"  isqrt({n:>5d}) = {root:>3d} depth {depth:>2d} float {n ** 0.5:10.4f}")
    print("done: %d samples, checksum %d" % (Sample.created, total_checksum))

main()
