import json, sys, io
print(json.dumps([1e-7, 1e22, 1.0, 123456789.125, -1.5e-300, 2**63, -2**64, 0.30000000000000004]))
print(json.dumps({1.0: 'a', 2: 'b', -3: 'c', True: 'd'}))
print(json.dumps('\u2028\u2029\ud7ff\ue000\uffff\U00010000\U0010ffff'))
print(json.dumps([[], {}, [[]], {'a': {}}], indent=True))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent='--', separators=[';', '=']))
json.dump({'to': 'stdout', 'n': [1, None]}, sys.stdout)
print()
json.dump([1, 2], sys.stdout, indent=1)
print()
print(json.loads('1e999999'), json.loads('-1e999999'), json.loads('[1E400, -0.0, 0e0]'))
print(len(str(json.loads('0.' + '1' * 3000))))
for s in ['{"a": [1, 2, {"b": "c', '{"a": [1, 2, {"b": "c"', '[1, 2, {"b": "c"}', '[{"a": 1}, {"b": ', '"\\u', '"\\ud834', '"\\ud834\\', '"\\ud834\\u',
          '{"a"  :  1  ,  "b"  :  2  }  ', '[1.5e', '[-', '[--1]', '[+1]', '[0x10]', '[1_000]', '[Infinityx]', '[nulll]', '["a"\t,\n"b"]',
          '\x00', '[\x00]', '"\x00"', '"\t"', '[1]\x00', 'null' * 3, '"' + 'x' * 1000]:
    try:
        r = json.loads(s)
        print(repr(s)[:40], 'ok', repr(r)[:60])
    except json.JSONDecodeError as e:
        print(repr(s)[:40], 'JDE', e)
print(json.loads('"\\ud834"x"', strict=False) if False else 'skip')
print(json.loads('"a\tb"', strict=False), json.loads('["\n"]', strict=False))
s = io.StringIO()
json.dump({'nested': {'deep': [1, {'x': 'é'}]}}, s, ensure_ascii=False, sort_keys=True, indent=2)
print(s.getvalue())
s.seek(0)
print(json.load(s, object_pairs_hook=list))
print(json.loads(json.dumps('\x00\x01\x1f\x7f\x80\xff\u0100\ud7ff')) == '\x00\x01\x1f\x7f\x80\xff\u0100\ud7ff')
class Ser:
    def __init__(self, n): self.n = n
def dflt(o):
    if isinstance(o, Ser):
        return {'ser': o.n, 'next': Ser(o.n - 1) if o.n else None}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f'nope {type(o).__name__}')
print(json.dumps([Ser(3), {3, 1, 2}], default=dflt))
try:
    json.dumps([object()], default=dflt)
except TypeError as e:
    print('TypeError', e)
try:
    json.dumps([1, 2], default=dflt, sort_keys=True, indent=2, separators=(1, 2))
except TypeError as e:
    print('TypeError', type(e).__name__)
