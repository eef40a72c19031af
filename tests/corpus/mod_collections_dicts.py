from collections import OrderedDict, defaultdict, Counter

# defaultdict
d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b']
print(d, len(d), d['a'], 'c' in d)
print(repr(defaultdict()), defaultdict(None, {1: 2}), defaultdict(int, a=1))
print(type(d), type(d).__name__, isinstance(d, dict), issubclass(defaultdict, dict))
print(d.default_factory, defaultdict().default_factory)
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(c, dict(c), sorted(c.items()))
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
print(c.get('zz'), 'zz' in c, c.setdefault('q', 7), c.pop('q'))
d2 = c.copy()
print(type(d2).__name__, d2 == c, d2 is c, d2.default_factory)
d2.default_factory = str
print(d2['new'] == '', d2.default_factory)
dd = defaultdict(lambda: 'x', [(1, 'a')])
print(dd[1], dd[2], dict(dd))
print(d.__missing__('zz'), d)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 3
print(nested['a'], dict(nested['a']))
e = defaultdict(int, {'k': 1})
print(e == {'k': 1}, {'k': 1} == e)


class MyDD(defaultdict):
    def __missing__(self, key):
        return key * 2


m = MyDD(int)
print(m['ab'], m, m.default_factory)


class DD2(defaultdict):
    pass


x = DD2(list)
x[1].append(5)
print(x, x.default_factory)

# OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), len(od))
print(OrderedDict(), OrderedDict([('x', 1)]), OrderedDict(a=1, b=2))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od, list(od.keys()), list(od.values()))
od.move_to_end('c', False)
print(od)
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
print(od.popitem(), od)
print(od.popitem(last=False), od)
od.update(p=1, q=2)
print(od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o1) == o2, o1 == OrderedDict(a=1, b=2))
print(type(o1.copy()).__name__, o1.copy() == o1, isinstance(o1, dict))
print(o1.get('a'), o1.pop('a'), o1, o1.setdefault('z', 0), o1)
del o1['b']
print(o1, 'z' in o1)
r = OrderedDict()
r['self'] = r
print(r)
print(type(od), OrderedDict.__name__)

# Counter
c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), c.total())
c.update('aaz')
print(c)
c.update({'z': 5, 'q': 2})
print(c)
c.subtract('aaaaaaaaaa')
print(c)
c.subtract({'q': 3})
print(c, c.total())
print(Counter(), Counter({'x': 2, 'y': 5}), Counter(a=3, b=1), Counter(['a', 'b', 'a']))
p = Counter(a=3, b=1, c=0)
q = Counter(a=1, b=2, d=4)
print(p + q, p - q, q - p, p | q, p & q)
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1, c=0))
p += Counter(b=5)
print(p)
p -= Counter(a=10)
print(p)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
print(Counter(a=1) <= Counter(a=2), Counter(a=3) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter() < Counter(a=1))
print(Counter(a=2, b=1) >= Counter(a=1), Counter(a=1) > Counter(a=1))
del c['zz']
del c['a']
print(c)
cc = c.copy()
print(type(cc).__name__, cc == c)
print(Counter('hello world').most_common(3))
print(Counter([1, 1, 2]) + Counter([2, 3]))
try:
    Counter(5)
except TypeError as e:
    print('TypeError', e)
print(Counter({'a': 'x', 'b': 1}) if False else 'skip')
print(Counter(a=1.5, b=0.5), Counter(a=2).total())
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(2), dict(Counter(words)))
print(isinstance(c, dict), type(c), sorted(Counter('bca')))


class MyCounter(Counter):
    pass


mc = MyCounter('aab')
print(mc, type(mc.copy()).__name__, mc['q'], type(mc + mc).__name__)
for obj in (OrderedDict(), defaultdict(), Counter()):
    try:
        hash(obj)
    except TypeError as e:
        print('TypeError', e)
print(OrderedDict, defaultdict, Counter)
print(OrderedDict.fromkeys('abca'), OrderedDict.fromkeys('ab', 0), defaultdict.fromkeys('ab'))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)
