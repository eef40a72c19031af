# Unicode strings: length, indexing and slicing by code point.
s = 'héllo'
print(s, len(s), s[1], s[-1], s[1:3], s[::-1])
j = '日本語テキスト'
print(j, len(j), j[0], j[2], j[-2:], j[::2])
e = 'a😀b🎉c'
print(e, len(e), e[1], e[3], e[::-1], e[1:4])
mixed = 'Ωmega café ñ 中文 👍'
print(len(mixed), mixed.upper(), mixed.lower())
for ch in 'ñ日😀':
    print(ch, ord(ch), hex(ord(ch)), chr(ord(ch)) == ch)
print(chr(233), chr(26085), chr(128512), chr(65), chr(0x3a9))
print('é' == '\u00e9', '\u65e5\u672c', '\U0001F600' == '😀')
print(repr('héllo'), repr('日本'), repr('😀'), repr('\n\t'))
print('日本' + '語', '日' * 3, '本' in '日本', 'x' in '日本')
print(sorted('héllo'), max('日本語'), min('abcé'))
print('ÉCOLE'.lower(), 'straße'.upper(), 'ǅ'.lower())
print(list('añ😀'), '-'.join('日本'))
print(str('😀').find('😀'), 'a😀b😀'.find('b'), 'a😀b😀'.split('😀'))
