# f-string format specs for strings, !r / !s conversions, nested specs.
s = "héllo"
print(f"{s}|{s:10}|{s:<10}|{s:>10}|{s:^10}|{s:*^11}|{s:.2}|{s:8.3}|")
print(f"{s!r}|{s!s}|{s!r:>12}|{'日本':<6}|{'😀':^5}|")
w = 8
p = 2
print(f"{s:{w}}|{s:>{w}}|{s:{'-'}^{w}}|{3.14159:{w}.{p}f}|{42:0{w}d}|")
name = "Ann"
items = ["a", "b"]
d = {"k": "v"}
print(f"{name} has {len(items)} items: {items} {items[0]} {d['k']}")
print(f"{{braces}} {{{name}}} {name + '!'} {name * 2} {name.upper()} {name[::-1]}")
print(f"{1 + 2} {'yes' if items else 'no'} {[x * 2 for x in range(3)]}")
print(f"{None} {True} {None!r} {'q'!r}")
print(f"{'a'}" f"{'b'}" "c" f"{1}{2}")
v = 5
print(f"{v:>{v}}|{v:<{v + 1}}|")
print(f"""triple {name}
line two {v}""")
