# str.encode / bytes.decode / str(b, enc) / bytes(s, enc) for utf-8, ascii and latin-1
# with CPython's aliases, error handlers and exact error messages.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


text = "aé€\U0001f600"
for name in ["utf-8", "UTF-8", "utf8", "utf_8", "U8", "latin-1", "latin1", "Latin_1",
             "iso-8859-1", "ISO8859_1", "l1", "8859", "cp819", "ascii", "US-ASCII",
             "us", "646", " utf--8 ", "iso-8859-1:1987"]:
    show("encode " + repr(name), lambda: "aé".encode(name))
    show("decode " + repr(name), lambda: b"a\xe9".decode(name))

show("default encode", lambda: text.encode())
show("default decode", lambda: text.encode().decode())
show("latin-1 one", lambda: "é€".encode("latin-1"))
show("latin-1 run", lambda: "é€€x".encode("latin-1"))
show("latin-1 astral", lambda: "\U0001f600".encode("latin-1"))
show("ascii one", lambda: "abé".encode("ascii"))
show("ascii run", lambda: "é€€x".encode("ascii"))
show("ascii ok", lambda: "plain".encode("ascii"))
for h in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    show("encode ascii " + h, lambda: text.encode("ascii", h))
    show("encode latin-1 " + h, lambda: text.encode("latin-1", errors=h))
show("unknown handler unused", lambda: "abc".encode("ascii", "bogus"))
show("unknown handler used", lambda: "abé".encode("ascii", "bogus"))
show("unknown encoding", lambda: "a".encode("xyz"))
show("unknown encoding utf-16", lambda: "a".encode("utf-17"))
show("encoding not str", lambda: "a".encode(5))
show("errors not str", lambda: "a".encode("utf-8", 5))
show("keywords", lambda: "é".encode(encoding="latin1", errors="strict"))

bad = b"a\xe2\x82xyz\xff\xc0\xe0\x80 \xf0\x9f\x98"
show("utf-8 truncated", lambda: b"\xe9".decode())
show("utf-8 invalid start", lambda: b"ab\xff".decode())
show("utf-8 bad continuation run", lambda: b"a\xe2\x82x".decode())
show("utf-8 bad continuation", lambda: b"a\xe9\xea".decode("utf-8"))
show("utf-8 overlong", lambda: b"\xc0\x80".decode())
show("utf-8 surrogate", lambda: b"\xed\xa0\x80".decode())
show("utf-8 too big", lambda: b"\xf4\x90\x80\x80".decode())
show("utf-8 truncated 4", lambda: b"x\xf0\x9f\x98".decode())
show("ascii decode", lambda: b"a\xe9\xea".decode("ascii"))
show("latin-1 decode", lambda: bytes(range(250, 256)).decode("latin-1"))
for h in ["strict", "ignore", "replace", "backslashreplace"]:
    show("decode utf-8 " + h, lambda: bad.decode("utf-8", h))
    show("decode ascii " + h, lambda: bad.decode("ascii", errors=h))
show("decode xmlcharrefreplace", lambda: b"\xe9".decode("ascii", "xmlcharrefreplace"))
show("decode unknown handler", lambda: b"\xe9".decode("ascii", "bogus"))
show("decode unknown handler unused", lambda: b"a".decode("ascii", "bogus"))
show("decode unknown encoding", lambda: b"a".decode("koi9"))
show("decode encoding not str", lambda: b"a".decode(5))

show("str(b, enc)", lambda: str(b"\xe9", "latin1"))
show("str(b, enc, errors)", lambda: str(b"\xff", "ascii", "replace"))
show("str(b, errors=)", lambda: str(b"ab", errors="strict"))
show("str(b, errors=) bad", lambda: str(b"\xff", errors="strict"))
show("str(b, encoding=)", lambda: str(b"a", encoding="latin1"))
show("str(b)", lambda: str(b"\xe9"))
show("str(str, enc)", lambda: str("a", "utf-8"))
show("str(int, enc)", lambda: str(5, "utf-8"))
show("str(b, int)", lambda: str(b"a", 5))
show("str(b, unknown)", lambda: str(b"a", "nope"))
show("bytes(s, enc)", lambda: bytes("é", "latin1"))
show("bytes(s, enc, errors)", lambda: bytes("é€", "latin1", "replace"))
show("bytes(s, ascii)", lambda: bytes("é", "ascii"))
show("bytes(s)", lambda: bytes("a"))
show("bytes(int, enc)", lambda: bytes(5, "utf-8"))
show("bytes(b, enc)", lambda: bytes(b"x", "utf-8"))
show("bytes(int, errors=)", lambda: bytes(5, errors="strict"))
show("round trip", lambda: "".join(chr(i) for i in range(256)).encode("latin-1").decode("latin-1") == "".join(chr(i) for i in range(256)))

try:
    "€".encode("latin-1")
except UnicodeError as e:
    print("is UnicodeError:", isinstance(e, ValueError), type(e).__name__)
try:
    b"\x80".decode("ascii")
except ValueError as e:
    print("is ValueError:", type(e).__name__)
try:
    "a".encode("bogus")
except LookupError as e:
    print("LookupError:", e)
