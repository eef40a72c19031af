# inf and nan values created via float().
inf = float('inf')
ninf = float('-inf')
nan = float('nan')
print(inf, ninf, nan, repr(inf), repr(nan))
print(inf + 1, inf * 2, inf - inf, inf * 0, -inf)
print(inf > 10 ** 300, ninf < -1e308, inf == inf, nan == nan, nan != nan)
print(nan < 1, nan > 1, nan == 1, nan is nan)
print(float('Infinity'), float('-INF'), float('NaN'), float(' inf '))
print(1 / inf, -1 / inf, inf / inf)
print(1e308 * 10 == inf, max(1.0, inf), min(1.0, ninf))
print(str(inf), str(ninf), [inf, nan])
print(inf + ninf, abs(ninf), -nan)
print(float('inf') == float('inf'), 1e400)
vals = [3.0, inf, -2.0, ninf, 0.0]
print(sorted(vals))
print(int(1e18), int(-2.5e10))
x = nan
print(x == x, x != x, [x] == [x])
