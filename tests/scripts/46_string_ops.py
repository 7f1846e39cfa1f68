# string slicing, *, +, in, iteration, comparison, len, repr of strings with quotes
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::-1], s[::2], s[-5:-1])
print(len(s), "World" in s, "world" in s, "z" not in s)
print("ab" * 3, "-" * 10, "x" + "y" * 2)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr(""))
print(repr("plain"), str("plain"), repr("a\\b"))
print(["it's", 'q"q'])
for ch in "abc":
    print(ch, ord(ch), end=" ")
print()
print("apple" < "banana", "Apple" < "apple", "a" * 3 == "aaa")
print(sorted(["b", "A", "a", "B"]))
words = "the quick brown fox".split()
print(" ".join(w[::-1] for w in words))
print(" ".join(reversed(words)))
acronym = "".join(w[0].upper() for w in words)
print(acronym)
count = 0
for c in "hello world":
    if c in "aeiou":
        count += 1
print("vowels", count)
print(s.lower().count("o"), s.upper())
print(str(123)[::-1], int(str(123)[::-1]) + 1)
print("a" + "|" + "b", "=" * 3 + ">")
print(len(""), ""[:5], "abc"[5:], "abc"[-10:2])
print("caf\u00e9", len("caf\u00e9"), "caf\u00e9".upper())
