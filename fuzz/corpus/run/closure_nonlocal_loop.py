# nonlocal state updated from inside loops and callbacks.
def run():
    events = []
    count = 0
    def on_event(name):
        nonlocal count
        count += 1
        events.append(f"{count}:{name}")
    for n in ["start", "tick", "tick", "stop"]:
        on_event(n)
    return count, events
print(run())
def make_fib():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
nf = make_fib()
print([nf() for _ in range(12)])
