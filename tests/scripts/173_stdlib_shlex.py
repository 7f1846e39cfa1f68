# shlex: split with POSIX quoting, quote, join
import shlex

cases = [
    'python train.py --lr 0.01 --name "my run"',
    "echo 'single quoted $HOME' \"double \\\"escaped\\\" \\$x \\n\"",
    'a\\ b c\\\\d "e\\\\f" \'g\\h\'',
    'pre"fix mid"post \'a\'\'b\' ""  \'\' end',
    '   lots   of\t\twhite\nspace  ',
    '',
    'cmd # not a comment without comments=True',
    'x=1 y="2 3" --flag=\'a b\'',
    'unicode: héllo wörld',
]
for c in cases:
    print(repr(c), '->', shlex.split(c))

print(shlex.split('run this # and this is a comment\nnext line', comments=True))
print(shlex.split('word#inside and # rest', comments=True))
print(shlex.split('"#quoted" # gone', comments=True))

for bad in ['say "unfinished', "it's", 'trailing backslash \\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(type(e).__name__, e)

for s in ['', 'simple', 'has space', "it's", 'a"b', '$HOME', 'x=1,y=2:z/w.v@h%p+q-r_s', 'tab\there', 'ünï']:
    print(repr(s), '->', shlex.quote(s))

args = ['python', 'my script.py', '--msg', "don't panic", '']
line = shlex.join(args)
print(line)
print(shlex.split(line) == args)
print(shlex.join([]))
