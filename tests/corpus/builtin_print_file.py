# print(sep=, end=, file=, flush=) with any object that has write(); sys.stdout/sys.stderr.
import sys


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


class WF(W):
    def flush(self):
        self.parts.append("<flush>")


w = W()
print(1, "two", 3.0, [4], sep="-", end="!\n", file=w)
print(w.parts)
wf = WF()
print("a", "b", file=wf, flush=True)
print(wf.parts)
print(file=w)
print(w.parts[-1:])
try:
    print("x", file=w, flush=True)
except AttributeError as e:
    print("AttributeError", e)
try:
    print("x", file=5)
except AttributeError as e:
    print("AttributeError", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
print("to stdout", file=sys.stdout)
print("none file", file=None)
n = sys.stdout.write("written\n")
print(n)
print(sys.stdout.flush())
print(repr(sys.stdout))
print(repr(sys.stderr))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
print("flushed", flush=True)
print("to stderr", 1, 2, sep=",", file=sys.stderr)
sys.stderr.write("stderr write\n")
