# string: constants, capwords, Template
import string

print(repr(string.ascii_letters))
print(repr(string.ascii_lowercase), repr(string.ascii_uppercase))
print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation))
print(repr(string.printable))
print(repr(string.whitespace))
print(len(string.printable), 'q' in string.ascii_lowercase, '_' in string.punctuation)

print(string.capwords('hello   wORLD  of python'))
print(string.capwords('  leading and trailing  '))
print(string.capwords('a-b-c d', '-'))
print(repr(string.capwords('')))

t = string.Template('$who likes ${what}; price $$10 for $who')
print(t.template)
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(t.safe_substitute(who='bob'))
print(t.get_identifiers(), t.is_valid())

t2 = string.Template('cost: $amount${unit}s, $ bad and ${broken')
print(t2.safe_substitute(amount=3, unit='dollar'))
print(t2.is_valid())
try:
    t2.substitute(amount=3, unit='x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    string.Template('line one\n  and $').substitute()
except ValueError as e:
    print(type(e).__name__, e)
try:
    string.Template('hi $name').substitute(nom=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template('${x}').substitute({}, {})
except TypeError as e:
    print(type(e).__name__, e)

print(string.Template('$a_1+$_b2=$c').substitute(a_1=1, _b2=2, c=3))
print(string.Template('$$a $$$b').substitute(b='B'))
print(string.Template('${A}x$Bx').safe_substitute(A='1'))


class Percent(string.Template):
    delimiter = '%'


print(Percent('%name is %{age} years, 100%% sure').substitute(name='Eve', age=30))
