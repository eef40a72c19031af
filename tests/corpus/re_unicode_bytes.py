# str and bytes patterns: Unicode classes and case folding, ASCII mode, bytes classes,
# bytes templates, positions counted in characters, and mixing types.
import re

s = 'Grüße, Ωmega 42 ٣٤ naïve_x élan\u2003end'
print(re.findall(r'\w+', s))
print(re.findall(r'\w+', s, re.A))
print(re.findall(r'\d+', s), re.findall(r'\d+', s, re.ASCII))
print(re.findall(r'\s', s), re.findall(r'(?a)\s', s))
print(re.findall(r'\b\w', s))
print([m.span() for m in re.finditer(r'\w+', s)])
print(re.search('ße', s), re.search('é', s).span(), re.sub('ü', 'ue', s))
print(re.findall('(?i)grüsse|ω\\w+', s), re.findall('(?i)ÉLAN', s), re.findall('(?i)élan', s.upper()))
print(re.match('(?i)[à-ý]+', 'ÀÉÎÕÜ'), re.match('(?i)[À-Ý]+', 'àéîõü'), re.match('(?ia)é', 'É'))
print(re.match(r'(?i)(\w+) \1', 'Straße STRAßE'), re.match(r'(?i)ǅ', 'ǆ'), re.match(r'(?i)ǆ', 'Ǆ'))
print(re.match('.', '😀x'), re.match('..', '😀x').span(), re.findall('[😀-😂]', '😁a😂'))
print(re.split('ö', 'aöböc'), re.sub('(ö)', r'[\1]', 'aöb'), re.escape('ä.ö'))
print(re.search('x', 'ééx', 1), re.search('x', 'ééx', 3), re.compile('é').findall('ééé', 1, 2))
print(re.match(r'\u00e9\U0001f600\x41', 'é😀A'), re.match(r'[\u0400-\u04ff]+', 'Привет мир'))
print(re.sub(r'\w', lambda m: m.group().upper(), 'ça'))
b = b'Hello, World\xe9 123\n'
print(re.findall(rb'\w+', b), re.findall(rb'[\x80-\xff]', b), re.findall(rb'\s', b))
print(re.match(rb'(?i)hello', b), re.findall(rb'(?i)[a-z]+', b), re.findall(rb'(?i)\xe9', b'\xc9\xe9'))
print(re.sub(rb'(\w+), (\w+)', rb'\2 \1', b), re.sub(rb'l', b'L', b, count=2), re.subn(b'o', b'0', b))
print(re.split(rb'\W+', b), re.split(rb'(,)', b), re.escape(b'a+b\xe9'))
print(re.match(rb'\x48', b), re.match(rb'\110', b), re.search(rb'\d+$', b), re.search(rb'\d+\Z', b))
m = re.search(rb'(?P<w>W\w+)', b)
print(m, m.group('w'), m.groupdict(), m.span(), m.expand(rb'<\g<w>>'))
print(re.compile(rb'\d'), re.compile(rb'a', re.I), re.compile(b'a', re.A), re.compile(b'a', re.L))
for pat, subj in [('a', b'a'), (b'a', 'a'), ('a', 1), (b'a', None)]:
    try:
        re.search(pat, subj)
    except TypeError as e:
        print('TypeError', e)
for pat, repl in [('a', b'x'), (b'a', 'x')]:
    try:
        re.sub(pat, repl, 'a' if isinstance(pat, str) else b'a')
    except TypeError as e:
        print('TypeError', e)
for pat, fl in [('a', re.L), (b'a', re.U), ('a', re.A | re.U), (b'a', re.A | re.L)]:
    try:
        re.compile(pat, fl)
    except ValueError as e:
        print('ValueError', e)
try:
    re.compile(rb'\u00e9')
except re.error as e:
    print('error', e)
