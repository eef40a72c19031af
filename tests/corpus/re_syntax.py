import re
tests = [
    (r'(a+)+b', 'aaab'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a*)+', 'b'), (r'(a*)*', 'aa'), (r'(a?)*?b', 'aab'),
    (r'(?:a|())*b', 'aab'), (r'(\w+)\s+\1', 'hello hello world'), (r'(?i)(\w+) \1', 'Abc aBC'),
    (r'((a)|b)+', 'ab'), (r'(a)|b', 'b'), (r'(?:(a)|b)*', 'ab'), (r'(?:(a)|(b))*', 'ab'),
    (r'x{0}y', 'y'), (r'(ab){1,3}?c', 'ababc'), (r'a{,}', 'aaa'), (r'a{}', 'a{}'), (r'a{1,}b', 'aaab'),
    (r'[^a-c]+', 'xyzabc'), (r'[\w.-]+@[\w-]+\.\w+', 'mail: john.doe-x@ex-ample.com!'), (r'[]a]+', 'a]]a'),
    (r'[a\]]+', 'a]]'), (r'[\^]', '^'), (r'[a-]+', 'a--a'), (r'[-a]+', '-a'), (r'[\s\S]+', 'a\n b'),
    (r'\Aab\Z', 'ab'), (r'ab$', 'ab\n'), (r'ab\Z', 'ab\n'), (r'^$', ''), (r'\b', ''), (r'\B', ''),
    (r'(?=a)', 'a'), (r'(?!a)', 'a'), (r'(?<=\d{3})x', '123x'), (r'(?<=(a))b', 'ab'), (r'(?=(a))a', 'a'),
    (r'(?!(a)b)a', 'ac'), (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'), (r'a++b', 'aab'), (r'a*+a', 'aa'), (r'(?:ab)?+c', 'abc'),
    (r'\x41\u00e9\U0001F600', 'Aé😀'), (r'\0', '\0'), (r'\101', 'A'), (r'[\101-\103]+', 'ABCD'),
    (r'(?s).', '\n'), (r'(?m)^b', 'a\nb'), (r'(?x) a b # c', 'ab'), (r'(?x)[ ]', ' '), (r'(?x)a\ b', 'a b'),
    (r'(?i)[a-z]+', 'HeLLo'), (r'(?i)[^a-z]+', 'HeLLo123'), (r'(?i)straße', 'STRASSE'), (r'(?i)ß', 'ẞ'), (r'(?i)K', 'K'), (r'(?i)s', 'ſ'),
    (r'(?i)Σ', 'ς'), (r'(?i)[Σ]', 'ς'), (r'\d+', '٣٤5'), (r'\w+', 'naïve_façade 12'), (r'\s+', '\u2003\xa0\t'), (r'\W', 'é'), (r'(?a)\W', 'é'),
    (r'(?u)\w', 'é'), (r'(?a:\w+)é', 'abé'), (r'é+', 'ééé'), (r'.', '😀'), (r'..', 'aé'), (r'[à-ÿ]+', 'çàÿz'),
    (r'(?P<y>\d{4})-(?P<m>\d\d)', 'on 2024-05-06'), (r'(?P<a>x)|(?P<b>y)', 'y'), (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk'),
    (r'(a)(?(1)b)', 'a'), (r'(?P<q>")?\w+(?(q)")', '"abc"'), (r'(?P<q>")?\w+(?(q)")', 'abc"'), (r'a|b|c', 'xc'), (r'|a', 'a'), (r'a|', 'b'),
    (r'(?:)', 'x'), (r'()', 'x'), (r'(|a)+', 'aa'), (r'(a|)+', 'aa'), (r'(?:a*?)*b', 'aab'), (r'(a{2})*', 'aaaaa'), (r'(a{0,2}?){2}', 'aaaa'),
]
for p, s in tests:
    m = re.search(p, s)
    if m is None:
        print(repr(p), None)
    else:
        print(repr(p), m.span(), m.groups(), m.lastindex, m.lastgroup)
print(re.findall(r'\b\w', 'héllo wörld, ça va'))
print(re.findall(r'(?i)[äÖ]', 'ÄöAO'))
print(re.sub(r'(?<=a)', '-', 'aaa'), re.sub(r'\b', '|', 'ab cd'), re.sub('', '-', 'abc'), re.sub('x*', '-', ''), re.split('', 'abc'))
print(re.split(r'\b', 'a b'), re.split(r'(?=b)', 'abab'), re.findall('', 'ab'), re.findall(r'a|', 'aba'))
print(re.sub(b'a', b'\\n', b'bab'), re.subn(b'(a)', b'[\\1]', b'aa'), re.split(b',', b'a,b'), re.escape(b'a.b'))
print(re.findall(b'(?i)\xe9', b'\xc9\xe9'), re.findall(b'\\w', b'a\xe9_'), re.findall(b'\\s', b' \x1c\x85'), re.findall(r'\s', ' \x1c\x85'))
p = re.compile(r'\w+')
print(p.findall('ab cd ef', 3), p.findall('ab cd ef', 0, 4), p.match('ab cd', 3), p.fullmatch('ab cd', 3), p.search('abcd', 1, 3))
print(p.match('ab', -5, 100), p.search('ab', 5), list(p.finditer('a b c', 1, 4)), p.split('a b c', 1), p.sub('x', 'a b', count=1))
print(re.compile('^a', re.M).findall('a\na', 1), re.compile('^a').search('ba', 1), re.compile('$').search('ab', 0, 1))
print(re.match(r'(a)(b)?', 'ab').expand(r'\2\1\g<0>'), re.sub('(b)?a', r'[\1]', 'a'))
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print(e)
print(re.sub('a', lambda m: m.group().upper() + str(m.start()), 'banana'))
m = re.search(r'(?P<w>\w+)', '  word  ')
print(m, repr(m), m.regs, m.group('w', 0, 1))
print(re.compile('a', re.X|re.S|re.A), re.compile('(?i)a'), re.compile('(?x)a'), re.compile(b'a', re.L), re.compile('a', 1024))
print(int(re.I), int(re.IGNORECASE), int(re.M | re.S), int(re.NOFLAG), int(re.A), int(re.U), int(re.X), int(re.L), int(re.T))
print(type(re.compile('a')).__name__, type(re.match('a','a')).__name__, re.Pattern, re.Match)
