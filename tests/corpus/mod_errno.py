import errno

print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINVAL, errno.ETIMEDOUT)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[110])
print(len(errno.errorcode), 2 in errno.errorcode, 9999 in errno.errorcode)
names = [n for n in dir(errno) if n.startswith('E')]
print(len(names), sorted(names)[:5])
print(all(errno.errorcode[getattr(errno, n)] and getattr(errno, errno.errorcode[getattr(errno, n)]) == getattr(errno, n) for n in names))
try:
    open_ = errno.errorcode[9999]
except KeyError as e:
    print('KeyError', e)
try:
    raise OSError(errno.EIO, 'I/O error')
except OSError as e:
    print(e.args[0] == errno.EIO, errno.errorcode[e.args[0]])
from errno import EPERM, ENOMEM
print(EPERM, ENOMEM)
print(errno.__name__)
