# struct and gzip (CPython 3.11 is the oracle).
import gzip
import os
import struct

print(struct.pack('<i', 1), struct.pack('>I', 258), struct.pack('<hHbB', -2, 65535, -1, 255))
print(struct.pack('<f', 1.5), struct.pack('>d', -0.25), struct.pack('<?', True), struct.pack('4s', b'ab'))
print(struct.unpack('<i', b'\x01\x00\x00\x00'), struct.unpack('>hH', b'\xff\xfe\x01\x00'), struct.unpack('<fd', struct.pack('<fd', 0.1, 0.1)))
print(struct.calcsize('<iqh'), struct.calcsize('>3f'), struct.calcsize('<10s'), struct.calcsize('<e'))
print(struct.unpack('<3B', bytes([1, 2, 3])), struct.unpack_from('<H', b'\x00\x01\x02', 1), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
print(struct.pack('<q', -1), struct.unpack('<q', b'\xff' * 8), struct.pack('!I', 1), struct.pack('<e', 0.5))
for f, args in [('<B', (256,)), ('<i', (1, 2)), ('<i', ('x',))]:
    try:
        struct.pack(f, *args)
    except struct.error as e:
        print('struct.error', e)
try:
    struct.unpack('<i', b'\x00')
except struct.error as e:
    print('struct.error', e)
print(struct.error)

# A binary header, as file-format code reads one.
header = struct.pack('<4sIIf', b'NBLA', 2, 1024, 0.5)
magic, version, n, scale = struct.unpack('<4sIIf', header)
print(magic, version, n, scale, len(header))

data = b"hello gzip " * 20
z = gzip.compress(data)
print(z[:2], gzip.decompress(z) == data, len(gzip.decompress(z)))
os.makedirs("_t206_tmp", exist_ok=True)
p = os.path.join("_t206_tmp", "x.txt.gz")
with gzip.open(p, "wt") as f:
    f.write("line one\n")
    f.write("line two\n")
with gzip.open(p, "rt") as f:
    print(repr(f.read()))
with gzip.open(p, "rb") as f:
    print(f.read()[:8])
with gzip.open(p, "ab") as f:
    f.write(b"more\n")
with gzip.open(p) as f:
    print(f.read().splitlines())
try:
    gzip.decompress(b"not gzip at all")
except gzip.BadGzipFile as e:
    print("BadGzipFile")
os.remove(p)
os.rmdir("_t206_tmp")
