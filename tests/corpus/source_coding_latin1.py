# -*- coding: latin-1 -*-
# This file is saved in Latin-1 (ISO-8859-1), not UTF-8: the declaration above makes the
# compiler decode it as CPython does.  Bytes 0x80-0xFF are single characters here.

word = "café"
sign = "±½¾ ÿ"
print(word, len(word), word.upper())
print(sign, len(sign), [hex(ord(c)) for c in sign])
print(word.encode("latin-1"), word.encode("utf-8"))
print("é" == "\xe9", "ÿ" == "\u00ff")
# Non-ASCII in comments and in names' string values: Ü Ö ß
data = {"clé": "valeur", "Größe": 3}
for k in sorted(data):
    print(k, data[k], len(k))


def größe():
    return "naïve"


print(größe(), größe.__name__)
print(f"{word:>8}|{'à':^5}|")
print(repr("\xa0\xad\xb5"), "\xa0\xad\xb5" == " ­µ")
# repr escapes and isprintable agree with CPython for the non-ASCII spaces and format
# characters (Zs, Cf, Co), not only for control characters.
odd = "\xa0\u1680\u2000\u200b\u202f\u2060\u3000\ue000\U000f0000 a\xe9"
print(repr(odd))
print([c.isprintable() for c in odd], "caf\xe9".isprintable())
