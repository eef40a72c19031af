import re
pats = ['(', ')', 'a)', '*', 'a**', '[a', '[z-a]', r'\q', '\\', '(?P<1>a)', '(?P=x)', '(?<x)', '(?x', 'a{3,2}',
        '(?P<a>x)(?P<a>y)', r'(a)\2', '(?<=a*)b', '(?z)', '(?i', 'a(?i)b', '(?Pa)', '(?P<a', '(?P<>a)', r'[\d-z]',
        'a|*', '(?:', '(?#abc', '\\x4', r'\u12', '^*', 'x{2}{3}', '(?(2)a|b)', '(?(x)a|b)', '(a)(?(1)a|b|c)', 'ab\n(',
        r'\8', '(?i-i:a)', '(?-:a)', '(?a', '(?u)', '(?L)', '[]', '[^]', 'a{1', r'(?P<a>a)(?P=a', '(?P', '(?<', r'\400', r'[\400]',
        '(?<=a|bc)', '((a)\\2)', '(?P<a-b>x)']
for p in pats:
    try:
        re.compile(p)
        print('ok', repr(p))
    except re.error as e:
        print(repr(p), type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p in [b'(', b'\\u1234', b'(?u)a']:
    try:
        re.compile(p)
    except re.error as e:
        print(p, e)
for f in [re.L]:
    try:
        re.compile('a', f)
    except ValueError as e:
        print(e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print(e)
try:
    re.match('a', b'a')
except TypeError as e:
    print(e)
try:
    re.match(b'a', 'a')
except TypeError as e:
    print(e)
try:
    re.match('a', 1)
except TypeError as e:
    print(e)
try:
    re.compile(1)
except TypeError as e:
    print(e)
for t in [r'\3', r'\g<x>', r'\g<1', r'\g<>', r'\q', '\\', r'\g<a-b>', r'\g', r'\g<9>']:
    try:
        print(re.sub('(a)(?P<y>b)', t, 'abab'))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)
print(re.sub('(a)', r'[\1\n\t\\\0\01\101]', 'a'))
print(re.error.__mro__, re.error.__module__, re.error.__name__)
m = re.match('(a)(b)?', 'a')
try:
    m.group(3)
except IndexError as e:
    print(e)
try:
    m.group('zz')
except IndexError as e:
    print(e)
print(m.group(1, 2, 0), m.span(2), m.start(2), m.groupdict(), bool(m))
print(re.compile(r'\d+').sub('#', 'a12b345', 1), re.compile('x').split('axbxc', maxsplit=1))
print(repr(re.compile('a' * 300))[-30:])
print(re.match('x' * 60, 'x' * 60))
print(re.compile(r'a\nb'), re.compile('\n'), re.compile(b'\xff'))
print(m.expand(r'<\1|\2>'))
print(re.purge())
