//! `random`: CPython's Mersenne Twister (MT19937, `_randommodule.c`) and the algorithms of
//! CPython 3.11's `random.py` on top of it, so a seeded generator gives exactly CPython's
//! numbers: `random`, `getrandbits`, `randrange`, `randint`, `choice`, `shuffle`, `sample`,
//! `choices`, `uniform`, `gauss`, `normalvariate`, `lognormvariate`, `expovariate`,
//! `triangular`, `randbytes`, `seed`, `getstate`/`setstate`, and the
//! class `Random` (instances with their own state).
//!
//! ```text
//!  RandomObj  ObjHeader | index usize | has_gauss usize | gauss_next f64 | mt [u32; 624]
//! ```
//! The module-level functions use one hidden `Random` instance, made on first use and kept
//! in the VM's side table of ROM objects (`Vm::rom_attrs`, keyed by `Random` itself).
//! Limits: there is no entropy source (CPython reads `os.urandom`), so the hidden instance,
//! `seed()`, `seed(None)` and `Random()` are seeded from the embedder's clock (its ticks and
//! wall time; a fixed seed, 0, without a clock), which differs from run to run only as much
//! as the clock does; str/bytes seeds are CPython's (the `hashlib` feature's SHA-512; without
//! it they raise NotImplementedError); `randrange`/`randint` bounds must fit 64 bits (`getrandbits`
//! and `_randbelow` take any size); `Random` cannot be subclassed.

use core::cell::Cell;

use crate::obj::{self, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("random",
    fns: [seed, random, getrandbits, randrange, randint, choice, shuffle, sample, choices,
          uniform, gauss, normalvariate, lognormvariate, expovariate, triangular, randbytes,
          getstate, setstate],
    values: [Random => Value::rom(&RANDOM_TYPE)],
);

const N: usize = 624;
const M: usize = 397;

#[repr(C)]
struct RandomObj {
    hdr: ObjHeader,
    index: Cell<usize>,
    has_gauss: Cell<usize>,
    gauss_next: Cell<f64>,
    mt: [Cell<u32>; N],
}

fn as_random(v: Value) -> Option<&'static RandomObj> {
    // SAFETY: objects of RANDOM_TYPE (not subclassable) are RandomObj objects made by `make`.
    core::ptr::eq(obj::type_of(v), &RANDOM_TYPE).then(|| unsafe { &*(v.as_ptr() as *const RandomObj) })
}

impl RandomObj {
    fn init_genrand(&self, s: u32) {
        self.mt[0].set(s);
        for i in 1..N {
            let p = self.mt[i - 1].get();
            self.mt[i].set(1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32));
        }
        self.index.set(N);
    }

    /// CPython's `init_by_array`.
    fn init_by_array(&self, key: &[u32]) {
        self.init_by_key(key.len(), |j| key.get(j).copied().unwrap_or(0));
    }

    /// `init_by_array` over a key of `len` words given by `key(j)`, least significant first.
    fn init_by_key(&self, len: usize, key: impl Fn(usize) -> u32) {
        self.init_genrand(19650218);
        let mt = &self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        let len = len.max(1);
        for _ in 0..N.max(len) {
            let p = mt[i - 1].get();
            let k = key(j);
            mt[i].set((mt[i].get() ^ (p ^ (p >> 30)).wrapping_mul(1664525)).wrapping_add(k).wrapping_add(j as u32));
            i += 1;
            j += 1;
            if i >= N {
                mt[0].set(mt[N - 1].get());
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = mt[i - 1].get();
            mt[i].set((mt[i].get() ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32));
            i += 1;
            if i >= N {
                mt[0].set(mt[N - 1].get());
                i = 1;
            }
        }
        mt[0].set(0x8000_0000);
        self.has_gauss.set(0);
    }

    fn next_u32(&self) -> u32 {
        let mt = &self.mt;
        if self.index.get() >= N {
            const MAG: [u32; 2] = [0, 0x9908_b0df];
            for kk in 0..N {
                let y = (mt[kk].get() & 0x8000_0000) | (mt[(kk + 1) % N].get() & 0x7fff_ffff);
                mt[kk].set(mt[(kk + M) % N].get() ^ (y >> 1) ^ MAG[(y & 1) as usize]);
            }
            self.index.set(0);
        }
        let mut y = mt[self.index.get()].get();
        self.index.set(self.index.get() + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67108864.0 + b as f64) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    fn bits64(&self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.next_u32() as u64;
                let hi = (self.next_u32() >> (64 - k)) as u64;
                lo | hi << 32
            }
        }
    }

    /// `_randbelow(n)` for `0 < n < 2**64`.
    fn below(&self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits64(k);
            if r < n {
                return r;
            }
        }
    }
}

/// A new generator seeded as `seed(None)` (from the clock). May collect.
fn make(vm: &mut Vm<'_>) -> PyResult<Value> {
    let v = vm.alloc_obj(&RANDOM_TYPE, core::mem::size_of::<RandomObj>())?;
    if let Some(r) = as_random(v) {
        seed_with(vm, r, Value::NONE)?;
    }
    Ok(v)
}

/// The hidden instance behind the module-level functions. May collect.
fn global(vm: &mut Vm<'_>) -> PyResult<&'static RandomObj> {
    let key = Value::rom(&RANDOM_TYPE);
    if vm.rom_attrs.is_null() {
        vm.rom_attrs = obj::dict::new(vm)?;
    }
    let t = vm.rom_attrs;
    let v = match obj::dict::get(vm, t, key)? {
        Some(v) => v,
        None => {
            let v = make(vm)?;
            let m = vm.roots_mark();
            vm.push_root(v)?;
            let t = vm.rom_attrs;
            let r = obj::dict::set(vm, t, key, v);
            vm.pop_roots(m);
            r?;
            v
        }
    };
    as_random(v).ok_or_else(|| vm.raise_memory_error())
}

/// `seed(a)` of str, bytes or bytearray: as CPython, the integer whose big-endian bytes are
/// `a` followed by `sha512(a)`. Allocates nothing.
#[cfg(feature = "hashlib")]
fn seed_text(_vm: &mut Vm<'_>, r: &RandomObj, d: &[u8]) -> PyResult<()> {
    let digest = crate::modules::hashlib::sha512_of(d);
    let byte = |i: usize| if i < d.len() { d[i] } else { digest[i - d.len()] };
    let total = d.len() + digest.len();
    // Big-endian bytes to little-endian words, leading zero bytes not counted (CPython's
    // key is the integer's magnitude).
    let lead = (0..total).take_while(|&i| byte(i) == 0).count();
    let words = (total - lead).div_ceil(4);
    r.init_by_key(words, |j| {
        (0..4).fold(0u32, |w, b| {
            let pos = 4 * j + b; // byte `pos` from the least significant end
            if pos >= total {
                w
            } else {
                w | u32::from(byte(total - 1 - pos)) << (8 * b)
            }
        })
    });
    Ok(())
}

#[cfg(not(feature = "hashlib"))]
fn seed_text(vm: &mut Vm<'_>, _r: &RandomObj, _d: &[u8]) -> PyResult<()> {
    Err(vm.raise_msg(
        &exc::NOT_IMPLEMENTED_ERROR_TYPE,
        "random.seed() of str, bytes or bytearray needs sha512: build with the hashlib feature",
    ))
}

/// Seed `r` from `a` as CPython's `Random.seed(a)`. May collect.
fn seed_with(vm: &mut Vm<'_>, r: &RandomObj, a: Value) -> PyResult<()> {
    if a.is_null() || a == Value::NONE {
        // CPython reads os.urandom; a device has no entropy source, so the clock's readings
        // (fixed 0 without a clock) seed it.
        let (t, w) = match vm.clock {
            Some(c) => (c.ticks_us(), c.wall_us().unwrap_or(0) as u64),
            None => (0, 0),
        };
        let s = t ^ w.rotate_left(32);
        r.init_by_array(&[s as u32, (s >> 32) as u32]);
        return Ok(());
    }
    let text = obj::str::as_str(a).map(str::as_bytes);
    let data = text.or_else(|| obj::bytes::as_bytes(a)).or_else(|| obj::bytearray::data(a));
    if let Some(d) = data {
        return seed_text(vm, r, d);
    }
    if obj::int::is_int(a) {
        let mut buf = [0u32; 2];
        let Some(ir) = obj::int::int_ref(a, &mut buf) else { return Ok(()) };
        let mut key = ir.mag;
        while key.len() > 1 && key[key.len() - 1] == 0 {
            key = &key[..key.len() - 1];
        }
        r.init_by_array(if key.is_empty() { &[0] } else { key });
        return Ok(());
    }
    if let Some(f) = obj::float::as_f64(a) {
        // CPython: (size_t)hash(a), a 64-bit word on a 64-bit host.
        let h = obj::float::hash_f64(f) as i64 as u64;
        let key = [h as u32, (h >> 32) as u32];
        r.init_by_array(if key[1] == 0 { &key[..1] } else { &key });
        return Ok(());
    }
    Err(vm.type_error(format_args!("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")))
}

/// `getrandbits(k)` of any size as an int. May collect.
fn getrandbits_value(vm: &mut Vm<'_>, r: &RandomObj, k: u64) -> PyResult<Value> {
    if k <= 62 {
        return obj::int::from_i64(vm, r.bits64(k as u32) as i64);
    }
    let words = ((k - 1) / 32 + 1) as usize;
    obj::int::compute(vm, words, 0, |out, _| {
        let mut left = k;
        for w in out.iter_mut().take(words) {
            let mut x = r.next_u32();
            if left < 32 {
                x >>= 32 - left;
            }
            *w = x;
            left = left.saturating_sub(32);
        }
        let mut len = words;
        while len > 0 && out[len - 1] == 0 {
            len -= 1;
        }
        Ok(crate::num::bigint::IntOut { neg: false, len })
    })
}

/// Bit length of the non-negative int `n`.
fn bit_length(n: Value) -> u64 {
    let mut buf = [0u32; 2];
    let Some(ir) = obj::int::int_ref(n, &mut buf) else { return 0 };
    let mut d = ir.mag;
    while let [rest @ .., 0] = d {
        d = rest;
    }
    match d.last() {
        Some(top) => (d.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
        None => 0,
    }
}

/// `_randbelow(n)` for a positive int `n` of any size. May collect.
fn below_value(vm: &mut Vm<'_>, r: &RandomObj, n: Value) -> PyResult<Value> {
    if let Some(i) = obj::int::to_i64(n) {
        return obj::int::from_i64(vm, r.below(i as u64) as i64);
    }
    let k = bit_length(n);
    loop {
        let x = getrandbits_value(vm, r, k)?;
        if obj::int::cmp(x, n) == Some(core::cmp::Ordering::Less) {
            return Ok(x);
        }
    }
}

/// The generator of a method call (`self` first) or of a module-level call, and the
/// arguments after `self`.
fn split<'a>(vm: &mut Vm<'_>, a: &Args<'a>, method: bool) -> PyResult<(&'static RandomObj, Args<'a>)> {
    if method {
        let Some(r) = as_random(a.get(0)) else {
            return Err(vm.type_error(format_args!("descriptor requires a 'random.Random' object")));
        };
        Ok((r, Args { pos: &a.pos[1..], kwnames: a.kwnames, kwvals: a.kwvals }))
    } else {
        Ok((global(vm)?, *a))
    }
}

/// Argument `i` or keyword `name` (NULL when absent).
fn arg(a: &Args<'_>, i: usize, name: &str) -> Value {
    let v = a.get(i);
    if v.is_null() {
        a.kw(name)
    } else {
        v
    }
}

fn f64_arg(vm: &mut Vm<'_>, v: Value, default: f64) -> PyResult<f64> {
    if v.is_null() {
        return Ok(default);
    }
    match obj::float::number_as_f64(vm, v)? {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format_args!("must be real number, not {}", obj::type_name(v)))),
    }
}

fn i64_index(vm: &mut Vm<'_>, v: Value) -> PyResult<i64> {
    if obj::int::is_int(v) && obj::int::to_i64(v).is_none() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "randrange() bounds must fit 64 bits in this build"));
    }
    runtime::index_arg_typed(vm, v)
}

fn do_seed(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    seed_with(vm, r, arg(&a, 0, "a"))?;
    Ok(Value::NONE)
}

fn do_random(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, _) = split(vm, a, method)?;
    obj::float::new(vm, r.random())
}

fn do_getrandbits(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let k = runtime::index_arg_typed(vm, arg(&a, 0, "k"))?;
    if k < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "number of bits must be non-negative"));
    }
    getrandbits_value(vm, r, k as u64)
}

/// `randrange(start, stop=None, step=1)` over 64-bit bounds.
fn range_pick(vm: &mut Vm<'_>, r: &RandomObj, start: i64, stop: Option<i64>, step: i64) -> PyResult<Value> {
    let Some(stop) = stop else {
        if start > 0 {
            return obj::int::from_i64(vm, r.below(start as u64) as i64);
        }
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty range for randrange()"));
    };
    let width = stop as i128 - start as i128;
    if step == 1 {
        if width > 0 {
            return obj::int::from_i128(vm, start as i128 + r.below(width as u64) as i128);
        }
        return Err(vm.value_error(format_args!("empty range for randrange() ({start}, {stop}, {width})")));
    }
    let st = step as i128;
    let n = if step > 0 {
        (width + st - 1).div_euclid(st)
    } else if step < 0 {
        (width + st + 1).div_euclid(st)
    } else {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "zero step for randrange()"));
    };
    if n <= 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty range for randrange()"));
    }
    obj::int::from_i128(vm, start as i128 + st * r.below(n as u64) as i128)
}

fn do_randrange(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let (s, e, st) = (arg(&a, 0, "start"), arg(&a, 1, "stop"), arg(&a, 2, "step"));
    if s.is_null() {
        return Err(vm.type_error(format_args!("Random.randrange() missing 1 required positional argument: 'start'")));
    }
    if obj::int::is_int(s) && obj::int::to_i64(s).is_none() && (e.is_null() || e == Value::NONE) && st.is_null() {
        if runtime::is_negative(s) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty range for randrange()"));
        }
        return below_value(vm, r, s);
    }
    let start = i64_index(vm, s)?;
    if e.is_null() || e == Value::NONE {
        if !st.is_null() {
            return Err(vm.type_error(format_args!("Missing a non-None stop argument")));
        }
        return range_pick(vm, r, start, None, 1);
    }
    let stop = i64_index(vm, e)?;
    let step = if st.is_null() { 1 } else { i64_index(vm, st)? };
    range_pick(vm, r, start, Some(stop), step)
}

fn do_randint(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let (x, y) = (arg(&a, 0, "a"), arg(&a, 1, "b"));
    if x.is_null() || y.is_null() {
        let m = if x.is_null() {
            "2 required positional arguments: 'a' and 'b'"
        } else {
            "1 required positional argument: 'b'"
        };
        return Err(vm.type_error(format_args!("Random.randint() missing {m}")));
    }
    let lo = i64_index(vm, x)?;
    let hi = i64_index(vm, y)?;
    if hi == i64::MAX {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "randrange() bounds must fit 64 bits in this build"));
    }
    range_pick(vm, r, lo, Some(hi + 1), 1)
}

fn do_choice(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let seq = arg(&a, 0, "seq");
    let n = runtime::len(vm, seq)?;
    if n == 0 {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "Cannot choose from an empty sequence"));
    }
    let i = r.below(n as u64) as isize;
    runtime::get_item(vm, seq, Value::small_int(i))
}

fn do_shuffle(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let x = arg(&a, 0, "x");
    let n = runtime::len(vm, x)?;
    let m = vm.roots_mark();
    for i in (1..n).rev() {
        let j = r.below(i as u64 + 1) as isize;
        let (ki, kj) = (Value::small_int(i as isize), Value::small_int(j));
        let res = (|| {
            let xi = runtime::get_item(vm, x, ki)?;
            vm.push_root(xi)?;
            let xj = runtime::get_item(vm, x, kj)?;
            vm.push_root(xj)?;
            runtime::set_item(vm, x, ki, xj)?;
            runtime::set_item(vm, x, kj, xi)
        })();
        vm.pop_roots(m);
        res?;
    }
    Ok(Value::NONE)
}

fn do_sample(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let (pop, kv) = (arg(&a, 0, "population"), arg(&a, 1, "k"));
    if !a.kw("counts").is_null() {
        return Err(vm.raise_msg(&exc::NOT_IMPLEMENTED_ERROR_TYPE, "sample() counts= is not supported"));
    }
    let t = obj::type_of(pop);
    if t.is_subtype(&obj::set::SET_TYPE)
        || t.is_subtype(&obj::set::FROZENSET_TYPE)
        || t.is_subtype(&obj::dict::DICT_TYPE)
    {
        return Err(vm.type_error(format_args!("Population must be a sequence.  For dicts or sets, use sorted(d).")));
    }
    if kv.is_null() {
        return Err(vm.type_error(format_args!("Random.sample() missing 1 required positional argument: 'k'")));
    }
    let n = runtime::len(vm, pop)?;
    let k = runtime::index_arg_typed(vm, kv)?;
    if k < 0 || k as u64 > n as u64 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let e = libm::ceil(libm::log((k * 3) as f64) / libm::log(4.0));
        setsize += libm::pow(4.0, e) as usize;
    }
    let m = vm.roots_mark();
    let res = (|| {
        let result = obj::list::with_capacity(vm, k)?;
        vm.push_root(result)?;
        if n <= setsize {
            let pool = obj::list::from_iter(vm, pop)?;
            vm.push_root(pool)?;
            for i in 0..k {
                let j = r.below((n - i) as u64) as usize;
                let items = obj::list::as_list(pool).map_or(&[][..], |l| l.as_slice());
                let (pj, last) = (items[j], items[n - i - 1]);
                obj::list::append(vm, result, pj)?;
                runtime::set_item(vm, pool, Value::small_int(j as isize), last)?;
            }
        } else {
            let chosen = obj::set::new(vm, false)?;
            vm.push_root(chosen)?;
            for _ in 0..k {
                let mut j;
                loop {
                    j = obj::int::from_i64(vm, r.below(n as u64) as i64)?;
                    let mm = vm.roots_mark();
                    vm.push_root(j)?;
                    let seen = obj::set::contains_key(vm, chosen, j);
                    vm.pop_roots(mm);
                    if !seen? {
                        break;
                    }
                }
                let mm = vm.roots_mark();
                vm.push_root(j)?;
                let rr = obj::set::add(vm, chosen, j);
                let x = rr.and_then(|()| runtime::get_item(vm, pop, j));
                vm.pop_roots(mm);
                let x = x?;
                vm.push_root(x)?;
                let rr = obj::list::append(vm, result, x);
                vm.pop_roots(mm);
                rr?;
            }
        }
        Ok(result)
    })();
    vm.pop_roots(m);
    res
}

fn do_choices(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let pop = arg(&a, 0, "population");
    let weights = arg(&a, 1, "weights");
    let cum = a.kw("cum_weights");
    let kv = a.kw("k");
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            a.pos.len() + 1
        )));
    }
    let k = if kv.is_null() { 1 } else { runtime::index_arg_typed(vm, kv)?.max(0) as usize };
    let n = runtime::len(vm, pop)?;
    let m = vm.roots_mark();
    let res = (|| {
        let result = obj::list::with_capacity(vm, k)?;
        vm.push_root(result)?;
        let weighted = !(weights.is_null() || weights == Value::NONE);
        let has_cum = !(cum.is_null() || cum == Value::NONE);
        if !weighted && !has_cum {
            let nf = n as f64;
            for _ in 0..k {
                let i = libm::floor(r.random() * nf) as isize;
                let x = runtime::get_item(vm, pop, Value::small_int(i))?;
                let mm = vm.roots_mark();
                vm.push_root(x)?;
                let rr = obj::list::append(vm, result, x);
                vm.pop_roots(mm);
                rr?;
            }
            return Ok(result);
        }
        if weighted && has_cum {
            return Err(vm.type_error(format_args!("Cannot specify both weights and cumulative weights")));
        }
        // Cumulative weights as floats, in a list of floats.
        let cw = obj::list::with_capacity(vm, n)?;
        vm.push_root(cw)?;
        let src = if has_cum { cum } else { weights };
        if obj::int::is_int(src) {
            return Err(vm.type_error(format_args!(
                "The number of choices must be a keyword argument: k={}",
                obj::int::to_i64(src).unwrap_or(0)
            )));
        }
        let it = runtime::get_iter(vm, src)?;
        vm.push_root(it)?;
        let mut acc: Value = Value::NULL;
        while let Some(w) = runtime::next(vm, it)? {
            let mm = vm.roots_mark();
            vm.push_root(w)?;
            acc = if acc.is_null() || has_cum {
                w
            } else {
                runtime::binary_op(vm, frostbyte_format::BinOp::Add, acc, w)?
            };
            vm.push_root(acc)?;
            let rr = obj::list::append(vm, cw, acc);
            vm.pop_roots(mm);
            rr?;
        }
        let items = obj::list::as_list(cw).map_or(&[][..], |l| l.as_slice());
        if items.len() != n {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "The number of weights does not match the population"));
        }
        let Some(&last) = items.last() else {
            return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "list index out of range"));
        };
        let total = f64_arg(vm, last, 0.0)?;
        if total <= 0.0 {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Total of weights must be finite"));
        }
        for _ in 0..k {
            let x = r.random() * total;
            // bisect_right(cum_weights, x, 0, n - 1)
            let (mut lo, mut hi) = (0usize, n - 1);
            while lo < hi {
                let mid = (lo + hi) / 2;
                let cv = obj::list::as_list(cw).map_or(Value::NONE, |l| l.as_slice()[mid]);
                let c = f64_arg(vm, cv, 0.0)?;
                if x < c {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let v = runtime::get_item(vm, pop, Value::small_int(lo as isize))?;
            let mm = vm.roots_mark();
            vm.push_root(v)?;
            let rr = obj::list::append(vm, result, v);
            vm.pop_roots(mm);
            rr?;
        }
        Ok(result)
    })();
    vm.pop_roots(m);
    res
}

fn do_uniform(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let lo = f64_arg(vm, arg(&a, 0, "a"), 0.0)?;
    let hi = f64_arg(vm, arg(&a, 1, "b"), 0.0)?;
    obj::float::new(vm, lo + (hi - lo) * r.random())
}

fn do_gauss(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let mu = f64_arg(vm, arg(&a, 0, "mu"), 0.0)?;
    let sigma = f64_arg(vm, arg(&a, 1, "sigma"), 1.0)?;
    let z = if r.has_gauss.get() != 0 {
        r.has_gauss.set(0);
        r.gauss_next.get()
    } else {
        let x2pi = r.random() * core::f64::consts::TAU;
        let g2rad = libm::sqrt(-2.0 * libm::log(1.0 - r.random()));
        r.gauss_next.set(libm::sin(x2pi) * g2rad);
        r.has_gauss.set(1);
        libm::cos(x2pi) * g2rad
    };
    obj::float::new(vm, mu + z * sigma)
}

/// random.py's `normalvariate(mu, sigma)` (Kinderman and Monahan).
fn normal(r: &RandomObj, mu: f64, sigma: f64) -> f64 {
    // 4 * exp(-0.5) / sqrt(2.0), as random.py's NV_MAGICCONST.
    let magic = 4.0 * libm::exp(-0.5) / libm::sqrt(2.0);
    let z = loop {
        let u1 = r.random();
        let u2 = 1.0 - r.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -libm::log(u2) {
            break z;
        }
    };
    mu + z * sigma
}

fn do_normalvariate(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let mu = f64_arg(vm, arg(&a, 0, "mu"), 0.0)?;
    let sigma = f64_arg(vm, arg(&a, 1, "sigma"), 1.0)?;
    obj::float::new(vm, normal(r, mu, sigma))
}

fn do_lognormvariate(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let (m, s) = (arg(&a, 0, "mu"), arg(&a, 1, "sigma"));
    if m.is_null() || s.is_null() {
        return Err(vm.type_error(format_args!("Random.lognormvariate() missing required argument 'mu' or 'sigma'")));
    }
    let mu = f64_arg(vm, m, 0.0)?;
    let sigma = f64_arg(vm, s, 1.0)?;
    let x = libm::exp(normal(r, mu, sigma));
    if x.is_infinite() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
    }
    obj::float::new(vm, x)
}

fn do_expovariate(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let l = arg(&a, 0, "lambd");
    if l.is_null() {
        return Err(vm.type_error(format_args!("Random.expovariate() missing 1 required positional argument: 'lambd'")));
    }
    let lambd = f64_arg(vm, l, 1.0)?;
    if lambd == 0.0 {
        return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "float division by zero"));
    }
    obj::float::new(vm, -libm::log(1.0 - r.random()) / lambd)
}

fn do_triangular(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let lowv = arg(&a, 0, "low");
    let mut low = f64_arg(vm, lowv, 0.0)?;
    let mut high = f64_arg(vm, arg(&a, 1, "high"), 1.0)?;
    let mode = arg(&a, 2, "mode");
    let mut u = r.random();
    let mut c = if mode.is_null() || mode == Value::NONE {
        0.5
    } else {
        let m = f64_arg(vm, mode, 0.0)?;
        if high == low {
            // random.py returns `low` itself (ZeroDivisionError caught).
            return if lowv.is_null() { obj::float::new(vm, low) } else { Ok(lowv) };
        }
        (m - low) / (high - low)
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        core::mem::swap(&mut low, &mut high);
    }
    obj::float::new(vm, low + (high - low) * libm::sqrt(u * c))
}

/// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
fn do_randbytes(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let n = runtime::index_arg_typed(vm, arg(&a, 0, "n"))?;
    if n < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "number of bits must be non-negative"));
    }
    let n = n as usize;
    let v = obj::bytes::alloc(vm, n)?;
    let d = obj::bytes::fresh_data(v);
    let mut i = 0;
    let mut left = n * 8;
    while left > 0 {
        let mut x = r.next_u32();
        if left < 32 {
            x >>= 32 - left;
        }
        for byte in x.to_le_bytes() {
            if i < n {
                d[i] = byte;
                i += 1;
            }
        }
        left = left.saturating_sub(32);
    }
    Ok(v)
}

/// `getstate()`: `(3, (mt[0], ..., mt[623], index), gauss_next)` as CPython's.
fn do_getstate(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, _) = split(vm, a, method)?;
    let m = vm.roots_mark();
    let res = (|| {
        let t = obj::tuple::alloc(vm, N + 1)?;
        vm.push_root(t)?;
        for i in 0..=N {
            let x = if i < N { r.mt[i].get() as i64 } else { r.index.get() as i64 };
            let xv = obj::int::from_i64(vm, x)?;
            obj::tuple::init_item(t, i, xv);
        }
        let g = if r.has_gauss.get() != 0 { obj::float::new(vm, r.gauss_next.get())? } else { Value::NONE };
        vm.push_root(g)?;
        obj::tuple::new(vm, &[Value::small_int(3), t, g])
    })();
    vm.pop_roots(m);
    res
}

fn do_setstate(vm: &mut Vm<'_>, a: &Args<'_>, method: bool) -> PyResult<Value> {
    let (r, a) = split(vm, a, method)?;
    let st = arg(&a, 0, "state");
    let parts = obj::tuple::items(st).unwrap_or(&[]);
    if parts.len() != 3 || obj::int::to_i64(parts[0]) != Some(3) {
        return Err(vm.raise_msg(
            &exc::VALUE_ERROR_TYPE,
            "state with version 3 passed to Random.setstate() of version 3 expected",
        ));
    }
    let Some(words) = obj::tuple::items(parts[1]).filter(|w| w.len() == N + 1) else {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "state vector is the wrong size"));
    };
    let idx = obj::int::to_i64(words[N]).unwrap_or(-1);
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "invalid state"));
    }
    for (i, w) in words[..N].iter().enumerate() {
        match obj::int::to_i64(*w) {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => r.mt[i].set(x as u32),
            _ => {
                return Err(
                    vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "Python int too large to convert to C unsigned long")
                )
            }
        }
    }
    r.index.set(idx as usize);
    let g = parts[2];
    if g == Value::NONE {
        r.has_gauss.set(0);
    } else {
        let f = f64_arg(vm, g, 0.0)?;
        r.gauss_next.set(f);
        r.has_gauss.set(1);
    }
    Ok(Value::NONE)
}

/// Module-level functions (the hidden instance) and `Random` methods (`self` first).
macro_rules! both {
    ($($name:ident => $m:ident, $imp:ident;)*) => {
        $(fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            $imp(vm, a, false)
        }
        fn $m(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            $imp(vm, a, true)
        })*
    };
}

both! {
    seed => m_seed, do_seed;
    random => m_random, do_random;
    getrandbits => m_getrandbits, do_getrandbits;
    randrange => m_randrange, do_randrange;
    randint => m_randint, do_randint;
    choice => m_choice, do_choice;
    shuffle => m_shuffle, do_shuffle;
    sample => m_sample, do_sample;
    choices => m_choices, do_choices;
    uniform => m_uniform, do_uniform;
    gauss => m_gauss, do_gauss;
    normalvariate => m_normalvariate, do_normalvariate;
    lognormvariate => m_lognormvariate, do_lognormvariate;
    expovariate => m_expovariate, do_expovariate;
    triangular => m_triangular, do_triangular;
    randbytes => m_randbytes, do_randbytes;
    getstate => m_getstate, do_getstate;
    setstate => m_setstate, do_setstate;
}

fn random_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format_args!("Random() takes at most 1 argument ({} given)", a.pos.len())));
    }
    let v = make(vm)?;
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = match as_random(v) {
        Some(r) => seed_with(vm, r, a.get(0)),
        None => Ok(()),
    };
    vm.pop_roots(m);
    r.map(|()| v)
}

static METHODS: &[Builtin] = &[
    Builtin::method(&rom_names::seed, m_seed),
    Builtin::method(&rom_names::random, m_random),
    Builtin::method(&rom_names::getrandbits, m_getrandbits),
    Builtin::method(&rom_names::randrange, m_randrange),
    Builtin::method(&rom_names::randint, m_randint),
    Builtin::method(&rom_names::choice, m_choice),
    Builtin::method(&rom_names::shuffle, m_shuffle),
    Builtin::method(&rom_names::sample, m_sample),
    Builtin::method(&rom_names::choices, m_choices),
    Builtin::method(&rom_names::uniform, m_uniform),
    Builtin::method(&rom_names::gauss, m_gauss),
    Builtin::method(&rom_names::normalvariate, m_normalvariate),
    Builtin::method(&rom_names::lognormvariate, m_lognormvariate),
    Builtin::method(&rom_names::expovariate, m_expovariate),
    Builtin::method(&rom_names::triangular, m_triangular),
    Builtin::method(&rom_names::randbytes, m_randbytes),
    Builtin::method(&rom_names::getstate, m_getstate),
    Builtin::method(&rom_names::setstate, m_setstate),
];

static SLOTS: Slots = Slots { new: Some(random_new), ..Slots::EMPTY };

/// `random.Random`.
pub static RANDOM_TYPE: Type =
    Type::builtin(&rom_names::Random, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, METHODS)
        .in_module(&TYPE_NS);
