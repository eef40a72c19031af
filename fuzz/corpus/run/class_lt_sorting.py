# __lt__ enables sorted(), min(), max() on user objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + self.s
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0", "1.2"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(min(vs), max(vs))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.0"))
class Task:
    def __init__(self, pri, name):
        self.pri = pri
        self.name = name
    def __lt__(self, other):
        return self.pri < other.pri
    def __repr__(self):
        return f"{self.name}:{self.pri}"
tasks = [Task(2, "b"), Task(1, "a"), Task(2, "a2"), Task(1, "z"), Task(0, "first")]
print(sorted(tasks))
tasks.sort(reverse=True)
print(tasks)
