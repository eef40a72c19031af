# sys.maxsize is the platform's largest Py_ssize_t (2**63 - 1 on 64-bit hosts), and the
# limits built on it agree: len() and indices up to it, OverflowError past it.
import sys

print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(len(range(sys.maxsize)), range(sys.maxsize)[-1])
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print("OverflowError", e)
print([1, 2, 3][: sys.maxsize], "abc"[-sys.maxsize :])
print(sys.maxsize + 1 > sys.maxsize, hash(sys.maxsize), hash(sys.maxsize + 1))
