# difftest known divergence "int_unicode_digits": int() and float() accept any Unicode decimal
# digit in CPython (Arabic-Indic, fullwidth...); Frostbyte only ASCII digits.
print(int('١٢'), int('٣', 16), float('１.５'), int(' ٤٢ '))
