# String building: a report is assembled from records with str.join, % formatting,
# str.format, f-strings (with width, precision and alignment specs), slicing, replace,
# upper/lower, and parsed back with split and int(). Written for Frostbyte's benchmarks.
# Stresses: short-string allocation, formatting machinery, slicing, str methods.

RECORDS = 20000

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def record(i):
    name = NAMES[i % len(NAMES)]
    qty = (i * 37) % 1000
    price = ((i * 7919) % 10000) / 100.0
    return name, qty, price


def line_percent(i, name, qty, price):
    return "%05d|%-8s|%4d|%8.2f" % (i, name, qty, price)


def line_format(i, name, qty, price):
    return "{:05d}|{:<8}|{:>4}|{:8.2f}".format(i, name, qty, price)


def line_fstring(i, name, qty, price):
    return f"{i:05d}|{name:<8}|{qty:4d}|{price:8.2f}"


def build(n):
    parts = []
    for i in range(n):
        name, qty, price = record(i)
        if i % 3 == 0:
            s = line_percent(i, name, qty, price)
        elif i % 3 == 1:
            s = line_format(i, name, qty, price)
        else:
            s = line_fstring(i, name, qty, price)
        parts.append(s)
    return "\n".join(parts)


def parse(text):
    total_qty = 0
    total_cents = 0
    tags = []
    for line in text.split("\n"):
        fields = line.split("|")
        total_qty += int(fields[2])
        whole, frac = fields[3].strip().split(".")
        total_cents += int(whole) * 100 + int(frac)
        name = fields[1].rstrip()
        tags.append(name[:2].upper() + name[-2:] + line[3:5])
    return total_qty, total_cents, "".join(tags)


def mangle(text):
    out = text.replace("|", ";").replace("alpha", "ALPHA")
    words = []
    for chunk in out[: len(out) // 4].split(";"):
        if chunk:
            words.append(chunk[::-1] if len(chunk) % 2 else chunk.lower())
    s = ",".join(words)
    acc = ""
    for k in range(0, len(s) - 16, 97):
        acc += s[k : k + 3]
    return len(s), acc


checksum = 0
for rnd in range(2):
    text = build(RECORDS + rnd)
    q, c, tags = parse(text)
    n, acc = mangle(text)
    print(len(text), q, c, len(tags), tags[:24], n, acc[:30])
    h = 0
    for ch in tags[::7]:
        h = (h * 31 + ord(ch)) % 1000000007
    checksum = (checksum * 7 + h + q + c + n + len(acc)) % 1000000007
print(line_fstring(12, "x", 3, 4.5), line_format(1, "abcdefghij", 12345, -2.0), line_percent(7, "y", 0, 0.125))
print("checksum", checksum)
