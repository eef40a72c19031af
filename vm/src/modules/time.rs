//! `time`: CPython's clock functions (`time`, `time_ns`, `monotonic[_ns]`,
//! `perf_counter[_ns]`, `sleep`), calendar conversions (`gmtime`, `localtime`, `mktime`,
//! `struct_time`) and MicroPython's tick arithmetic (`ticks_ms`, `ticks_us`, `ticks_cpu`,
//! `ticks_add`, `ticks_diff`, `sleep_ms`, `sleep_us`, `TICKS_PERIOD` = 2**30), over the
//! embedder's [`Clock`](crate::Clock). `_idle_us(us)` is the asyncio scheduler's wait.
//!
//! Without a clock (`Vm::set_clock`) everything that reads or waits for the time raises
//! `OSError: time needs a clock; install one with Vm::set_clock`; `ticks_add`, `ticks_diff`,
//! `gmtime(secs)` and `mktime` are pure and work anyway. Local time is UTC shifted by
//! `Clock::utc_offset_s` (0 by default), with `tm_isdst` 0.

use crate::obj::{self, exception as exc, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("time",
    fns: [time, time_ns, monotonic, monotonic_ns, perf_counter, perf_counter_ns, sleep, sleep_ms,
          sleep_us, gmtime, localtime, mktime, ticks_ms, ticks_us, ticks_cpu, ticks_add, ticks_diff,
          _idle_us],
    values: [struct_time => Value::rom(&STRUCT_TIME_TYPE), TICKS_PERIOD => Value::small_int(TICKS_PERIOD as isize)],
);

/// MicroPython's tick period: ticks wrap at 2**30, so they stay small ints.
const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

fn nargs(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, min: usize, max: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    crate::runtime::check_nargs(vm, name, a, min, max)
}

fn ticks_now(vm: &mut Vm<'_>) -> PyResult<u64> {
    Ok(vm.need_clock()?.ticks_us())
}

fn wall_us(vm: &mut Vm<'_>) -> PyResult<i64> {
    match vm.need_clock()?.wall_us() {
        Some(t) => Ok(t),
        None => Err(vm.raise_msg(&exc::OS_ERROR_TYPE, "this clock has no wall time (Clock::wall_us)")),
    }
}

/// A number argument as f64 (TypeError otherwise).
fn secs_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<f64> {
    match obj::float::number_as_f64(vm, v)? {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v)))),
    }
}

fn int_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<i64> {
    crate::runtime::index_arg_typed(vm, v)
}

/// `time()`: seconds since the epoch (wall clock) as a float.
fn time(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "time", a, 0, 0)?;
    let us = wall_us(vm)?;
    obj::float::new(vm, us as f64 / 1e6)
}

fn time_ns(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "time_ns", a, 0, 0)?;
    let us = wall_us(vm)?;
    obj::int::from_i128(vm, i128::from(us) * 1000)
}

fn monotonic(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "monotonic", a, 0, 0)?;
    let us = ticks_now(vm)?;
    obj::float::new(vm, us as f64 / 1e6)
}

fn monotonic_ns(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "monotonic_ns", a, 0, 0)?;
    let us = ticks_now(vm)?;
    obj::int::from_i128(vm, i128::from(us) * 1000)
}

fn perf_counter(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "perf_counter", a, 0, 0)?;
    let us = ticks_now(vm)?;
    obj::float::new(vm, us as f64 / 1e6)
}

fn perf_counter_ns(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "perf_counter_ns", a, 0, 0)?;
    let us = ticks_now(vm)?;
    obj::int::from_i128(vm, i128::from(us) * 1000)
}

/// Wait `us` microseconds (at least; rounded up to the clock's resolution).
fn sleep_for(vm: &mut Vm<'_>, us: u64) -> PyResult<Value> {
    let now = ticks_now(vm)?;
    vm.sleep_until(now.saturating_add(us))?;
    Ok(Value::NONE)
}

/// `sleep(secs)`: int or float seconds, ValueError when negative.
fn sleep(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "sleep", a, 1, 1)?;
    let s = secs_arg(vm, a.pos[0])?;
    if s.is_nan() {
        return Err(vm.value_error(format_args!("Invalid value NaN (not a number)")));
    }
    if s < 0.0 {
        return Err(vm.value_error(format_args!("sleep length must be non-negative")));
    }
    let us = libm::ceil(s * 1e6);
    if us >= u64::MAX as f64 {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "sleep length is too large"));
    }
    sleep_for(vm, us as u64)
}

/// `sleep_ms(ms)` / `sleep_us(us)`: MicroPython's; a negative length does not wait.
fn sleep_ms(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "sleep_ms", a, 1, 1)?;
    let ms = int_arg(vm, a.pos[0])?;
    sleep_for(vm, (ms.max(0) as u64).saturating_mul(1000))
}

fn sleep_us(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "sleep_us", a, 1, 1)?;
    let us = int_arg(vm, a.pos[0])?;
    sleep_for(vm, us.max(0) as u64)
}

/// `_idle_us(us)`: for the asyncio scheduler (see `Vm::idle_us`).
fn _idle_us(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "_idle_us", a, 1, 1)?;
    let us = int_arg(vm, a.pos[0])?;
    vm.idle_us(us)?;
    Ok(Value::NONE)
}

fn ticks_ms(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "ticks_ms", a, 0, 0)?;
    let t = ticks_now(vm)? / 1000;
    Ok(Value::small_int((t & TICKS_MAX as u64) as isize))
}

fn ticks_us(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "ticks_us", a, 0, 0)?;
    let t = ticks_now(vm)?;
    Ok(Value::small_int((t & TICKS_MAX as u64) as isize))
}

/// `ticks_cpu()`: the finest counter there is; here the microsecond ticks.
fn ticks_cpu(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "ticks_cpu", a, 0, 0)?;
    let t = ticks_now(vm)?;
    Ok(Value::small_int((t & TICKS_MAX as u64) as isize))
}

/// A ticks value argument, taken modulo the period as MicroPython does.
fn ticks_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<i64> {
    Ok(int_arg(vm, v)? & TICKS_MAX)
}

/// `ticks_add(ticks, delta)`: `(ticks + delta) mod 2**30`; OverflowError for a delta outside
/// `(-2**29, 2**29)`, as MicroPython.
fn ticks_add(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "ticks_add", a, 2, 2)?;
    let t = ticks_arg(vm, a.pos[0])?;
    let d = int_arg(vm, a.pos[1])?;
    if d <= -TICKS_HALF || d >= TICKS_HALF {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "ticks interval overflow"));
    }
    Ok(Value::small_int(((t + d) & TICKS_MAX) as isize))
}

/// `ticks_diff(end, start)`: the signed distance in `[-2**29, 2**29)`.
fn ticks_diff(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "ticks_diff", a, 2, 2)?;
    let end = ticks_arg(vm, a.pos[0])?;
    let start = ticks_arg(vm, a.pos[1])?;
    let d = ((end - start + TICKS_HALF) & TICKS_MAX) - TICKS_HALF;
    Ok(Value::small_int(d as isize))
}

// ---- calendar ----

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The nine fields of `struct_time` for `secs` seconds after the epoch.
fn fields(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    // 1970-01-01 was a Thursday (Monday is 0).
    let wday = (days + 3).rem_euclid(7);
    [y, m, d, rem / 3600, rem / 60 % 60, rem % 60, wday, yday, 0]
}

/// Seconds of `secs` (None: now, from the wall clock), floored as CPython does.
fn when(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<i64> {
    nargs(vm, name, a, 0, 1)?;
    match a.pos.first() {
        None => Ok(wall_us(vm)?.div_euclid(1_000_000)),
        Some(v) if *v == Value::NONE => Ok(wall_us(vm)?.div_euclid(1_000_000)),
        Some(v) if obj::int::is_int(*v) => match obj::int::to_i64(*v) {
            Some(s) if s.unsigned_abs() < 1 << 50 => Ok(s),
            _ => Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "timestamp out of range for platform time_t")),
        },
        Some(v) => {
            let f = secs_arg(vm, *v)?;
            if f.is_nan() {
                return Err(vm.value_error(format_args!("Invalid value NaN (not a number)")));
            }
            if f.is_nan() || f.abs() >= (1u64 << 50) as f64 {
                return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "timestamp out of range for platform time_t"));
            }
            Ok(libm::floor(f) as i64)
        }
    }
}

fn make_struct(vm: &mut Vm<'_>, f: [i64; 9]) -> PyResult<Value> {
    let mut items = [Value::NONE; 9];
    for (v, x) in items.iter_mut().zip(f) {
        // Years beyond the small-int range do not occur (timestamps are bounded above).
        *v = Value::small_int(x as isize);
    }
    obj::tuple::new_of_type(vm, &STRUCT_TIME_TYPE, &items)
}

/// `gmtime([secs])`.
fn gmtime(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let s = when(vm, a, "gmtime")?;
    make_struct(vm, fields(s))
}

/// `localtime([secs])`: UTC shifted by the clock's offset (UTC without a clock).
fn localtime(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let s = when(vm, a, "localtime")?;
    let off = vm.clock.map_or(0, |c| c.utc_offset_s(s));
    make_struct(vm, fields(s + i64::from(off)))
}

/// `mktime(t)`: the inverse of `localtime`, as a float; out-of-range fields are normalised
/// (month 13 is January of the next year, day 0 the last day of the previous month).
fn mktime(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "mktime", a, 1, 1)?;
    let t = a.pos[0];
    let Some(xs) = obj::tuple::items(t) else {
        return Err(vm.type_error(format_args!("Tuple or struct_time argument required")));
    };
    if xs.len() != 9 {
        return Err(vm.type_error(format_args!("mktime(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (x, v) in f.iter_mut().zip(xs) {
        *x = int_arg(vm, *v)?;
    }
    let [y, mon, d, h, mi, s, ..] = f;
    let mon0 = mon - 1;
    let y = y + mon0.div_euclid(12);
    let days = days_from_civil(y, mon0.rem_euclid(12) + 1, 1) + d - 1;
    let local = days * 86_400 + h * 3600 + mi * 60 + s;
    let off = vm.clock.map_or(0, |c| c.utc_offset_s(local));
    obj::float::new(vm, (local - i64::from(off)) as f64)
}

// ---- struct_time ----

crate::static_qstr!(Q_STRUCT_TIME, "struct_time");

const FIELD_NAMES: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// `time.struct_time(tm_year=..., ...)`.
fn st_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "time.struct_time(")?;
    super::sysinfo::fields_repr(vm, v, &FIELD_NAMES, sb)
}

/// `t.tm_year` ... `t.tm_isdst`.
fn st_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(n) = obj::str::as_str(name) else { return Ok(Value::NULL) };
    let xs = obj::tuple::items(v).unwrap_or(&[]);
    Ok(FIELD_NAMES.iter().position(|f| *f == n).and_then(|i| xs.get(i).copied()).unwrap_or(Value::NULL))
}

/// `struct_time(seq)`: a sequence of 9 items.
fn st_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "struct_time", a, 1, 1)?;
    let l = obj::list::from_iter(vm, a.pos[0])?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let xs = obj::list::as_list(l).map_or(&[][..], |l| l.as_slice());
    let r = if xs.len() == 9 {
        obj::tuple::new_of_type(vm, &STRUCT_TIME_TYPE, xs)
    } else {
        Err(vm.type_error(format_args!("time.struct_time() takes a 9-sequence ({}-sequence given)", xs.len())))
    };
    vm.pop_roots(m);
    r
}

static STRUCT_TIME_SLOTS: Slots =
    Slots { repr: Some(st_repr), getattr: Some(st_getattr), new: Some(st_new), ..obj::tuple::TUPLE_SLOTS };

static STRUCT_TIME_METHODS: &[Builtin] = &[];

/// `time.struct_time`: a tuple of 9 ints with named fields.
pub static STRUCT_TIME_TYPE: Type = Type::builtin(
    &Q_STRUCT_TIME,
    Some(&obj::tuple::TUPLE_TYPE),
    Kind::Tuple,
    0,
    &STRUCT_TIME_SLOTS,
    STRUCT_TIME_METHODS,
)
.in_module(&TYPE_NS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for d in [-719_468i64, -1, 0, 1, 365, 10_957, 11_016, 2_932_896] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(fields(0), [1970, 1, 1, 0, 0, 0, 3, 1, 0]);
        assert_eq!(fields(1_000_000_000), [2001, 9, 9, 1, 46, 40, 6, 252, 0]);
        assert_eq!(fields(-1), [1969, 12, 31, 23, 59, 59, 2, 365, 0]);
    }
}
