from collections import ChainMap

a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
cm = ChainMap(a, b)
print(cm, len(cm), list(cm), cm['x'], cm['y'], cm['z'], 'z' in cm, 'w' in cm, bool(cm))
print(cm.get('w'), cm.get('z'), cm.get('w', 0), sorted(cm.items()), list(cm.keys()), list(cm.values()))
print(dict(cm), cm.maps, cm.maps[0] is a)
cm['w'] = 5
print(a, b)
del cm['w']
print(a)
try:
    del cm['z']
except KeyError as e:
    print('KeyError', e)
try:
    cm['nope']
except KeyError as e:
    print('KeyError', e)
child = cm.new_child()
child['x'] = 100
print(child, child['x'], cm['x'], child.parents, child.parents == cm)
print(cm.new_child({'q': 1}), cm.new_child(k=2))
print(ChainMap(), bool(ChainMap()), len(ChainMap({})), ChainMap({}, {}) == {})
c2 = cm.copy()
c2['x'] = -1
print(c2, cm, type(c2).__name__)
print(cm == {'x': 1, 'y': 2, 'z': 30}, cm != {'x': 1}, cm == ChainMap({'x': 1, 'y': 2, 'z': 30}))
print(cm.pop('x'), cm, cm.pop('x', 'dflt'))
try:
    cm.pop('z')
except KeyError as e:
    print('KeyError', e)
print(cm.popitem(), cm)
try:
    ChainMap({}, {'a': 1}).popitem()
except KeyError as e:
    print('KeyError', e)
cm.clear()
print(cm, len(cm), list(cm))
defaults = {'color': 'red', 'user': 'guest'}
args = {'user': 'admin'}
combined = ChainMap(args, os_env := {}, defaults)
print(combined['color'], combined['user'], list(combined))
r = ChainMap()
r.maps[0]['me'] = r
print(r)
for obj in (ChainMap(),):
    try:
        hash(obj)
    except TypeError as e:
        print('TypeError', e)
print(ChainMap, isinstance(cm, dict))


class MyCM(ChainMap):
    pass


m = MyCM({'a': 1})
print(m, m.new_child(), type(m.parents).__name__, m['a'])
