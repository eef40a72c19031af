import json, io
print(json.dumps([1.5, float('nan'), 1e300, -0.0, 10**20, 1e16, 0.1, 'é\u2603\U0001D11E\x00\x1f\x7f"\\\n\t\r\b\f/', {1: 2, 2.5: 3, True: 4, None: 5, False: 6}, (1, 2), [], {}]))
print(json.dumps('é\u2603\U0001D11E\x7f\x1f', ensure_ascii=False))
print(json.dumps({'b': [1, {'c': []}], 'a': {}}, indent=2, sort_keys=True))
print(json.dumps([1, [2, 3]], indent='\t'), json.dumps([1, 2], indent=0), json.dumps({'a': 1}, separators=(',', ':')))
print(json.dumps({'a': [1, 2], 'b': {'c': None}}, indent=-1), json.dumps({'x': [1]}, indent=3, separators=(' ,', ' = ')))
print(json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True), json.dumps({'b': 1, 'a': 2}, sort_keys=True))
print(json.dumps({(1, 2): 3, 'x': 1}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True, indent=2))
print(json.dumps({1.5: 1, float('inf'): 2, float('nan'): 3, -1e100: 4}))
print(json.dumps(True), json.dumps(None), json.dumps("x"), json.dumps(12345678901234567890123), json.dumps(-5))
class P:
    def __init__(self, x): self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {'P': o.x}))
print(json.dumps(P(3), default=lambda o: [o.x, 'p']))
class MyList(list): pass
class MyDict(dict): pass
class MyInt(int): pass
class MyFloat(float): pass
class MyStr(str): pass
print(json.dumps([MyList([1]), MyDict(a=1), MyInt(5), MyFloat(2.5), MyStr('s'), True]))
for f in [lambda: json.dumps(float('inf'), allow_nan=False), lambda: json.dumps({float('nan'): 1}, allow_nan=False),
          lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(P(1)),
          lambda: json.dumps({1, 2}), lambda: json.dumps(b'x'), lambda: json.dumps([1], foo=1), lambda: json.dumps(1, 2),
          lambda: json.dumps(P(1), default=lambda o: o)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = [1]; a.append(a)
d = {}; d['d'] = d
for x in [a, d, [d]]:
    try:
        json.dumps(x)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError')
deep = []
cur = deep
for i in 2000 * [0]:
    cur.append([])
    cur = cur[0]
try:
    json.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)
ok = [[[[[[[[[[1]]]]]]]]]]
print(json.dumps(ok), json.dumps(ok, indent=1).count('\n'))
s = io.StringIO()
json.dump({'a': [1, 2, None]}, s, indent=1)
print(s.getvalue())
s.seek(0)
print(json.load(s))
print(json.load(io.StringIO('[1, 2.5, "x"]')))
