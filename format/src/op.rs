//! The opcode table: one line per opcode, giving its operands and stack effect.
//!
//! An instruction is one opcode byte followed by its operands, each a varuint
//! ([`crate::varint`]):
//! ```text
//!  [ opcode u8 ][ operand 0 (varuint/varsint) ][ operand 1 ] ...
//! ```
//! Operand kinds: `U` unsigned varuint, `S` zigzag varsint, `J` jump target (absolute
//! bytecode offset in the same code object, varuint).
//!
//! Notation in the stack column: `a b -- c` means `b` is on top before and `c` is pushed
//! after. `NULL` is the VM's empty-slot sentinel (never a Python value). `k`, `n`, `i`
//! name operands; `consts[k]` is the code object's constant table, `names[n]` the module's
//! name table (qstrs), `L[i]` local slot `i` of the frame.
//!
//! Local slots: `[params (positional, kw-only, *args, **kwargs)..., other locals...,
//! free variables...]`; the last `Code::n_free` slots are filled from the function's
//! closure tuple at frame setup. A slot holding a cell (after MAKE_CELL or a free var) is
//! accessed with the *_DEREF opcodes only.
//!
//! Every row of [`for_each_op!`] is data: the opcode's name and number, its operand roles
//! ([`Role`]: what each operand means, which also fixes its encoding), its stack effect
//! (a number, or a closure over the operands) and its control flow ([`Flow`]: falls
//! through, branches, jumps or ends the block). Generated from the rows: the [`Op`] enum,
//! its decoder and name, the operand encodings, [`Op::stack_effect`], [`Op::jump_effect`],
//! [`Op::is_terminal`] (the compiler's assembler checks stack depth with these), the
//! disassembler's operand rendering (by role) and [`FINGERPRINT`], which feeds
//! [`crate::VERSION`]: a changed row changes the format version, so an image built for an
//! older table cannot link against a newer VM.
//!
//! Adding an opcode: append one row with the next free number (the codes must stay dense,
//! a unit test checks it), give its roles, stack effect and flow, then handle it in the
//! VM's dispatch loop (an arm in `exec`, `vm/src/interp/mod.rs`, calling a handler in the
//! family file under `vm/src/interp/`) and emit it from the compiler's codegen.

/// Calls `$m!` with the opcode table, one row per opcode:
/// `(Name, code, [operand roles], (stack effect), flow, "stack picture and meaning")`.
///
/// The stack effect is the net change in depth when the instruction falls through: a
/// constant such as `(-1)`, or a closure over the operands such as `(|n| 1 - n)` or
/// `(|a, b| a + b)` (`bits(x)` counts set bits). The flow is `Next` (always falls
/// through), `Branch(e)` (may jump; the depth change on the jump is `e`), `Goto` (always
/// jumps, with the stack effect) or `Stop` (leaves the frame: return or raise).
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // name              code  operands            stack effect      flow        what it does (stack: before -- after)
            // --- stack manipulation ---
            (Nop,                  0, [],                 (0),             Next,       "--"),
            (PopTop,               1, [],                 (-1),            Next,       "a --"),
            (Copy,                 2, [Imm],              (1),             Next,       "... x (i-1 more) -- ... x ... x      push a copy of the i-th item, 1 = TOS"),
            (Swap,                 3, [Imm],              (0),             Next,       "swap TOS with the i-th item (i >= 2)"),
            // --- constants ---
            (LoadConst,            4, [Const],            (1),             Next,       "-- consts[k]"),
            (LoadSmallInt,         5, [Signed],           (1),             Next,       "-- int(v)      v fits a small int on every target (31 bits)"),
            (LoadNone,             6, [],                 (1),             Next,       "-- None"),
            (LoadTrue,             7, [],                 (1),             Next,       "-- True"),
            (LoadFalse,            8, [],                 (1),             Next,       "-- False"),
            // --- names ---
            (LoadFast,             9, [Local],            (1),             Next,       "-- L[i]        UnboundLocalError if empty"),
            (StoreFast,           10, [Local],            (-1),            Next,       "v --           L[i] = v"),
            (DeleteFast,          11, [Local],            (0),             Next,       "--             L[i] = NULL (UnboundLocalError if already empty)"),
            (LoadDeref,           12, [Local],            (1),             Next,       "-- L[i].cell_contents   NameError (free) / UnboundLocalError (cell) if empty"),
            (StoreDeref,          13, [Local],            (-1),            Next,       "v --           L[i].cell_contents = v"),
            (DeleteDeref,         14, [Local],            (0),             Next,       "--             L[i].cell_contents = NULL"),
            (LoadClosure,         15, [Local],            (1),             Next,       "-- L[i]        the cell object itself"),
            (MakeCell,            16, [Local],            (0),             Next,       "--             L[i] = cell(L[i]) (cell empty if the slot was empty)"),
            (LoadGlobal,          17, [Name],             (1),             Next,       "-- globals[names[n]] or builtins[names[n]]   NameError if neither"),
            (StoreGlobal,         18, [Name],             (-1),            Next,       "v --           globals[names[n]] = v"),
            (DeleteGlobal,        19, [Name],             (0),             Next,       "--             del globals[names[n]]"),
            (LoadName,            20, [Name],             (1),             Next,       "-- locals/globals/builtins lookup of names[n] (module and class bodies)"),
            (StoreName,           21, [Name],             (-1),            Next,       "v --           locals[names[n]] = v"),
            (DeleteName,          22, [Name],             (0),             Next,       "--             del locals[names[n]]"),
            // --- attributes and items ---
            (LoadAttr,            23, [Name],             (0),             Next,       "o -- o.names[n]"),
            (StoreAttr,           24, [Name],             (-2),            Next,       "v o --         o.names[n] = v"),
            (DeleteAttr,          25, [Name],             (-1),            Next,       "o --           del o.names[n]"),
            (LoadMethod,          26, [Name],             (1),             Next,       "o -- f s       s = o and f = unbound method, or s = NULL and f = o.names[n]"),
            (BinarySubscr,        27, [],                 (-1),            Next,       "o k -- o[k]"),
            (StoreSubscr,         28, [],                 (-3),            Next,       "v o k --       o[k] = v"),
            (DeleteSubscr,        29, [],                 (-2),            Next,       "o k --         del o[k]"),
            // --- operators ---
            (BinaryOp,            30, [BinOp],            (-1),            Next,       "a b -- a OP b  OP = BinOp::from_u8(k) (in-place variants try __iop__ first)"),
            (UnaryOp,             31, [UnaryOp],          (0),             Next,       "a -- OP a      OP = UnaryOp::from_u8(k)"),
            (CompareOp,           32, [CmpOp],            (-1),            Next,       "a b -- a OP b  OP = CmpOp::from_u8(k) (in, not in, is, is not included)"),
            // --- control flow ---
            (Jump,                33, [Jump],             (0),             Goto,       "--             ip = t"),
            (PopJumpIfFalse,      34, [Jump],             (-1),            Branch(-1), "c --           if not truthy(c): ip = t"),
            (PopJumpIfTrue,       35, [Jump],             (-1),            Branch(-1), "c --           if truthy(c): ip = t"),
            (JumpIfFalseOrPop,    36, [Jump],             (-1),            Branch(0),  "c -- c | --    if not truthy(c): ip = t (c stays) else pop"),
            (JumpIfTrueOrPop,     37, [Jump],             (-1),            Branch(0),  "c -- c | --    if truthy(c): ip = t (c stays) else pop"),
            (GetIter,             38, [],                 (0),             Next,       "o -- iter(o)"),
            (ForIter,             39, [Jump],             (1),             Branch(-1), "it -- it v     on exhaustion: it -- and ip = t"),
            // --- building ---
            (BuildTuple,          40, [Count],            (|n| 1 - n),     Next,       "x1..xn -- (x1, .., xn)"),
            (BuildList,           41, [Count],            (|n| 1 - n),     Next,       "x1..xn -- [x1, .., xn]"),
            (BuildSet,            42, [Count],            (|n| 1 - n),     Next,       "x1..xn -- {x1, .., xn}"),
            (BuildMap,            43, [Count],            (|n| 1 - 2 * n), Next,       "k1 v1 .. kn vn -- {k1: v1, ..}"),
            (BuildSlice,          44, [Count],            (|n| 1 - n),     Next,       "a b -- slice(a, b) (n = 2) | a b c -- slice(a, b, c) (n = 3)"),
            (BuildString,         45, [Count],            (|n| 1 - n),     Next,       "s1..sn -- s1 + .. + sn  (all str)"),
            (FormatValue,         46, [FormatFlags],      (|k| -bits(k & 4)), Next,    "v [spec] -- str   k & 3: 0 none, 1 str(), 2 repr(), 3 ascii(); k & 4: spec on stack"),
            (ListAppend,          47, [Imm],              (-1),            Next,       "l (i-1 items) v -- l (i-1 items)   l.append(v), l is the i-th item after popping v"),
            (SetAdd,              48, [Imm],              (-1),            Next,       "s (i-1 items) v -- s ...            s.add(v)"),
            (MapAdd,              49, [Imm],              (-2),            Next,       "d (i-1 items) k v -- d ...          d[k] = v"),
            (ListExtend,          50, [Imm],              (-1),            Next,       "l (i-1 items) it -- l ...           l.extend(it)"),
            (SetUpdate,           51, [Imm],              (-1),            Next,       "s (i-1 items) it -- s ...           s.update(it)"),
            (DictUpdate,          52, [Imm],              (-1),            Next,       "d (i-1 items) m -- d ...            d.update(m)"),
            (DictMerge,           53, [Imm],              (-1),            Next,       "d (i-1 items) m -- d ...            like DictUpdate; duplicate key is a TypeError (call **kwargs)"),
            (ListToTuple,         54, [],                 (0),             Next,       "l -- tuple(l)"),
            (UnpackSequence,      55, [Count],            (|n| n - 1),     Next,       "seq -- xn .. x1   x1 on top; ValueError if len(seq) != n"),
            (UnpackEx,            56, [Count, Count],     (|a, b| a + b),  Next,       "seq -- xn .. [star] .. x1   a items before the starred list, b after"),
            // --- functions and calls ---
            (MakeFunction,        57, [FunctionFlags],    (|k| -bits(k & 7)), Next,    "[defaults] [kwdefaults] [closure] code -- fn   k & 1: defaults tuple, k & 2: kw-defaults dict, k & 4: closure tuple of cells"),
            (Call,                58, [Count],            (|n| -n),        Next,       "f a1..an -- f(a1..an)"),
            (CallKw,              59, [Count],            (|n| -n - 1),    Next,       "f a1..an names -- f(...)   names: tuple of str; the last len(names) args are keywords"),
            (CallMethod,          60, [Count],            (|n| -n - 1),    Next,       "f s a1..an -- r   r = f(s, a1..an) if s is not NULL else f(a1..an)"),
            (CallMethodKw,        61, [Count],            (|n| -n - 2),    Next,       "f s a1..an names -- r   as CallMethod with keywords as in CallKw"),
            (CallEx,              62, [Imm],              (|k| -1 - bits(k & 1)), Next, "f args [kwargs] -- f(*args, **kwargs)   args: tuple; k & 1: kwargs dict present"),
            (ReturnValue,         63, [],                 (-1),            Stop,       "v --           return v from the frame"),
            (YieldValue,          64, [],                 (0),             Next,       "v -- sent      suspend the generator yielding v; resumed with the sent value"),
            (BuildClass,          65, [Count],            (|n| -n - 1),    Next,       "body name b1..bn -- cls   run body (a function) with a fresh namespace, then type(name, bases, ns); if body returns a cell, set it to cls"),
            // --- exceptions ---
            (RaiseVarargs,        66, [Count],            (|n| -n),        Stop,       "n = 0: re-raise the handled exception | exc -- (n = 1) | exc cause -- (n = 2: raise exc from cause)"),
            (PushExcInfo,         67, [],                 (1),             Next,       "exc -- prev exc   prev = currently handled exception (None if none); handled = exc"),
            (PopExcept,           68, [],                 (-1),            Next,       "prev --         handled = prev"),
            (CheckExcMatch,       69, [],                 (0),             Next,       "exc t -- exc b   b = isinstance(exc, t) (t a class or tuple of classes)"),
            (Reraise,             70, [],                 (-1),            Stop,       "exc --          raise exc again, keeping its traceback"),
            (LoadAssertionError,  71, [],                 (1),             Next,       "-- AssertionError"),
            // --- imports ---
            (ImportName,          72, [Name, Level],      (0),             Next,       "fromlist -- module   __import__(names[n], fromlist, level = second operand)"),
            (ImportFrom,          73, [Name],             (1),             Next,       "m -- m x        x = m.names[n], or the submodule m.names[n]; ImportError if neither"),
            (ImportStar,          74, [],                 (-1),            Next,       "m --            copy the public names of m into the namespace"),
            // --- frozen functions ---
            (MakeRomFunction,     75, [Const],            (1),             Next,       "-- fn           consts[k]: a ROM function (no closure, constant defaults), pushed as is in its module's first namespace, else copied to the heap"),
            // --- frozen class namespaces ---
            (BuildRomClass,       76, [Const, Bases],     (|_k, n| -n),    Next,       "name b1..bn -- cls   consts[k]: a ROM dict, the namespace of a class body frozen whole; n bases; read in place in its module's first namespace, else copied"),
            // --- pattern matching (`match`) ---
            (MatchSequence,       77, [],                 (1),             Next,       "s -- s b        b = s is a sequence for patterns (list, tuple, range; not str/bytes)"),
            (MatchMapping,        78, [],                 (1),             Next,       "s -- s b        b = s is a mapping for patterns (dict)"),
            (GetLen,              79, [],                 (1),             Next,       "o -- o len(o)"),
            (MatchKeys,           80, [],                 (1),             Next,       "s keys -- s keys vals   vals = tuple of s.get(k) for each key, None if one is missing; ValueError on a repeated key"),
            (MatchClass,          81, [Count],            (-2),            Next,       "s cls names -- attrs   attrs = tuple of n positional (via __match_args__) and keyword attributes, or None"),
            // --- with, yield from, await ---
            (BeforeWith,          82, [],                 (1),             Next,       "mgr -- exit res   exit = bound mgr.__exit__, res = mgr.__enter__()"),
            (BeforeAsyncWith,     83, [],                 (1),             Next,       "mgr -- aexit aw   aexit = bound mgr.__aexit__, aw = mgr.__aenter__()"),
            (WithExceptStart,     84, [],                 (1),             Next,       "exit prev exc -- exit prev exc r   r = exit(type(exc), exc, None)"),
            (GetYieldFromIter,    85, [],                 (0),             Next,       "o -- it         a generator or coroutine as is, else iter(o)"),
            (GetAwaitable,        86, [Imm],              (0),             Next,       "o -- it         the iterator `await o` drives; k names the context of errors: 0 await, 1 __aenter__, 2 __aexit__"),
            (Send,                87, [Jump],             (0),             Branch(-1), "recv v -- recv y   send v into recv; when recv returns r instead: recv v -- r and ip = t"),
            (GetAIter,            88, [],                 (0),             Next,       "o -- ait        o.__aiter__()"),
            (GetANext,            89, [],                 (1),             Next,       "ait -- ait aw   the awaitable of ait.__anext__()"),
            (EndAsyncFor,         90, [],                 (-2),            Next,       "ait exc --      the end of `async for`: StopAsyncIteration ends the loop, anything else is raised again"),
            (AsyncGenWrap,        91, [],                 (0),             Next,       "v -- w          mark v as a value the async generator yields (not an await's yield)"),
            // --- except* (exception groups) ---
            (CheckEgMatch,        92, [],                 (0),             Next,       "exc t -- rest match   split exc by the except* type t (a naked exc that matches is wrapped in a group); match None if nothing matched; handled = match"),
            (PrepReraiseStar,     93, [],                 (-1),            Next,       "orig excs -- e   what the except* clauses leave to raise: the raised and re-raised parts of excs, merged against orig (None if nothing)"),
        }
    };
}

/// Evaluates a stack-effect cell of the table with the instruction's operands `$args`.
macro_rules! op_effect {
    (|$a:ident| $e:expr; $args:ident) => {{
        let $a = $args[0];
        $e
    }};
    (|$a:ident, $b:ident| $e:expr; $args:ident) => {{
        let $a = $args[0];
        let $b = $args[1];
        $e
    }};
    ($e:expr; $args:ident) => {{
        let _ = $args;
        $e
    }};
}

/// Number of set bits, for the stack effect of flag operands.
const fn bits(x: i64) -> i64 {
    x.count_ones() as i64
}

macro_rules! define_ops {
    ($(($name:ident, $code:literal, [$($role:ident),*], ($($fx:tt)*), $flow:ident $(($jx:literal))?, $doc:literal)),* $(,)?) => {
        /// A Frostbyte opcode. See the module documentation for the table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $(#[doc = $doc] $name = $code,)*
        }

        impl Op {
            /// Every opcode, in code order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// Decode an opcode byte.
            #[inline]
            pub const fn from_u8(b: u8) -> Option<Op> {
                match b {
                    $($code => Some(Op::$name),)*
                    _ => None,
                }
            }

            /// Name for disassembly, e.g. `LoadFast`.
            pub const fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }

            /// What each operand means, in order.
            pub const fn roles(self) -> &'static [Role] {
                match self { $(Op::$name => &[$(Role::$role),*],)* }
            }

            /// How each operand is encoded, in order (follows from [`Op::roles`]).
            pub const fn operands(self) -> &'static [OperandKind] {
                match self {
                    $(Op::$name => {
                        const KINDS: &[OperandKind] = &[$(Role::$role.kind()),*];
                        KINDS
                    })*
                }
            }

            /// Net stack-depth change when the instruction falls through to the next one
            /// (for a `Goto`, when it jumps). `args` are the decoded operands (unused ones 0).
            pub const fn stack_effect(self, args: [i64; 2]) -> i64 {
                match self { $(Op::$name => op_effect!($($fx)*; args),)* }
            }

            /// The instruction's control flow.
            pub const fn flow(self) -> Flow {
                match self { $(Op::$name => Flow::$flow $(($jx))?,)* }
            }

            /// The stack-line of the table: the stack picture and what the opcode does.
            pub const fn doc(self) -> &'static str {
                match self { $(Op::$name => $doc,)* }
            }
        }
    };
}
for_each_op!(define_ops);

impl Op {
    /// Net stack-depth change when the instruction jumps; `None` if it never jumps.
    pub const fn jump_effect(self, args: [i64; 2]) -> Option<i64> {
        match self.flow() {
            Flow::Branch(e) => Some(e as i64),
            Flow::Goto => Some(self.stack_effect(args)),
            Flow::Next | Flow::Stop => None,
        }
    }

    /// True if control never falls through to the next instruction.
    pub const fn is_terminal(self) -> bool {
        matches!(self.flow(), Flow::Goto | Flow::Stop)
    }
}

/// Control flow of an opcode (a column of the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Always continues with the next instruction.
    Next,
    /// May jump to its `Jump` operand (the depth changes by the given amount when it
    /// does) or fall through.
    Branch(i8),
    /// Always jumps to its `Jump` operand.
    Goto,
    /// Leaves the frame (return, raise): nothing follows in this block.
    Stop,
}

/// What an operand means (a column of the table). Its encoding follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Role {
    /// A small unsigned number with no further meaning (a stack position, flags).
    Imm = 0,
    /// A count of stack items.
    Count = 1,
    /// A local slot `L[i]`.
    Local = 2,
    /// An index into the module's name table.
    Name = 3,
    /// An index into the code object's constant table.
    Const = 4,
    /// A jump target: absolute bytecode offset.
    Jump = 5,
    /// A signed immediate (zigzag varsint).
    Signed = 6,
    /// A [`BinOp`] number.
    BinOp = 7,
    /// A [`UnaryOp`] number.
    UnaryOp = 8,
    /// A [`CmpOp`] number.
    CmpOp = 9,
    /// `FormatValue`'s conversion and spec flags.
    FormatFlags = 10,
    /// `MakeFunction`'s flags (defaults, kw-defaults, closure).
    FunctionFlags = 11,
    /// The relative-import level of `ImportName`.
    Level = 12,
    /// The number of base classes of `BuildRomClass`.
    Bases = 13,
}

impl Role {
    /// How an operand of this role is encoded.
    pub const fn kind(self) -> OperandKind {
        match self {
            Role::Signed => OperandKind::S,
            Role::Jump => OperandKind::J,
            _ => OperandKind::U,
        }
    }
}

/// Fingerprint of the opcode table: FNV-1a over every row's name, number, operand roles,
/// flow and stack effects (evaluated at a few operand values, so the fingerprint depends
/// on what the effects compute, not on how they are spelled). Documentation text is left
/// out. Feeds [`crate::VERSION`].
pub const FINGERPRINT: u32 = {
    const PROBES: [[i64; 2]; 4] = [[0, 0], [1, 2], [5, 3], [7, 7]];
    let mut h = Fnv::new();
    let mut i = 0;
    while i < Op::ALL.len() {
        let op = Op::ALL[i];
        h = h.bytes(op.name().as_bytes()).byte(op as u8);
        let roles = op.roles();
        h = h.byte(roles.len() as u8);
        let mut r = 0;
        while r < roles.len() {
            h = h.byte(roles[r] as u8);
            r += 1;
        }
        h = match op.flow() {
            Flow::Next => h.byte(0),
            Flow::Branch(e) => h.byte(1).byte(e as u8),
            Flow::Goto => h.byte(2),
            Flow::Stop => h.byte(3),
        };
        let mut p = 0;
        while p < PROBES.len() {
            h = h.word(op.stack_effect(PROBES[p]) as u32);
            p += 1;
        }
        i += 1;
    }
    h.finish()
};

/// A const FNV-1a (32-bit) hasher for the format fingerprints.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u32);

impl Fnv {
    pub(crate) const fn new() -> Fnv {
        Fnv(0x811c_9dc5)
    }
    pub(crate) const fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ b as u32).wrapping_mul(0x0100_0193))
    }
    pub(crate) const fn bytes(self, s: &[u8]) -> Fnv {
        let mut h = self.byte(s.len() as u8);
        let mut i = 0;
        while i < s.len() {
            h = h.byte(s[i]);
            i += 1;
        }
        h
    }
    pub(crate) const fn word(self, w: u32) -> Fnv {
        let b = w.to_le_bytes();
        self.byte(b[0]).byte(b[1]).byte(b[2]).byte(b[3])
    }
    pub(crate) const fn finish(self) -> u32 {
        self.0
    }
}

/// Kind of an instruction operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// Unsigned varuint.
    U,
    /// Zigzag-signed varsint.
    S,
    /// Jump target: absolute bytecode offset (varuint).
    J,
}

/// A decoded instruction (for the disassembler and the compiler's tests; the VM decodes
/// operands inline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// The opcode.
    pub op: Op,
    /// Operands; unused ones are 0. Signed operands are already un-zigzagged.
    pub args: [i64; 2],
    /// Offset of the opcode byte.
    pub offset: usize,
    /// Offset just past the instruction.
    pub next: usize,
}

/// Decode the instruction at `pos`. `None` if the bytes are not a valid instruction.
pub fn decode(code: &[u8], pos: usize) -> Option<Instr> {
    let op = Op::from_u8(*code.get(pos)?)?;
    let mut p = pos + 1;
    let mut args = [0i64; 2];
    for (i, k) in op.operands().iter().enumerate() {
        args[i] = match k {
            OperandKind::S => crate::varint::decode_s(code, &mut p)?,
            _ => crate::varint::decode_u(code, &mut p)? as i64,
        };
    }
    Some(Instr { op, args, offset: pos, next: p })
}

/// Encode one instruction with the given operands (extra operands are ignored).
pub fn encode(op: Op, args: &[i64], mut push: impl FnMut(u8)) {
    push(op as u8);
    for (i, k) in op.operands().iter().enumerate() {
        let v = args.get(i).copied().unwrap_or(0);
        match k {
            OperandKind::S => crate::varint::encode_s(v, &mut push),
            _ => crate::varint::encode_u(v as u64, &mut push),
        }
    }
}

macro_rules! small_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $n:literal => $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $name { $($(#[$vm])* $v = $n,)* }
        impl $name {
            /// Decode from the operand value.
            pub const fn from_u8(b: u8) -> Option<$name> {
                match b { $($n => Some($name::$v),)* _ => None }
            }
            /// Python operator symbol, as used in error messages.
            pub const fn symbol(self) -> &'static str {
                match self { $($name::$v => $s,)* }
            }
        }
    };
}

small_enum! {
    /// Operand of `BinaryOp`. Values 16.. are the in-place (augmented) forms.
    BinOp {
        Add = 0 => "+", Sub = 1 => "-", Mul = 2 => "*", TrueDiv = 3 => "/",
        FloorDiv = 4 => "//", Mod = 5 => "%", Pow = 6 => "**", LShift = 7 => "<<",
        RShift = 8 => ">>", And = 9 => "&", Or = 10 => "|", Xor = 11 => "^", MatMul = 12 => "@",
        IAdd = 16 => "+=", ISub = 17 => "-=", IMul = 18 => "*=", ITrueDiv = 19 => "/=",
        IFloorDiv = 20 => "//=", IMod = 21 => "%=", IPow = 22 => "**=", ILShift = 23 => "<<=",
        IRShift = 24 => ">>=", IAnd = 25 => "&=", IOr = 26 => "|=", IXor = 27 => "^=", IMatMul = 28 => "@=",
    }
}

impl BinOp {
    /// True for the in-place forms.
    pub const fn is_inplace(self) -> bool {
        self as u8 >= 16
    }
    /// The plain operator behind an in-place form (identity for plain ones).
    pub const fn base(self) -> BinOp {
        match BinOp::from_u8(self as u8 & 15) {
            Some(b) => b,
            None => self,
        }
    }
}

small_enum! {
    /// Operand of `UnaryOp`.
    UnaryOp { Neg = 0 => "-", Pos = 1 => "+", Invert = 2 => "~", Not = 3 => "not" }
}

small_enum! {
    /// Operand of `CompareOp`.
    CmpOp {
        Lt = 0 => "<", Le = 1 => "<=", Eq = 2 => "==", Ne = 3 => "!=", Gt = 4 => ">", Ge = 5 => ">=",
        In = 6 => "in", NotIn = 7 => "not in", Is = 8 => "is", IsNot = 9 => "is not",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn codes_are_dense_and_round_trip() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i, "opcode table must be dense and in order");
            assert_eq!(Op::from_u8(*op as u8), Some(*op));
        }
        assert_eq!(Op::from_u8(Op::ALL.len() as u8), None);
    }

    #[test]
    fn encode_decode() {
        let mut buf = Vec::new();
        encode(Op::LoadSmallInt, &[-300], |b| buf.push(b));
        encode(Op::UnpackEx, &[2, 200], |b| buf.push(b));
        encode(Op::ReturnValue, &[], |b| buf.push(b));
        let a = decode(&buf, 0).unwrap();
        assert_eq!((a.op, a.args[0]), (Op::LoadSmallInt, -300));
        let b = decode(&buf, a.next).unwrap();
        assert_eq!((b.op, b.args), (Op::UnpackEx, [2, 200]));
        let c = decode(&buf, b.next).unwrap();
        assert_eq!(c.op, Op::ReturnValue);
        assert_eq!(c.next, buf.len());
    }

    #[test]
    fn table_effects_match_hand_checked_cases() {
        let e = |op: Op, a: i64, b: i64| op.stack_effect([a, b]);
        assert_eq!(e(Op::PopTop, 0, 0), -1);
        assert_eq!(e(Op::LoadFast, 3, 0), 1);
        assert_eq!(e(Op::StoreSubscr, 0, 0), -3);
        assert_eq!(e(Op::BuildTuple, 3, 0), -2);
        assert_eq!(e(Op::BuildMap, 2, 0), -3);
        assert_eq!(e(Op::UnpackSequence, 3, 0), 2);
        assert_eq!(e(Op::UnpackEx, 1, 2), 3);
        assert_eq!(e(Op::MakeFunction, 0, 0), 0);
        assert_eq!(e(Op::MakeFunction, 7, 0), -3);
        assert_eq!(e(Op::MakeFunction, 5, 0), -2);
        assert_eq!(e(Op::FormatValue, 2, 0), 0);
        assert_eq!(e(Op::FormatValue, 6, 0), -1);
        assert_eq!(e(Op::CallEx, 1, 0), -2);
        assert_eq!(e(Op::CallMethodKw, 2, 0), -4);
        assert_eq!(e(Op::BuildRomClass, 9, 2), -2);
        assert_eq!(e(Op::RaiseVarargs, 2, 0), -2);
        // Jumps: fall-through and taken effects.
        assert_eq!((e(Op::ForIter, 0, 0), Op::ForIter.jump_effect([0, 0])), (1, Some(-1)));
        let jf = Op::JumpIfFalseOrPop;
        assert_eq!((e(jf, 0, 0), jf.jump_effect([0, 0])), (-1, Some(0)));
        assert_eq!(Op::Jump.jump_effect([0, 0]), Some(0));
        assert_eq!(Op::LoadConst.jump_effect([0, 0]), None);
    }

    #[test]
    fn table_flow_and_roles_agree() {
        let terminal: Vec<Op> = Op::ALL.iter().copied().filter(|o| o.is_terminal()).collect();
        assert_eq!(terminal, [Op::Jump, Op::ReturnValue, Op::RaiseVarargs, Op::Reraise]);
        for op in Op::ALL {
            let roles = op.roles();
            assert_eq!(roles.len(), op.operands().len());
            for (r, k) in roles.iter().zip(op.operands()) {
                assert_eq!(r.kind(), *k, "{op:?}");
            }
            // An opcode jumps exactly when it has a jump operand, and only as its first.
            let has_jump = roles.contains(&Role::Jump);
            assert_eq!(has_jump, op.jump_effect([0, 0]).is_some(), "{op:?}");
            if has_jump {
                assert_eq!(roles[0], Role::Jump, "{op:?}");
            }
            // Every opcode encodes and decodes with operands that exercise each width.
            let mut buf = Vec::new();
            let args = [300i64, 2];
            encode(*op, &args, |b| buf.push(b));
            let d = decode(&buf, 0).unwrap();
            assert_eq!((d.op, d.next), (*op, buf.len()));
            for (i, _) in roles.iter().enumerate() {
                assert_eq!(d.args[i], args[i], "{op:?}");
            }
            assert!(!op.doc().is_empty());
        }
    }

    #[test]
    fn version_follows_the_tables() {
        // The fingerprint is deterministic and the version mixes it in.
        assert_ne!(FINGERPRINT, 0);
        let v =
            Fnv::new().word(crate::LAYOUT_REVISION).word(FINGERPRINT).word(crate::qstr::BUILTIN_FINGERPRINT).finish();
        assert_eq!(crate::VERSION, v);
        let other = Fnv::new()
            .word(crate::LAYOUT_REVISION)
            .word(FINGERPRINT ^ 1)
            .word(crate::qstr::BUILTIN_FINGERPRINT)
            .finish();
        assert_ne!(crate::VERSION, other);
    }

    #[test]
    fn binop_base() {
        assert_eq!(BinOp::IAdd.base(), BinOp::Add);
        assert!(BinOp::IAdd.is_inplace());
        assert_eq!(BinOp::Mul.base(), BinOp::Mul);
    }
}
