# Exception raised inside a generator while a for loop consumes it.
def parse_numbers(lines):
    for line in lines:
        yield int(line)
total = 0
for n in parse_numbers(["1", "2", "three", "4"]):
    total += n
    print("running total", total)
