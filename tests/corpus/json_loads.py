import json
cases = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\x"', '"\\u12"', '"\\u12x4"', '"a\nb"', '01', '-', '1.', '1e',
         '[', '{', '{"a"', '{"a":', 'nul', 'NaN', '-Infinity', 'Infinity', '\ufeff1', '[1]x', '"\\', '"\\ud834\\udd1e"', '  \n [1,\n  x]',
         '1.5e400', '-0', '-0.0', '1E+2', '1e-2', '{"a":1 "b"}', 'tru', '[1,2', '"\\u00e9"', '"\\u00E9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"é€𝄞 ok"',
         '{"é": [1, {"x": null}], "b": true, "c": false}', '  [ ]  ', ' { } ', '[[], {}, [[]]]', '-12', '123456789012345678901234567890',
         '-123456789012345678901234567890', '0.1', '1.0', '2.5e3', '-0e0', '[-]', '[.5]', '[1.e5]', '{"a": 1, "a": 2}', '"\\u0000"',
         '"é\n"', 'é', '[1, "é", x]', '"\\ud834\\udd1e\\ud834\\udd1e"', '"abc\\', '"\\u123', '"\\u1234',
         '[1]\n\n  x', '{"a":\n1,\n"b"}', '\t\r\n 7 \t', 'true false', '"\\ud834\\uXYZW"', '"\x7f"', '[1e5, 1E-5, 1e+5]']
for s in cases:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), 'JDE', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == s, isinstance(e, ValueError))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"a": 2}')), json.loads(b'\xef\xbb\xbf[3]'))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": [{"c": 2}]}', object_pairs_hook=lambda p: ('P', p)))
print(json.loads('{"a": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(len(str(json.loads('9' * 4000))))
for bad in [5, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    json.loads('9' * 5000)
except ValueError as e:
    print('ValueError', str(e)[:60])
for s in ['[' * 100000, '{"a":' * 100000, '[' * 100000 + ']' * 100000]:
    try:
        json.loads(s)
    except RecursionError as e:
        print('RecursionError', e)
print(json.loads('[' * 50 + ']' * 50))
print(json.loads(json.dumps({'k': [1, 2.5, 'x', None, True, {'z': []}]})))
print(json.JSONDecodeError.__name__, issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
try:
    json.loads('[1,,2]')
except ValueError as e:
    print('caught as ValueError:', e)
try:
    json.loads('x', foo=1)
except TypeError as e:
    print(e)
import json
e = json.JSONDecodeError('Boom', 'ab\ncd\nef', 5)
print(e, '|', e.msg, e.pos, e.lineno, e.colno, repr(e.doc), e.args)
e = json.JSONDecodeError('X', 'é\nü', 3)
print(e, e.lineno, e.colno)
class MyErr(json.JSONDecodeError):
    pass
m = MyErr('m', 'doc', 1)
print(type(m).__name__, m, m.colno, isinstance(m, ValueError))
try:
    raise json.JSONDecodeError('Bad', '[1, 2', 5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.loads('[1, 2')
except json.JSONDecodeError as e:
    print(repr(e))
