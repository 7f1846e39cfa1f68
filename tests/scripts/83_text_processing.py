# text processing: word frequencies, caesar cipher, palindromes, run-length encoding, column alignment
text = "the cat sat on the mat the end"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{w:<5}{c:>3}")
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
def is_pal(s):
    cleaned = [c.lower() for c in s if c.isalpha()]
    return cleaned == cleaned[::-1]
print([is_pal(s) for s in ["Racecar", "A man, a plan, a canal: Panama", "abc"]])
def rle(s):
    if not s:
        return []
    runs = [[s[0], 1]]
    for ch in s[1:]:
        if ch == runs[-1][0]:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return "".join(ch + str(n) for ch, n in runs)
print(rle("aaabccdddd"), rle("x"), rle(""))
rows = [("name", "score"), ("alice", 93.5), ("bob", 7.25)]
for name, score in rows:
    print(f"|{name:^8}|{str(score):>7}|")
csv = "a,1\nb,22\nc,333"
parsed = [line.split(",") for line in csv.splitlines()]
print(parsed, sum(int(v) for _, v in parsed))
print(" ".join(w.capitalize() for w in text.split()[:4]))
