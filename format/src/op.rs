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
//! Every opcode here is generated into [`Op`], its decoder, its name and its operand list
//! from [`for_each_op!`]; the VM's dispatch and the compiler's encoder use the same table.

/// Calls `$m!` with the opcode table: `(Name, code, [operand kinds], "stack effect")`.
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // --- stack manipulation ---
            (Nop,              0, [],     "--"),
            (PopTop,           1, [],     "a --"),
            (Copy,             2, [U],    "... x (i-1 more) -- ... x ... x      push a copy of the i-th item, 1 = TOS"),
            (Swap,             3, [U],    "swap TOS with the i-th item (i >= 2)"),
            // --- constants ---
            (LoadConst,        4, [U],    "-- consts[k]"),
            (LoadSmallInt,     5, [S],    "-- int(v)      v fits a small int on every target (31 bits)"),
            (LoadNone,         6, [],     "-- None"),
            (LoadTrue,         7, [],     "-- True"),
            (LoadFalse,        8, [],     "-- False"),
            // --- names ---
            (LoadFast,         9, [U],    "-- L[i]        UnboundLocalError if empty"),
            (StoreFast,       10, [U],    "v --           L[i] = v"),
            (DeleteFast,      11, [U],    "--             L[i] = NULL (UnboundLocalError if already empty)"),
            (LoadDeref,       12, [U],    "-- L[i].cell_contents   NameError (free) / UnboundLocalError (cell) if empty"),
            (StoreDeref,      13, [U],    "v --           L[i].cell_contents = v"),
            (DeleteDeref,     14, [U],    "--             L[i].cell_contents = NULL"),
            (LoadClosure,     15, [U],    "-- L[i]        the cell object itself"),
            (MakeCell,        16, [U],    "--             L[i] = cell(L[i]) (cell empty if the slot was empty)"),
            (LoadGlobal,      17, [U],    "-- globals[names[n]] or builtins[names[n]]   NameError if neither"),
            (StoreGlobal,     18, [U],    "v --           globals[names[n]] = v"),
            (DeleteGlobal,    19, [U],    "--             del globals[names[n]]"),
            (LoadName,        20, [U],    "-- locals/globals/builtins lookup of names[n] (module and class bodies)"),
            (StoreName,       21, [U],    "v --           locals[names[n]] = v"),
            (DeleteName,      22, [U],    "--             del locals[names[n]]"),
            // --- attributes and items ---
            (LoadAttr,        23, [U],    "o -- o.names[n]"),
            (StoreAttr,       24, [U],    "v o --         o.names[n] = v"),
            (DeleteAttr,      25, [U],    "o --           del o.names[n]"),
            (LoadMethod,      26, [U],    "o -- f s       s = o and f = unbound method, or s = NULL and f = o.names[n]"),
            (BinarySubscr,    27, [],     "o k -- o[k]"),
            (StoreSubscr,     28, [],     "v o k --       o[k] = v"),
            (DeleteSubscr,    29, [],     "o k --         del o[k]"),
            // --- operators ---
            (BinaryOp,        30, [U],    "a b -- a OP b  OP = BinOp::from_u8(k) (in-place variants try __iop__ first)"),
            (UnaryOp,         31, [U],    "a -- OP a      OP = UnaryOp::from_u8(k)"),
            (CompareOp,       32, [U],    "a b -- a OP b  OP = CmpOp::from_u8(k) (in, not in, is, is not included)"),
            // --- control flow ---
            (Jump,            33, [J],    "--             ip = t"),
            (PopJumpIfFalse,  34, [J],    "c --           if not truthy(c): ip = t"),
            (PopJumpIfTrue,   35, [J],    "c --           if truthy(c): ip = t"),
            (JumpIfFalseOrPop,36, [J],    "c -- c | --    if not truthy(c): ip = t (c stays) else pop"),
            (JumpIfTrueOrPop, 37, [J],    "c -- c | --    if truthy(c): ip = t (c stays) else pop"),
            (GetIter,         38, [],     "o -- iter(o)"),
            (ForIter,         39, [J],    "it -- it v     on exhaustion: it -- and ip = t"),
            // --- building ---
            (BuildTuple,      40, [U],    "x1..xn -- (x1, .., xn)"),
            (BuildList,       41, [U],    "x1..xn -- [x1, .., xn]"),
            (BuildSet,        42, [U],    "x1..xn -- {x1, .., xn}"),
            (BuildMap,        43, [U],    "k1 v1 .. kn vn -- {k1: v1, ..}"),
            (BuildSlice,      44, [U],    "a b -- slice(a, b) (n = 2) | a b c -- slice(a, b, c) (n = 3)"),
            (BuildString,     45, [U],    "s1..sn -- s1 + .. + sn  (all str)"),
            (FormatValue,     46, [U],    "v [spec] -- str   k & 3: 0 none, 1 str(), 2 repr(), 3 ascii(); k & 4: spec on stack"),
            (ListAppend,      47, [U],    "l (i-1 items) v -- l (i-1 items)   l.append(v), l is the i-th item after popping v"),
            (SetAdd,          48, [U],    "s (i-1 items) v -- s ...            s.add(v)"),
            (MapAdd,          49, [U],    "d (i-1 items) k v -- d ...          d[k] = v"),
            (ListExtend,      50, [U],    "l (i-1 items) it -- l ...           l.extend(it)"),
            (SetUpdate,       51, [U],    "s (i-1 items) it -- s ...           s.update(it)"),
            (DictUpdate,      52, [U],    "d (i-1 items) m -- d ...            d.update(m)"),
            (DictMerge,       53, [U],    "d (i-1 items) m -- d ...            like DictUpdate; duplicate key is a TypeError (call **kwargs)"),
            (ListToTuple,     54, [],     "l -- tuple(l)"),
            (UnpackSequence,  55, [U],    "seq -- xn .. x1   x1 on top; ValueError if len(seq) != n"),
            (UnpackEx,        56, [U, U], "seq -- xn .. [star] .. x1   a items before the starred list, b after"),
            // --- functions and calls ---
            (MakeFunction,    57, [U],    "[defaults] [kwdefaults] [closure] code -- fn   k & 1: defaults tuple, k & 2: kw-defaults dict, k & 4: closure tuple of cells"),
            (Call,            58, [U],    "f a1..an -- f(a1..an)"),
            (CallKw,          59, [U],    "f a1..an names -- f(...)   names: tuple of str; the last len(names) args are keywords"),
            (CallMethod,      60, [U],    "f s a1..an -- r   r = f(s, a1..an) if s is not NULL else f(a1..an)"),
            (CallMethodKw,    61, [U],    "f s a1..an names -- r   as CallMethod with keywords as in CallKw"),
            (CallEx,          62, [U],    "f args [kwargs] -- f(*args, **kwargs)   args: tuple; k & 1: kwargs dict present"),
            (ReturnValue,     63, [],     "v --           return v from the frame"),
            (YieldValue,      64, [],     "v -- sent      suspend the generator yielding v; resumed with the sent value"),
            (BuildClass,      65, [U],    "body name b1..bn -- cls   run body (a function) with a fresh namespace, then type(name, bases, ns); if body returns a cell, set it to cls"),
            // --- exceptions ---
            (RaiseVarargs,    66, [U],    "n = 0: re-raise the handled exception | exc -- (n = 1) | exc cause -- (n = 2: raise exc from cause)"),
            (PushExcInfo,     67, [],     "exc -- prev exc   prev = currently handled exception (None if none); handled = exc"),
            (PopExcept,       68, [],     "prev --         handled = prev"),
            (CheckExcMatch,   69, [],     "exc t -- exc b   b = isinstance(exc, t) (t a class or tuple of classes)"),
            (Reraise,         70, [],     "exc --          raise exc again, keeping its traceback"),
            (LoadAssertionError, 71, [],  "-- AssertionError"),
            // --- imports ---
            (ImportName,      72, [U, U], "fromlist -- module   __import__(names[n], fromlist, level = second operand)"),
            (ImportFrom,      73, [U],    "m -- m x        x = m.names[n], or the submodule m.names[n]; ImportError if neither"),
            (ImportStar,      74, [],     "m --            copy the public names of m into the namespace"),
            // --- frozen functions ---
            (MakeRomFunction, 75, [U],    "-- fn           consts[k]: a ROM function (no closure, constant defaults), pushed as is in its module's first namespace, else copied to the heap"),
            // --- frozen class namespaces ---
            (BuildRomClass,   76, [U, U], "name b1..bn -- cls   consts[k]: a ROM dict, the namespace of a class body frozen whole; n bases; read in place in its module's first namespace, else copied"),
            // --- with, yield from, await (PEP 343, 380, 492) ---
            (BeforeWith,      77, [],     "mgr -- exit res   exit = bound mgr.__exit__, res = mgr.__enter__()"),
            (BeforeAsyncWith, 78, [],     "mgr -- aexit aw   aexit = bound mgr.__aexit__, aw = mgr.__aenter__()"),
            (WithExceptStart, 79, [],     "exit prev exc -- exit prev exc r   r = exit(type(exc), exc, None)"),
            (GetYieldFromIter,80, [],     "o -- it         a generator or coroutine as is, else iter(o)"),
            (GetAwaitable,    81, [U],    "o -- it         the iterator `await o` drives; k names the context of errors: 0 await, 1 __aenter__, 2 __aexit__"),
            (Send,            82, [J],    "recv v -- recv y   send v into recv; when recv returns r instead: recv v -- r and ip = t"),
            (GetAIter,        83, [],     "o -- ait        o.__aiter__()"),
            (GetANext,        84, [],     "ait -- ait aw   the awaitable of ait.__anext__()"),
            (EndAsyncFor,     85, [],     "ait exc --      the end of `async for`: StopAsyncIteration ends the loop, anything else is raised again"),
            (AsyncGenWrap,    86, [],     "v -- w          mark v as a value the async generator yields (not an await's yield)"),

        
        }
    };
}

macro_rules! define_ops {
    ($(($name:ident, $code:literal, [$($opk:ident),*], $doc:literal)),* $(,)?) => {
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

            /// Operand kinds.
            pub const fn operands(self) -> &'static [OperandKind] {
                match self { $(Op::$name => &[$(OperandKind::$opk),*],)* }
            }

            /// The stack-effect line of the table.
            pub const fn doc(self) -> &'static str {
                match self { $(Op::$name => $doc,)* }
            }
        }
    };
}
for_each_op!(define_ops);

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
    fn binop_base() {
        assert_eq!(BinOp::IAdd.base(), BinOp::Add);
        assert!(BinOp::IAdd.is_inplace());
        assert_eq!(BinOp::Mul.base(), BinOp::Mul);
    }
}
