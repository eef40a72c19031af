# An object-oriented "synthetic" workload in the spirit of Dhrystone:
# records with attributes that are created, copied and mutated, method
# calls through a small class hierarchy, string comparisons, small integer
# arithmetic and list-of-lists indexing. Written from scratch.
# Stresses: attribute load/store, method dispatch, object allocation,
# string equality/ordering, int arithmetic, global state.
LOOPS = 200000

KIND_A = 1
KIND_B = 2
KIND_C = 3
KIND_D = 4
KIND_E = 5


class Record:
    def __init__(self, link=None, kind=0, tag=KIND_C, value=0, text=""):
        self.link = link
        self.kind = kind
        self.tag = tag
        self.value = value
        self.text = text

    def clone(self):
        return Record(self.link, self.kind, self.tag, self.value, self.text)

    def weight(self):
        return self.value * 3 + self.tag


class TaggedRecord(Record):
    def __init__(self, link=None, kind=0, tag=KIND_C, value=0, text="", extra=1):
        Record.__init__(self, link, kind, tag, value, text)
        self.extra = extra

    def clone(self):
        return TaggedRecord(self.link, self.kind, self.tag, self.value,
                            self.text, self.extra)

    def weight(self):
        return Record.weight(self) + self.extra


class State:
    def __init__(self):
        self.int_glob = 0
        self.bool_glob = False
        self.char1 = "\0"
        self.char2 = "\0"
        self.array1 = [0] * 51
        self.array2 = []
        for i in range(51):
            self.array2.append([0] * 51)
        self.ptr = None


def classify(tag):
    if tag == KIND_C:
        return KIND_A
    if tag == KIND_A:
        return KIND_B
    if tag == KIND_B:
        return KIND_D
    return KIND_E


def is_valid(tag):
    return tag == KIND_C or tag == KIND_D


def char_cmp(c1, c2):
    if c1 != c2:
        return KIND_A
    return KIND_B


def str_cmp(s1, s2, st):
    # compare two strings in a couple of ways; mutates global state
    idx = 2
    ch = "A"
    while idx <= 2:
        if char_cmp(s1[idx], s2[idx + 1]) == KIND_A:
            ch = "A"
            idx += 1
    if ch >= "W" and ch <= "Z":
        idx = 7
    if ch == "R":
        return True
    if s1 > s2:
        st.int_glob = idx + 7
        return True
    return False


def proc_arrays(st, a, b):
    loc = a + 5
    st.array1[loc] = b
    st.array1[loc + 1] = st.array1[loc]
    st.array1[loc + 30] = loc
    row = st.array2[loc]
    for i in range(loc, loc + 2):
        row[i] = loc
    row[loc - 1] += 1
    st.array2[loc + 20][loc] = st.array1[loc]
    st.int_glob = 5


def proc_record(st, rec):
    nxt = rec.link
    tmp = st.ptr.clone()
    rec.link = tmp
    rec.value = 5
    tmp.value = rec.value
    tmp.link = rec.link
    tmp.link = proc_link(st, tmp.link)
    if tmp.kind == 0:
        tmp.value = 6
        tmp.tag = classify(rec.tag)
        tmp.link = st.ptr.link
        tmp.value = add_small(tmp.value, 10)
    else:
        rec.value = tmp.value
    return nxt


def proc_link(st, link):
    if st.ptr is not None:
        link = st.ptr.link
    st.int_glob += 1
    st.ptr.value = add_small(10, st.int_glob)
    return link


def add_small(a, b):
    return (a + b) % 1000


def run(loops):
    st = State()
    base = Record(None, 0, KIND_C, 40, "SOME PROGRAM, SOME STRING")
    st.ptr = TaggedRecord(base, 0, KIND_C, 40, "SOME PROGRAM, SOME STRING", 2)
    str1 = "DHRY PROGRAM, 1'ST STRING"
    check = 0
    weights = 0
    for i in range(loops):
        st.char1 = "A"
        st.char2 = "B"
        st.bool_glob = st.char1 == "A"
        a = 2
        b = 3
        if i % 3:
            str2 = "DHRY PROGRAM, 2'ND STRING"
        else:
            str2 = "DHRY PROGRAM, 3'RD STRING"
        tag = i % 5 + 1
        flag = not str_cmp(str1, str2, st)
        while a < b:
            c = 5 * a - b
            a += 1
        proc_arrays(st, a, c)
        nxt = proc_record(st, st.ptr)
        if nxt is not None:
            weights += nxt.weight()
        for ch in "ABCD":
            if ch > st.char2:
                break
            if tag == char_cmp(ch, "B"):
                tag = classify(tag)
        b = b * a
        a = b // c
        b = 7 * (b - a) - c
        if is_valid(tag):
            check += 1
        rec = st.ptr.clone()
        rec.value += i % 7
        weights = (weights + rec.weight()) % 1000003
        fbit = 0
        if flag:
            fbit = 1
        check = (check * 17 + a + b + c + st.int_glob + fbit) % 1000000007
    return check, weights, st.array1[8], st.array2[8][7], st.ptr.value


def main():
    check, weights, a8, a87, pv = run(LOOPS)
    print("check=%d weights=%d a8=%d a87=%d pv=%d" % (check, weights, a8, a87, pv))


main()
