# re.Match and re.Pattern objects: groups, spans, defaults, indexing, attributes, reprs,
# pos/endpos, finditer, expand.
import re

p = re.compile(r'(?P<key>\w+)=(?P<value>\d+)?(;)?')
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
m = p.search('  alpha=42; beta=', 1)
print(m)
print(m.group(), m.group(0), m.group(1), m.group('value'), m.group(1, 'key', 3))
print(m[0], m['key'], m[2], m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start('value'), m.end(2), m.span('key'), m.span(3))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string, m.regs)
print(m.expand(r'\g<value> for \g<key> (\1)'), m.expand(r'[\3]'))
m2 = p.search('x  beta=', 2)
print(m2, m2.groups(), m2.groupdict('none'), m2.span('value'), m2.start(3), m2.lastindex, m2.lastgroup)
print(m2.expand(r'<\2>'))
for bad in [4, 'nope', -1, 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    m[7]
except IndexError as e:
    print('IndexError', e)
print(bool(m), bool(p.match('!')), p.match('!') is None)
for m in p.finditer('a=1;b=22 c=;dd=3'):
    print(m.span(), m.group('key', 'value'), m.lastindex)
it = re.finditer(r'\d', 'a1b2')
print(next(it).group(), next(it).group(), next(it, 'done'))
print([m.span() for m in re.finditer(r'\b|x', 'ax b')])
print([m.group() for m in re.compile(r'\w').finditer('abcdef', 2, 5)])
q = re.compile(r'(a)|(b)|(c)')
for s in 'abc':
    m = q.match(s)
    print(m.lastindex, m.groups(), m.span(1), m.span(3))
m = re.match(r'((a)(b))', 'ab')
print(m.lastindex, m.groups())
m = re.match(r'(?P<outer>(?P<inner>a)b)c', 'abc')
print(m.lastindex, m.lastgroup)
m = re.match(r'(a)(?:b)', 'ab')
print(m.lastindex, m.lastgroup)
m = re.match(r'', 'abc')
print(m, m.span(), m.lastindex, m.groups())
print(re.compile('x').match('axb', 1), re.compile('x').match('axb', 1, 1), re.compile('b$').search('abc', 0, 2))
print(re.compile('a').fullmatch('ab', 0, 1), re.compile('a').fullmatch('ab'), re.compile('^b').search('ab', 1))
print(repr(re.match('.*', 'y' * 80)))
print(repr(re.match(b'.+', b'\x00\xff abc')), re.match('.+', "it's \"q\""))
print(re.compile(r'\d+', re.I | re.M | re.S | re.X | re.A), re.compile('(?s)(?m)a'), re.compile(b'a', re.I))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
print(p.search(string='k=1'), p.match('k=1', pos=0, endpos=2), p.findall(string='a=1 b=2', pos=1))
try:
    p.search()
except TypeError as e:
    print('TypeError', e)
try:
    p.search('a', foo=1)
except TypeError as e:
    print('TypeError', e)
