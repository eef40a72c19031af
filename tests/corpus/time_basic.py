# The time module: clocks (checked for order, not value), calendar conversions, struct_time.
import time

a = time.monotonic()
b = time.monotonic()
print("monotonic() increasing:", b >= a, type(a).__name__)
n1 = time.monotonic_ns()
n2 = time.monotonic_ns()
print("monotonic_ns() increasing:", n2 >= n1, type(n1).__name__)
p1 = time.perf_counter()
time.sleep(0.01)
p2 = time.perf_counter()
print("sleep(0.01) took >= 0.01:", p2 - p1 >= 0.01)
q1 = time.perf_counter_ns()
time.sleep(0)
q2 = time.perf_counter_ns()
print("perf_counter_ns:", q2 >= q1, type(q1).__name__)
t = time.time()
print("time() after 2020:", t > 1577836800.0, type(t).__name__)
print("time_ns() close to time():", abs(time.time_ns() / 1e9 - t) < 60)

g = time.gmtime(0)
print(g)
print(tuple(g))
print(len(g), g[0], g[-1], g[1:3])
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(time.gmtime(1e9))
print(time.gmtime(1000000000.9))
print(time.gmtime(-1))
print(time.gmtime(951782400))  # 2000-02-29
print(time.gmtime(4102444800))  # 2100-01-01
print(isinstance(g, tuple), type(g).__name__, type(g).__module__)
print(g == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
y, mo, d, *rest = time.gmtime(86400 * 365)
print(y, mo, d, rest)

for secs in (0, 1, 1e9, 1234567890, 1700000000, 4102444800):
    print(secs, time.mktime(time.localtime(secs)) == secs)
print(time.mktime((2024, 13, 1, 0, 0, 0, 0, 0, 0)) == time.mktime((2025, 1, 1, 0, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 3, 0, 0, 0, 0, 0, 0, 0)) == time.mktime((2024, 2, 29, 0, 0, 0, 0, 0, 0)))
print(time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0)))
now = time.gmtime()
print("gmtime() year after 2020:", now.tm_year > 2020)

for bad in (-1, -0.5):
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError")
try:
    time.mktime((1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print("TypeError")
