# bytes, str.encode/decode, binary files, io.BytesIO and hashlib (CPython 3.11 is the oracle).
import hashlib
import io
import os

b = b'hi\x00\xff"'
print(b, len(b), b[0], b[1:3], list(b[:2]), b'ab' + b'cd', b'x' * 3, 104 in b, b'i\x00' in b)
print("héllo".encode(), "héllo".encode().decode(), b'abc'.hex(), bytes.fromhex('6162 63'), bytes([65, 66]), bytes(3), bytes("hi", "ascii"))
print(type(b), isinstance(b, bytes), type(b) is bytes, b'a,b'.split(b','), b', '.join([b'x', b'y']), b'  s '.strip(), b'abc'.startswith(b'ab'))
print(repr(b"it's"), b'a' == b'a', b'a' != b'b', b'' == '', b'abc'.find(b'c'), b'aaa'.count(b'a'), b'a-b'.replace(b'-', b'+'))
for bad in (lambda: b'\xff'.decode(), lambda: "é".encode("ascii"), lambda: bytes([256]), lambda: b'a' + 'b'):
    try:
        bad()
    except (UnicodeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b'caf\xc3\xa9'.decode('utf-8'), b'caf\xe9'.decode('latin-1'), b'\xff'.decode('utf-8', 'replace'))

os.makedirs("_t205_tmp", exist_ok=True)
path = os.path.join("_t205_tmp", "data.bin")
with open(path, 'wb') as f:
    print(f.write(b'\x01\x02\x03'), f.write(bytes(range(250, 256))))
with open(path, 'rb') as f:
    head = f.read(2)
    print(head, f.read())
with open(path, 'ab') as f:
    f.write(b'end')
with open(path, 'rb') as f:
    data = f.read()
print(len(data), data[-3:], os.path.getsize(path))

bio = io.BytesIO()
bio.write(b"abc")
bio.write(b"def")
print(bio.getvalue(), io.BytesIO(b"xyz").read())

print(hashlib.md5(b"hello").hexdigest())
print(hashlib.sha256(b"hello").hexdigest())
print(hashlib.sha1(b"").hexdigest(), hashlib.sha512(b"abc").hexdigest()[:32], hashlib.sha224(b"a").hexdigest()[:16], hashlib.sha384(b"a").hexdigest()[:16])
h = hashlib.new("sha256")
h.update(b"hel")
h2 = h.copy()
h.update(b"lo")
print(h.hexdigest() == hashlib.sha256(b"hello").hexdigest(), h2.hexdigest() == hashlib.sha256(b"hel").hexdigest(), h.name, h.digest_size, h.block_size, len(h.digest()))
# A checksum of a file, read in chunks, as dataset code does.
md5 = hashlib.md5()
with open(path, "rb") as f:
    while chunk := f.read(4):
        md5.update(chunk)
print(md5.hexdigest() == hashlib.md5(data).hexdigest())
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError", e)
os.remove(path)
os.rmdir("_t205_tmp")
# bytearray: a mutable buffer built piece by piece.
ba = bytearray(b"ab")
ba.append(99)
ba.extend(b"de")
ba.extend([102, 103])
ba += b"!"
print(ba, len(ba), ba[0], ba[1:3], bytes(ba), ba.decode(), type(ba).__name__, isinstance(ba, bytearray))
ba[0] = 65
print(ba, 65 in ba, ba.pop(), ba, bytearray(3), bytearray("hé", "utf-8"), ba == b"Abcdefg", bytearray() == b"")
try:
    ba.append(300)
except ValueError as e:
    print("ValueError", e)
