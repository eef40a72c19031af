# str.format with positional, keyword, indexed fields and specs.
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[key]}".format(["p", "q"], {"key": "val"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^11}".format("mid"), "{:08.3f}".format(3.14159), "{:+d}".format(5))
print("{:,}".format(1234567), "{:_}".format(1234567), "{:x} {:X} {:o} {:b}".format(255, 255, 8, 5))
print("{:.2%}".format(0.256), "{:e}".format(12345.678), "{:g}".format(0.00001234))
print("{{literal}} {}".format("braces"))
print("{!r} {!s}".format("q", "q"))
print("{0:{1}}|".format("w", 5), "{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{:>{}}".format("x", 4), "{:5d}|{:<5d}|".format(42, 42))
class P:
    def __init__(self):
        self.x = 3
        self.y = 4
p = P()
print("({0.x}, {0.y})".format(p), "{p.x}".format(p=p))
args = ["one", "two"]
kw = {"n": 9}
print("{} {} {n}".format(*args, **kw))
