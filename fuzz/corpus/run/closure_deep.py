# Three levels of nesting with reads and nonlocal writes at each level.
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            nonlocal a, b
            a += 10
            b += 20
            return a + b
        r = level3()
        return r, b
    r2 = level2()
    return r2, a
print(level1())
def make_counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = make_counter_pair()
print(up(), up(), down(), up(), down(), down())
