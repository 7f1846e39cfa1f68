# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs! How vexingly quick daft zebras jump; a well-known pangram-like "
        "sentence -- with an em-dash -- and some extraordinarily-long-hyphenated-words too.")

for w in (10, 25, 40, 70):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, width=50, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('a verylongwordthatcannotfit in here', 8))
print(textwrap.wrap('a verylongwordthatcannotfit in here', 8, break_long_words=False))
print(textwrap.wrap('well-known self-contained x-ray e-mail', 12))
print(textwrap.wrap('well-known self-contained x-ray e-mail', 12, break_on_hyphens=False))
print(textwrap.wrap('super-duper-long-hyphenated-identifier', 10))
print(textwrap.wrap('tabs\there\tand\nnewlines\n\nhere', 12))
print(textwrap.wrap('tabs\there', 30, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap('  leading and trailing spaces   ', 10))
print(textwrap.wrap('  leading and trailing spaces   ', 10, drop_whitespace=False))
print(textwrap.wrap('Hello there. It is me! Is it? yes.', 60, fix_sentence_endings=True))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.wrap('numbers 123-456 and a--b and x---y', 9))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=' ...'))

print(textwrap.shorten('Hello  world!', width=12))
print(textwrap.shorten('Hello  world!', width=11))
print(textwrap.shorten('Hello world', width=10, placeholder='...'))
print(textwrap.shorten(text, 40))

w = textwrap.TextWrapper(width=20, initial_indent='> ', subsequent_indent='>> ')
print(w.width, repr(w.initial_indent), w.break_long_words)
print(w.wrap('one two three four five six seven eight nine ten'))
w.width = 12
print(w.fill('one two three four five six seven eight nine ten'))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    textwrap.wrap('abc def', 5, max_lines=1, placeholder=' [......]')
except ValueError as e:
    print(type(e).__name__, e)

src = '''
    def f(x):
        return x + 1
      
    print(f(2))
'''
print(repr(textwrap.dedent(src)))
print(repr(textwrap.dedent('  a\n\tb\n')))
print(repr(textwrap.dedent('    a\n  b\n      c')))
print(repr(textwrap.dedent('\t\ta\n\t b')))
print(repr(textwrap.dedent('no indent\n  here')))

print(repr(textwrap.indent('a\nb\n\nc\n', '  ')))
print(repr(textwrap.indent('a\r\nb\n  \n', '+ ')))
print(repr(textwrap.indent('a\nb\n\n', '> ', lambda line: True)))
print(repr(textwrap.indent('x\nyy\nzzz', '# ', predicate=lambda line: len(line) > 2)))
