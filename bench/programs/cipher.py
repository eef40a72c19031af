# Byte-level block cipher rounds: XTEA (64-bit blocks, 32-bit words packed with struct)
# in CBC mode over a bytearray, and a toy 8-bit substitution-permutation network with an
# S-box, bit permutation and key mixing over the same buffer. Decrypts again and checks.
# Written for Frostbyte's benchmarks; not a secure cipher.
# Stresses: 32-bit masked int arithmetic, shifts/xor, struct.pack/unpack, bytearray
# indexing and slicing, small loops.

import struct

SIZE = 12288
ROUNDS = 32
MASK = 0xFFFFFFFF
DELTA = 0x9E3779B9


def xtea_encrypt_block(v0, v1, key):
    s = 0
    for _ in range(ROUNDS):
        v0 = (v0 + ((((v1 << 4) ^ (v1 >> 5)) + v1) ^ (s + key[s & 3]))) & MASK
        s = (s + DELTA) & MASK
        v1 = (v1 + ((((v0 << 4) ^ (v0 >> 5)) + v0) ^ (s + key[(s >> 11) & 3]))) & MASK
    return v0, v1


def xtea_decrypt_block(v0, v1, key):
    s = (DELTA * ROUNDS) & MASK
    for _ in range(ROUNDS):
        v1 = (v1 - ((((v0 << 4) ^ (v0 >> 5)) + v0) ^ (s + key[(s >> 11) & 3]))) & MASK
        s = (s - DELTA) & MASK
        v0 = (v0 - ((((v1 << 4) ^ (v1 >> 5)) + v1) ^ (s + key[s & 3]))) & MASK
    return v0, v1


def cbc_encrypt(data, key, iv):
    out = bytearray(len(data))
    p0, p1 = struct.unpack(">II", iv)
    for off in range(0, len(data), 8):
        a, b = struct.unpack(">II", data[off : off + 8])
        p0, p1 = xtea_encrypt_block(a ^ p0, b ^ p1, key)
        out[off : off + 8] = struct.pack(">II", p0, p1)
    return out


def cbc_decrypt(data, key, iv):
    out = bytearray(len(data))
    p0, p1 = struct.unpack(">II", iv)
    for off in range(0, len(data), 8):
        c0, c1 = struct.unpack(">II", data[off : off + 8])
        a, b = xtea_decrypt_block(c0, c1, key)
        out[off : off + 8] = struct.pack(">II", a ^ p0, b ^ p1)
        p0, p1 = c0, c1
    return out


def make_sbox(seed):
    box = list(range(256))
    x = seed
    for i in range(255, 0, -1):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        j = (x >> 8) % (i + 1)
        box[i], box[j] = box[j], box[i]
    inv = [0] * 256
    for i in range(256):
        inv[box[i]] = i
    return box, inv


def permute(b):
    # rotate left by 3 and swap nibbles
    b = ((b << 3) | (b >> 5)) & 0xFF
    return ((b << 4) | (b >> 4)) & 0xFF


def unpermute(b):
    b = ((b << 4) | (b >> 4)) & 0xFF
    return ((b >> 3) | (b << 5)) & 0xFF


def spn_encrypt(buf, box, keys):
    for k in keys:
        for i in range(len(buf)):
            buf[i] = permute(box[buf[i] ^ k])
        # diffuse: each byte mixes in its left neighbour
        for i in range(1, len(buf)):
            buf[i] ^= buf[i - 1]


def spn_decrypt(buf, inv, keys):
    for k in reversed(keys):
        for i in range(len(buf) - 1, 0, -1):
            buf[i] ^= buf[i - 1]
        for i in range(len(buf)):
            buf[i] = inv[unpermute(buf[i])] ^ k


def digest(buf):
    h = 2166136261
    for b in buf:
        h = ((h ^ b) * 16777619) & MASK
    return h


plain = bytearray((i * 131 + (i >> 3)) & 0xFF for i in range(SIZE))
key = struct.unpack("<4I", b"frostbyte bench!")
iv = b"\x01\x23\x45\x67\x89\xab\xcd\xef"
ct = cbc_encrypt(plain, key, iv)
print("xtea", hex(digest(ct)), ct[:8].hex())
back = cbc_decrypt(ct, key, iv)
print("xtea roundtrip", back == plain)

box, inv = make_sbox(2026)
keys = [(k * 73 + 11) & 0xFF for k in range(6)]
buf = bytearray(plain)
spn_encrypt(buf, box, keys)
print("spn", hex(digest(buf)), bytes(buf[:8]).hex())
spn_decrypt(buf, inv, keys)
print("spn roundtrip", buf == plain)
print("checksum", (digest(ct) ^ digest(buf)) & MASK)
