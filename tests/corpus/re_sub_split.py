# sub/subn/split/findall corners: empty matches (3.7+ rules), counts, maxsplit, groups in
# split, function replacements, template escapes, and their errors.
import re

for pat in ['x*', 'a|', '', r'\b', '(?=b)', 'b*?', '(a)|b', '(a)?']:
    print(repr(pat), re.sub(pat, '-', 'abab'), re.subn(pat, '<\\g<0>>', 'ab'), re.findall(pat, 'abab'),
          re.split(pat, 'abab'), [m.span() for m in re.finditer(pat, 'abab')])
print(re.sub('a', 'b', 'aaaa', 0), re.sub('a', 'b', 'aaaa', 2), re.sub('a', 'b', 'aaaa', count=-1), re.subn('a', 'b', 'aaaa', 3))
print(re.split(',', 'a,b,c,d', 2), re.split(',', 'a,b,c', maxsplit=0), re.split(',', 'a,b', -1), re.split(',', ''))
print(re.split(r'(,)(\s)?', 'a, b,c'), re.split(r'(?:,)', 'a,b'), re.split(r'(a)(x)?', 'bab'))
print(re.split(r'\s*', ' a b '), re.split(r'(\s*)', 'ab'), re.split('^', 'a\nb', flags=re.M), re.split('$', 'a\nb', flags=re.M))
print(re.findall(r'(a)(b)?', 'ab a'), re.findall(r'((a)b)', 'abab'), re.findall(r'(?:a)(b)', 'ab'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) + 1), 'v1.9.10'))
print(re.sub(r'(?P<word>\w+)', r'\g<word>\g<word>', 'ab cd'), re.sub(r'(a)(b)', r'\2\1\g<2>\g<1>\g<0>', 'abab'))
print(re.sub('(a)', r'\1\n\t\\ \x', 'a') if False else re.sub('(a)', r'\1\n\t\\ \% \0\012\101\08', 'a'))
print(re.sub('x', r'\\g<0>', 'x'), re.sub('(x)?y', r'[\1]', 'y xy'), re.sub('(?P<a>x)', r'\g<1>', 'x'))
print(re.sub('a', lambda m: '', 'banana'), re.sub('a', lambda m: None, 'banana') if False else 0)
calls = []
print(re.sub('.', lambda m: calls.append(m.start()) or m.group() * 2, 'abc'), calls)
print(re.sub('', lambda m: str(m.start()), 'ab'))
for repl in [r'\1', r'\g<2>', r'\g<name>', r'\g<-1>', r'\g<1x>', r'\q', '\\', r'\g<', r'\777']:
    try:
        print(re.sub('(a)', repl, 'xx'))
    except re.error as e:
        print('error', e)
    except IndexError as e:
        print('IndexError', e)
for f in [lambda m: 1, lambda m: b'x']:
    try:
        re.sub('a', f, 'xa')
    except TypeError as e:
        print('TypeError', e)
try:
    re.sub(b'a', lambda m: 'x', b'a')
except TypeError as e:
    print('TypeError', e)
p = re.compile(r'\s+')
print(p.sub(' ', ' a  b   c '), p.subn('', 'a b'), p.split(' a b ', 1), p.split('abc'))
print(re.escape('a-b.c*d?e+f^g$h|i(j)k[l]m{n}o\\p q\tr#s&t~u'), re.escape(''), re.escape('_!"%\',/:;<=>@`'))
log = 'ERROR 12:01 disk full; WARN 12:05 cpu hot; ERROR 13:00 fan'
print(re.findall(r'(ERROR|WARN) (\d+):(\d+)', log))
print({m.group(1): m.group(2) for m in re.finditer(r'(\w+) (\d+:\d+)', log)})
print(re.sub(r'(\d+):(\d+)', lambda m: '%02dh%s' % (int(m.group(1)) % 12, m.group(2)), log))
csv = 'name, age ,city\nbob,  42,  Paris '
print([re.split(r'\s*,\s*', line.strip()) for line in csv.splitlines()])
