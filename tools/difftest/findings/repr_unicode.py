# difftest known divergence "str_repr_unicode": repr() escapes every non-printable character
# (Unicode categories C* and Z* other than the space); Frostbyte's table is an approximation
# that misses unassigned and private-use code points outside the BMP, among others.
for c in [787196, 0xC02FC, 0xF0000, 0x10FFFD, 0xE0001, 0x378, 0x2066, 0x1D173, 0x61C]:
    print(repr(chr(c)), chr(c).isprintable())
print(repr('[{0:c}]'.format(787196)))
