for s in ['1e', '(1+2j', '1+2j)', '', '  ', 'nanj', '1_000j', '-1e-3-2.5e+2j', '+1.5', 'j1', '1jj', '1+-2j', '++1j', '1e+j', '-inf-infj', '( j )', 'J', '1.j', '.5+.5j', '1e5J', '0x1j', 'infinityj', '1 j', '1\t', '\n(2)\n', '1+2j+3j', '+j', '--1']:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), e)
print(10**30 == complex(1e30), complex(10**30) , 2**53 + 1 == complex(2**53 + 1), hash(-1+0j), hash(complex(-1, 0)) == hash(-1))
print(complex(True, False), complex(1.5, 2j), 1j.real, (1j).imag, type((1j).real).__name__, abs(-0j), abs(complex(float('inf'), float('nan'))))
try:
    complex(10**400)
except OverflowError as e:
    print(e)
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print(e)
print(complex(1, 10**20), (1+2j) * 1e308, 1e308 * 1j * 1j, -1j * 0, 0 * -1j)
