//! `hashlib`: MD5, SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 (RFC 1321, FIPS 180-4),
//! written here; `new(name, data=b'')`, the constructors (`sha256(b'abc')`, `string=` as
//! CPython 3.11, `data=` as later CPythons, `usedforsecurity=` accepted and ignored), and
//! hash objects (type `HASH`) with `update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size`, `block_size`. `algorithms_guaranteed` and `algorithms_available` are ROM
//! tuples of the six names (CPython: sets, with more names).
//!
//! ```text
//!  HashObj  ObjHeader | ctx Cell<Ctx>
//!  Ctx      algo u8 | fill u8 | len u64 (bytes hashed) | state [u64; 8] | buf [u8; 128]
//! ```
//! The 32-bit algorithms keep their state words in the low halves of `state`. A hash
//! object is 224 B on 64-bit and 32-bit targets alike.

use core::cell::Cell;

use crate::obj::{self, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("hashlib",
    fns: [new, md5, sha1, sha224, sha256, sha384, sha512],
    values: [
        algorithms_guaranteed => Value::rom(&NAMES),
        algorithms_available => Value::rom(&NAMES),
    ],
);

static NAMES: crate::rom::Tuple<6> = crate::rom::Tuple::new([
    Value::qstr(&rom_names::md5),
    Value::qstr(&rom_names::sha1),
    Value::qstr(&rom_names::sha224),
    Value::qstr(&rom_names::sha256),
    Value::qstr(&rom_names::sha384),
    Value::qstr(&rom_names::sha512),
]);

#[derive(Clone, Copy, PartialEq)]
enum Algo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

const ALGOS: [Algo; 6] = [Algo::Md5, Algo::Sha1, Algo::Sha224, Algo::Sha256, Algo::Sha384, Algo::Sha512];

impl Algo {
    fn name(self) -> Value {
        match self {
            Algo::Md5 => Value::qstr(&rom_names::md5),
            Algo::Sha1 => Value::qstr(&rom_names::sha1),
            Algo::Sha224 => Value::qstr(&rom_names::sha224),
            Algo::Sha256 => Value::qstr(&rom_names::sha256),
            Algo::Sha384 => Value::qstr(&rom_names::sha384),
            Algo::Sha512 => Value::qstr(&rom_names::sha512),
        }
    }
    fn digest_size(self) -> usize {
        match self {
            Algo::Md5 => 16,
            Algo::Sha1 => 20,
            Algo::Sha224 => 28,
            Algo::Sha256 => 32,
            Algo::Sha384 => 48,
            Algo::Sha512 => 64,
        }
    }
    fn wide(self) -> bool {
        matches!(self, Algo::Sha384 | Algo::Sha512)
    }
    fn block_size(self) -> usize {
        if self.wide() {
            128
        } else {
            64
        }
    }
}

/// SHA-512's round constants (the first 64 bits of the fractional parts of the cube roots
/// of the first 80 primes); SHA-256's are the top 32 bits of the first 64.
#[rustfmt::skip]
const K512: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

/// SHA-512's initial state (square roots of the first 8 primes); SHA-256's is its top
/// halves.
#[rustfmt::skip]
const H512: [u64; 8] = [
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1,
    0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
];

/// SHA-384's initial state (square roots of the 9th to 16th primes); SHA-224's is its low
/// halves.
#[rustfmt::skip]
const H384: [u64; 8] = [
    0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939, 0x67332667ffc00b31,
    0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
];

/// MD5's sines: `floor(abs(sin(i + 1)) * 2**32)`.
#[rustfmt::skip]
const KMD5: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
    0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
    0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
    0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
    0xeb86d391,
];

/// MD5's rotation amounts: four per round.
const RMD5: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/// A running hash.
#[derive(Clone, Copy)]
struct Ctx {
    algo: u8,
    fill: u8,
    len: u64,
    state: [u64; 8],
    buf: [u8; 128],
}

/// SHA-512 of `data`, for `random.seed` of str and bytes (CPython hashes those seeds).
#[cfg(feature = "random")]
pub(crate) fn sha512_of(data: &[u8]) -> [u8; 64] {
    let mut c = Ctx::new(Algo::Sha512);
    c.update(data);
    c.digest()
}

fn be32(b: &[u8], i: usize) -> u32 {
    u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

impl Ctx {
    fn new(algo: Algo) -> Ctx {
        let state = match algo {
            Algo::Md5 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0],
            Algo::Sha1 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0, 0, 0, 0],
            Algo::Sha224 => H384.map(|h| h & 0xffff_ffff),
            Algo::Sha256 => H512.map(|h| h >> 32),
            Algo::Sha384 => H384,
            Algo::Sha512 => H512,
        };
        Ctx { algo: algo as u8, fill: 0, len: 0, state, buf: [0; 128] }
    }

    fn algo(&self) -> Algo {
        ALGOS[self.algo as usize % ALGOS.len()]
    }

    fn update(&mut self, mut data: &[u8]) {
        let bs = self.algo().block_size();
        self.len = self.len.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let fill = self.fill as usize;
            let n = (bs - fill).min(data.len());
            self.buf[fill..fill + n].copy_from_slice(&data[..n]);
            data = &data[n..];
            if fill + n == bs {
                self.fill = 0;
                self.compress();
            } else {
                self.fill = (fill + n) as u8;
            }
        }
    }

    fn compress(&mut self) {
        match self.algo() {
            Algo::Md5 => self.md5_block(),
            Algo::Sha1 => self.sha1_block(),
            Algo::Sha224 | Algo::Sha256 => self.sha256_block(),
            Algo::Sha384 | Algo::Sha512 => self.sha512_block(),
        }
    }

    fn md5_block(&mut self) {
        let m: [u32; 16] = core::array::from_fn(|i| {
            u32::from_le_bytes([self.buf[4 * i], self.buf[4 * i + 1], self.buf[4 * i + 2], self.buf[4 * i + 3]])
        });
        let s = &mut self.state;
        let (mut a, mut b, mut c, mut d) = (s[0] as u32, s[1] as u32, s[2] as u32, s[3] as u32);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let t = d;
            d = c;
            c = b;
            let x = a.wrapping_add(f).wrapping_add(KMD5[i]).wrapping_add(m[g]);
            b = b.wrapping_add(x.rotate_left(RMD5[(i / 16) * 4 + i % 4]));
            a = t;
        }
        for (w, v) in s.iter_mut().zip([a, b, c, d]) {
            *w = (*w as u32).wrapping_add(v) as u64;
        }
    }

    fn sha1_block(&mut self) {
        let mut w = [0u32; 80];
        for i in 0..80 {
            w[i] =
                if i < 16 { be32(&self.buf, i) } else { (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1) };
        }
        let s = &mut self.state;
        let mut h: [u32; 5] = core::array::from_fn(|i| s[i] as u32);
        for (i, wi) in w.iter().enumerate() {
            let [a, b, c, d, e] = h;
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6u32),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            h = [t, a, b.rotate_left(30), c, d];
        }
        for (x, v) in s.iter_mut().zip(h) {
            *x = (*x as u32).wrapping_add(v) as u64;
        }
    }

    fn sha256_block(&mut self) {
        let mut w = [0u32; 64];
        for i in 0..64 {
            w[i] = if i < 16 {
                be32(&self.buf, i)
            } else {
                let (x, y) = (w[i - 15], w[i - 2]);
                let s0 = x.rotate_right(7) ^ x.rotate_right(18) ^ (x >> 3);
                let s1 = y.rotate_right(17) ^ y.rotate_right(19) ^ (y >> 10);
                w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1)
            };
        }
        let s = &mut self.state;
        let mut h: [u32; 8] = core::array::from_fn(|i| s[i] as u32);
        for i in 0..64 {
            let [a, b, c, d, e, f, g, hh] = h;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add((K512[i] >> 32) as u32).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            h = [t1.wrapping_add(s0).wrapping_add(maj), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, v) in s.iter_mut().zip(h) {
            *x = (*x as u32).wrapping_add(v) as u64;
        }
    }

    fn sha512_block(&mut self) {
        let mut w = [0u64; 80];
        for i in 0..80 {
            w[i] = if i < 16 {
                (be32(&self.buf, 2 * i) as u64) << 32 | be32(&self.buf, 2 * i + 1) as u64
            } else {
                let (x, y) = (w[i - 15], w[i - 2]);
                let s0 = x.rotate_right(1) ^ x.rotate_right(8) ^ (x >> 7);
                let s1 = y.rotate_right(19) ^ y.rotate_right(61) ^ (y >> 6);
                w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1)
            };
        }
        let mut h = self.state;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, hh] = h;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            h = [t1.wrapping_add(s0).wrapping_add(maj), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, v) in self.state.iter_mut().zip(h) {
            *x = x.wrapping_add(v);
        }
    }

    /// The digest (its first `digest_size` bytes are meaningful) of a copy of the state.
    fn digest(mut self) -> [u8; 64] {
        let algo = self.algo();
        let bits = self.len.wrapping_mul(8);
        let hi = self.len >> 61;
        let lenfield = if algo.wide() { 16 } else { 8 };
        let stop = algo.block_size() - lenfield;
        self.update(&[0x80]);
        while self.fill as usize != stop {
            self.update(&[0]);
        }
        let mut l = [0u8; 16];
        if algo == Algo::Md5 {
            l[..8].copy_from_slice(&bits.to_le_bytes());
        } else {
            l[lenfield - 8..lenfield].copy_from_slice(&bits.to_be_bytes());
            if algo.wide() {
                l[..8].copy_from_slice(&hi.to_be_bytes());
            }
        }
        self.update(&l[..lenfield]);
        let mut out = [0u8; 64];
        if algo.wide() {
            for (o, w) in out.chunks_exact_mut(8).zip(self.state) {
                o.copy_from_slice(&w.to_be_bytes());
            }
        } else {
            for (o, w) in out.chunks_exact_mut(4).zip(self.state) {
                let w = w as u32;
                o.copy_from_slice(&if algo == Algo::Md5 { w.to_le_bytes() } else { w.to_be_bytes() });
            }
        }
        out
    }
}

#[repr(C)]
struct HashObj {
    hdr: ObjHeader,
    ctx: Cell<Ctx>,
}

fn as_hash(v: Value) -> Option<&'static HashObj> {
    // SAFETY: objects of HASH_TYPE (not subclassable) are HashObj objects made by `make`.
    core::ptr::eq(obj::type_of(v), &HASH_TYPE).then(|| unsafe { &*(v.as_ptr() as *const HashObj) })
}

/// A new hash object over `ctx`. May collect.
fn make(vm: &mut Vm<'_>, ctx: Ctx) -> PyResult<Value> {
    let v = vm.alloc_obj(&HASH_TYPE, core::mem::size_of::<HashObj>())?;
    if let Some(h) = as_hash(v) {
        h.ctx.set(ctx);
    }
    Ok(v)
}

/// Feed buffer `data` to `h`: bytes, bytearray or a contiguous memoryview.
fn feed(vm: &mut Vm<'_>, h: &HashObj, data: Value) -> PyResult<()> {
    if obj::str::is_str(data) {
        return Err(vm.type_error(format_args!("Strings must be encoded before hashing")));
    }
    #[cfg(feature = "memoryview")]
    let bytes = obj::memoryview::buffer(data).map(|b| {
        // SAFETY: the buffer lies inside `data`'s live data, read before any Python code runs.
        unsafe { core::slice::from_raw_parts(b.ptr as *const u8, b.len) }
    });
    #[cfg(not(feature = "memoryview"))]
    let bytes = obj::bytes::as_bytes(data).or_else(|| obj::bytearray::data(data));
    let Some(bytes) = bytes else {
        #[cfg(feature = "memoryview")]
        if core::ptr::eq(obj::type_of(data), &obj::memoryview::MEMORYVIEW_TYPE) {
            return Err(vm.raise_msg(&exc::BUFFER_ERROR_TYPE, "memoryview: underlying buffer is not C-contiguous"));
        }
        return Err(vm.type_error(format_args!("object supporting the buffer API required")));
    };
    let mut c = h.ctx.get();
    c.update(bytes);
    h.ctx.set(c);
    Ok(())
}

/// A new hash of `algo` fed with `data` (NULL: nothing). May collect.
fn start(vm: &mut Vm<'_>, algo: Algo, data: Value) -> PyResult<Value> {
    let v = make(vm, Ctx::new(algo))?;
    if !data.is_null() {
        if let Some(h) = as_hash(v) {
            feed(vm, h, data)?;
        }
    }
    Ok(v)
}

/// `sha256(string=b'', *, usedforsecurity=True)` and the other constructors.
fn construct(vm: &mut Vm<'_>, algo: Algo, a: &Args<'_>) -> PyResult<Value> {
    let fname = match algo {
        Algo::Md5 => "openssl_md5",
        Algo::Sha1 => "openssl_sha1",
        Algo::Sha224 => "openssl_sha224",
        Algo::Sha256 => "openssl_sha256",
        Algo::Sha384 => "openssl_sha384",
        Algo::Sha512 => "openssl_sha512",
    };
    if a.pos.len() > 1 {
        return Err(
            vm.type_error(format_args!("{fname}() takes at most 1 positional argument ({} given)", a.pos.len()))
        );
    }
    let mut data = a.get(0);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("string" | "data") if data.is_null() => data = *v,
            Some("usedforsecurity") => {}
            Some(n @ ("string" | "data")) => {
                return Err(vm.type_error(format_args!("argument for {fname}() given by name ('{n}') and position (1)")))
            }
            n => {
                return Err(
                    vm.type_error(format_args!("'{}' is an invalid keyword argument for {fname}()", n.unwrap_or("?")))
                )
            }
        }
    }
    start(vm, algo, data)
}

fn md5(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Md5, a)
}
fn sha1(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Sha1, a)
}
fn sha224(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Sha224, a)
}
fn sha256(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Sha256, a)
}
fn sha384(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Sha384, a)
}
fn sha512(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    construct(vm, Algo::Sha512, a)
}

/// `new(name, data=b'', **kwargs)`: the algorithm by name, in any case.
fn new(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!(
            "__hash_new() takes from 1 to 2 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    let mut name = a.get(0);
    let mut data = a.get(1);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("name") if name.is_null() => name = *v,
            Some("data" | "string") if data.is_null() => data = *v,
            Some("usedforsecurity") => {}
            Some(n @ ("name" | "data")) => {
                return Err(vm.type_error(format_args!("__hash_new() got multiple values for argument '{n}'")))
            }
            n => {
                return Err(vm.type_error(format_args!(
                    "__hash_new() got an unexpected keyword argument '{}'",
                    n.unwrap_or("?")
                )))
            }
        }
    }
    if name.is_null() {
        return Err(vm.type_error(format_args!("__hash_new() missing 1 required positional argument: 'name'")));
    }
    let Some(s) = obj::str::as_str(name) else {
        return Err(vm.type_error(format_args!("name must be a string")));
    };
    let algo = ALGOS.iter().copied().find(|al| obj::str::as_str(al.name()).is_some_and(|n| n.eq_ignore_ascii_case(s)));
    match algo {
        Some(al) => start(vm, al, data),
        None => Err(vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("unsupported hash type {s}"))),
    }
}

fn this(vm: &mut Vm<'_>, a: &Args<'_>, method: &str, nargs: usize) -> PyResult<&'static HashObj> {
    let Some(h) = as_hash(a.get(0)) else {
        return Err(vm.type_error(format_args!("descriptor '{method}' requires a 'HASH' object")));
    };
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("HASH.{method}() takes no keyword arguments")));
    }
    let given = a.pos.len() - 1;
    if given != nargs {
        return Err(if nargs == 0 {
            vm.type_error(format_args!("HASH.{method}() takes no arguments ({given} given)"))
        } else {
            vm.type_error(format_args!("HASH.{method}() takes exactly one argument ({given} given)"))
        });
    }
    Ok(h)
}

fn m_update(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = this(vm, a, "update", 1)?;
    feed(vm, h, a.pos[1])?;
    Ok(Value::NONE)
}

fn m_digest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = this(vm, a, "digest", 0)?;
    let c = h.ctx.get();
    let d = c.digest();
    obj::bytes::new(vm, &d[..c.algo().digest_size()])
}

fn m_hexdigest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = this(vm, a, "hexdigest", 0)?;
    let c = h.ctx.get();
    let d = c.digest();
    let n = c.algo().digest_size();
    let mut hex = [0u8; 128];
    for (i, b) in d[..n].iter().enumerate() {
        hex[2 * i] = b"0123456789abcdef"[(b >> 4) as usize];
        hex[2 * i + 1] = b"0123456789abcdef"[(b & 15) as usize];
    }
    obj::str::new(vm, core::str::from_utf8(&hex[..2 * n]).unwrap_or(""))
}

fn m_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = this(vm, a, "copy", 0)?;
    make(vm, h.ctx.get())
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(h) = as_hash(v) else { return Ok(Value::NULL) };
    let algo = h.ctx.get().algo();
    Ok(match obj::str::as_str(name) {
        Some("name") => algo.name(),
        Some("digest_size") => Value::small_int(algo.digest_size() as isize),
        Some("block_size") => Value::small_int(algo.block_size() as isize),
        _ => Value::NULL,
    })
}

crate::static_qstr!(Q_HASH, "HASH");
crate::static_qstr!(Q_UPDATE, "update");
crate::static_qstr!(Q_DIGEST, "digest");
crate::static_qstr!(Q_HEXDIGEST, "hexdigest");
crate::static_qstr!(Q_COPY, "copy");

static METHODS: &[Builtin] = &[
    Builtin::method(&Q_UPDATE, m_update),
    Builtin::method(&Q_DIGEST, m_digest),
    Builtin::method(&Q_HEXDIGEST, m_hexdigest),
    Builtin::method(&Q_COPY, m_copy),
];

static SLOTS: Slots = Slots { getattr: Some(getattr), ..Slots::EMPTY };

/// `HASH`, the type of every hash object (CPython: `_hashlib.HASH`).
static HASH_TYPE: Type =
    Type::builtin(&Q_HASH, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, METHODS).in_module(&TYPE_NS);
