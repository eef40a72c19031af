import io
s = io.StringIO()
print(s.write('hello\n'), s.write('wörld\nlast'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline(2)), s.tell())
print(s.readlines())
s.seek(0)
print(list(s))
s.seek(0); print([l for l in s])
s.seek(2); s.write('XY'); print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10); s.write('z'); print(repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(0, 1), s.seek(3))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
print('a', 1, None, sep='-', end='!\n', file=s)
print(repr(s.getvalue()))
with io.StringIO('x\ny\n') as f:
    print(f.readlines(), f.closed)
print(f.closed)
for fn in [f.getvalue, f.read, f.tell, lambda: f.seek(0), lambda: next(f), f.readline, lambda: f.write('x'), f.truncate, f.__enter__, lambda: iter(f)]:
    try: print(repr(fn()))
    except ValueError as e: print('ValueError', e)
f.close()
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.read(), b.read(), b.tell())
print(b.seek(-2, 2), b.read(), b.seek(-100, 1), b.seek(9), b.write(b'xy'), b.getvalue())
b.seek(1); b.write(bytearray(b'ZZZ')); print(b.getvalue(), b.tell(), b.truncate(), b.getvalue())
print(list(io.BytesIO(b'1\n2\n3')), io.BytesIO().getvalue(), io.StringIO(None).getvalue())
print(io.StringIO('abc\ndef\nghi').readlines(5))
s = io.StringIO('héllo wörld'); print(s.read(4), s.tell(), s.read(100), s.tell()); s.seek(2); s.write('é€'); print(s.getvalue(), s.tell())
s.writelines(['a', 'b']); print(s.getvalue())
for fn in [lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(0, 3), lambda: io.StringIO().truncate(-1),
           lambda: io.StringIO().write(b'x'), lambda: io.BytesIO().write('x'), lambda: io.BytesIO().seek(-1), lambda: io.StringIO(b'x'),
           lambda: io.BytesIO('x'), lambda: io.StringIO().read('a'), lambda: io.BytesIO().seek(0, 5), lambda: io.StringIO().seek(1, 2)]:
    try: print(repr(fn()))
    except Exception as e: print(type(e).__name__, e)
print(io.StringIO.__name__, io.BytesIO.__name__, type(io.StringIO()) is io.StringIO, isinstance(io.BytesIO(), io.BytesIO))
import sys
print(isinstance(sys.stdout, io.TextIOWrapper), issubclass(io.UnsupportedOperation, OSError))
print(io.StringIO('a', '\n').getvalue(), io.StringIO(newline='\n').getvalue() == '', io.StringIO(initial_value='q').read())
try:
    io.StringIO('a', 'b', 'c')
except TypeError as e:
    print(e)
print(io.StringIO, io.BytesIO, io.StringIO.__module__, io.TextIOWrapper, io.UnsupportedOperation)
print(repr(io.StringIO())[:22], repr(io.BytesIO())[:21])
