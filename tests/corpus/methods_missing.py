# Methods of the built-in types that CPython 3.11 has; each is looked up on an instance.
samples = [5, 2.5, 'ab', b'ab', bytearray(b'ab'), [1], (1,), {1: 2}, {1}, frozenset({1}), slice(1, 2), range(3), 1j, memoryview(b'a')]
names = {
    int: ['as_integer_ratio', 'bit_count', 'bit_length', 'conjugate', 'denominator', 'from_bytes', 'imag', 'numerator', 'real', 'to_bytes'],
    float: ['as_integer_ratio', 'conjugate', 'fromhex', 'hex', 'imag', 'is_integer', 'real'],
    str: ['capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'format_map', 'index', 'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill'],
    bytes: ['capitalize', 'center', 'count', 'decode', 'endswith', 'expandtabs', 'find', 'fromhex', 'hex', 'index', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill'],
    list: ['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort'],
    tuple: ['count', 'index'],
    dict: ['clear', 'copy', 'fromkeys', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'],
    set: ['add', 'clear', 'copy', 'difference', 'difference_update', 'discard', 'intersection', 'intersection_update', 'isdisjoint', 'issubset', 'issuperset', 'pop', 'remove', 'symmetric_difference', 'symmetric_difference_update', 'union', 'update'],
    slice: ['indices', 'start', 'step', 'stop'],
    range: ['count', 'index', 'start', 'step', 'stop'],
    complex: ['conjugate', 'imag', 'real'],
}
names[bytearray] = names[bytes] + ['append', 'clear', 'copy', 'extend', 'insert', 'pop', 'remove', 'reverse']
names[frozenset] = ['copy', 'difference', 'intersection', 'isdisjoint', 'issubset', 'issuperset', 'symmetric_difference', 'union']
names[memoryview] = ['c_contiguous', 'cast', 'contiguous', 'f_contiguous', 'format', 'hex', 'itemsize', 'nbytes', 'ndim', 'obj', 'readonly', 'release', 'shape', 'strides', 'suboffsets', 'tobytes', 'tolist', 'toreadonly']
missing = []
for o in samples:
    for n in names[type(o)]:
        try:
            getattr(o, n)
        except AttributeError:
            missing.append(type(o).__name__ + '.' + n)
print('missing:', missing)

print((255).bit_count(), (-7).bit_count(), (10**30).bit_count(), (5).as_integer_ratio(), True.as_integer_ratio(), (-3).as_integer_ratio())
for f in [0.5, 2.5, -0.75, 1e300, 1e-300, 0.0, 3.0, 0.1, 5e-324]:
    print(f.as_integer_ratio(), f.hex(), float.fromhex(f.hex()) == f)
print((-0.0).hex(), float('inf').hex(), float('nan').hex(), (1.5).conjugate(), (2.0).real, (2.0).imag)
print(float.fromhex('0x1.8p1'), float.fromhex(' -0X1P-2 '), float.fromhex('ff'), float.fromhex('0x.8'), float.fromhex('-inf'), float.fromhex('1.'))
print(float.fromhex('0x1.00000000000008p0'), float.fromhex('0x1.00000000000018p0'), float.fromhex('0x1p-1074'), float.fromhex('0x1p-1075'), float.fromhex('0x3p-1076'))
print(float.fromhex('0x1.fffffffffffff8p1022'), float.fromhex('0x1.fffffffffffffp1023'), float.fromhex('0x123456789abcdef0123p0'))
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7), slice(5, None, -2).indices(3))
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'abcdd'.translate(t), 'hello'.translate({ord('l'): 'L!', ord('o'): None}), str.maketrans({'a': 'b', 99: None}))
print('abc'.translate(['Q'] * 98), 'héllo'.translate({233: 'e'}))
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a} and {b!r:>5}'.format_map({'a': 1, 'b': 'x'}), '{x.real}'.format_map({'x': 3}), '{a} {b}'.format_map(D(a=1)))
print(b'ab'.center(6, b'*'), b'ab'.center(5), b'-12'.zfill(6), b'+'.zfill(3), b'a\tb\n\tc'.expandtabs(4), b'hello world'.title(), b'aBC dEF'.capitalize())
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\nc\n'.splitlines(True), b'abc'.translate(bytes.maketrans(b'a', b'z'), b'c'), b'abc'.translate(None, b'b'))
print(b'Hello World'.istitle(), b'Hello world'.istitle(), b''.isascii(), b'\x80'.isascii(), b'abc'.removeprefix(b'a'), b'abc'.removesuffix(b'bc'), b'abc'.ljust(5, b'-'), b'abc'.rjust(2))
print(bytes.fromhex('de ad  be ef'), b'\x01\x02\x03\x04\x05'.hex(':', 2), b'\x01\x02\x03\x04\x05'.hex(b'.', -2), b'abc'.hex(' ', 0), b''.hex(':'))
for e in [lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(), lambda: float.fromhex('0x1p5000'), lambda: float.fromhex('zz'),
          lambda: slice(1, 2).indices(-1), lambda: 'abc'.translate({97: 1.5}), lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}),
          lambda: str.maketrans(1), lambda: '{0}'.format_map({}), lambda: '{k}'.format_map({}), lambda: bytes.fromhex('0g'), lambda: bytes.fromhex('a'),
          lambda: b'a'.center(3, b'xy'), lambda: b'a'.hex('::'), lambda: b'a'.translate(b'short'), lambda: bytes.maketrans(b'a', b'')]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
'{x}'.format_map({'y': 1})
