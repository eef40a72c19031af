# replace, find, startswith/endswith, in.
s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("at", "og", 2), s.replace("the ", ""))
print(s.replace("", "-")[:12], "aaa".replace("a", "aa"), "abc".replace("x", "y"))
print(s.find("at"), s.find("at", 6), s.find("at", 6, 8), s.find("zz"), s.find(""))
print(s.find("the", 1), s.find("mat", -3), s.find("t", -1))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4))
print(s.endswith("mat"), s.endswith(("dog", "mat")), s.startswith(("a", "b")))
print("file.py".endswith((".py", ".txt")), "".startswith(""), "abc".endswith(""))
print("cat" in s, "dog" in s, "" in s, "the" not in s)
print("héllo wörld".replace("ö", "o").find("w"))
print(s.upper(), "MiXeD 123".lower(), "ABC".upper())
