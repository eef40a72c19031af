a = 1+2j
print(a, 3j, -3j, 1j*1j, a.real, a.imag, a.conjugate(), abs(3+4j), complex(-0.0, -1))
print(complex(float('nan'), float('inf')), complex(1e20, 1.5), complex(), complex(2), complex(1, 2), complex(1j, 1j))
print(a + 1, 1 + a, a - 1.5, 2 * a, a / 2, 1 / a, a ** 2, 2 ** a, a ** -1, pow(a, 3), (0j) ** 0, a == 1+2j, 1j == 1j, (1+0j) == 1, 2.0 == (2+0j), a != 3)
print(hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(a) == hash(complex(1, 2)), bool(0j), bool(1j), -a, +a)
print(complex('1+2j'), complex(' ( 1-2j ) '), complex('j'), complex('-j'), complex('1e3+1e-3j'), complex('inf'), complex('-1.5J'), complex('3'))
class C:
    def __complex__(self): return 5j
print(complex(C()), repr(1e-5j), 1.5j, {1j: 2}[1j], type(1j).__name__)
for e in [lambda: 1 / 0j, lambda: a < a, lambda: complex('1+'), lambda: complex('1 + 2j'), lambda: complex('abc'), lambda: complex('1', 2),
          lambda: complex(1, '2'), lambda: complex([]), lambda: 0j ** -1, lambda: a // 2, lambda: a % 2, lambda: (1e200+1e200j) ** 2, lambda: int(a)]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(1 / 1j)
print(sum([1j, 2, 0.5]), [x * 1j for x in range(3)], (2+3j).__complex__(), complex(real=1, imag=2), complex(imag=4))
print(1j ** 0.5, (-1) ** 0.5 == 1j ** 1, (1+1j) ** (1+1j), 4 ** 0.5j, 0j ** 0j, 0.0 ** 2j if False else 0)
print(1e308j * 10, -(0j), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), complex(1, 1e-17), 1e16j, 123456789012345678j)

def divide(a, b):
    return a / b

divide(1 + 1j, 0j)
