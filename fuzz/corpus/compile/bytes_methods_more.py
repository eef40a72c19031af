# More bytes methods: split/rsplit with limits, strip, replace, find/count, predicates, repetition.
d = b"  a b\tc  d  "
print(d.split(), d.split(None, 1), d.rsplit(None, 1), d.rsplit(), d.split(b" "), d.rsplit(b" ", 2))
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b",".split(b","), b"".split(b","), b"".split())
print(b"xxaxx".strip(b"x"), b"xxaxx".lstrip(b"x"), b"xxaxx".rstrip(b"x"), b"  q ".strip())
print(b"aaa".replace(b"a", b"bb", 2), b"ab".replace(b"", b"-"), b"abcabc".count(b"bc"), b"abc".count(b""))
print(b"abcabc".rfind(b"b"), b"abcabc".find(99), b"abcabc".find(b"c", 3), b"abc".index(b"b"))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
print(b"Hello".swapcase(), b"123".isdigit(), b"".isdigit(), b"ab1".isalnum(), b"AB".isupper(), b"ab".islower())
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kvw".partition(b"="), b"kvw".rpartition(b"="))
print(b"ab" * 3, 3 * b"ab", b"ab" * 0, b"ab" * -1, bytes(300)[::7][:3], len(bytes(range(256))[::-3]))
print(b"%" in b"a%b", b"-".join([]), b"".join([b"a", b"b"]), b"abc".startswith(b"b", 1), b"abc".endswith(b"b", 0, 2))
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print(e)
