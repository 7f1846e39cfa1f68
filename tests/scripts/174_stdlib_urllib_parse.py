# urllib.parse: urlparse/urlsplit results, unparse, urljoin, quoting, query strings
from urllib.parse import (urlparse, urlunparse, urlsplit, urlunsplit, urljoin, urldefrag,
                          quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs,
                          parse_qsl)
import urllib.parse

u = urlparse('https://user:pw@Example.COM:8080/a/b;p=1?q=1&r=two#frag')
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.username, u.password, u.hostname, u.port)
print(u.geturl())
print(u[0], u[2], len(u), tuple(u))
scheme, netloc, path, params, query, fragment = u
print(scheme, netloc, path)
print(u == ('https', 'user:pw@Example.COM:8080', '/a/b', 'p=1', 'q=1&r=two', 'frag'))
print(u._replace(fragment='', query=''))
print(u._replace(scheme='http').geturl())

for url in ['http://www.python.org/doc/', 'www.python.org/doc', '//www.python.org:80/x?y',
            'file:///tmp/data.csv', 'mailto:someone@example.com', 'data.csv',
            '/abs/path?x=1#top', 'HTTP://H/P', 'http://[::1]:5000/api', 'scheme-x+y.z:rest',
            '1http://x', 'path:with:colons', ' \thttps://spaced.example/\n', 'http://host/p;x;y',
            'ftp://ftp.site/pub;type=d', 'http://h?only-query', 'http://h#only-frag', '']:
    p = urlparse(url)
    s = urlsplit(url)
    print(repr(url))
    print('  ', p)
    print('  ', s)
    print('  ', p.hostname, p.port, p.username, p.password, repr(p.geturl()), repr(s.geturl()))

print(urlparse('path/x', scheme='https'))
print(urlsplit('http://h/p#f', allow_fragments=False))
print(urlparse('http://a@b@host:0/'), urlparse('http://a@b@host:0/').username)
print(urlparse('http://[fe80::1%eth0]:99/').hostname)
for bad in ['http://h:abc/', 'http://h:70000/']:
    try:
        print(urlparse(bad).port)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ['http://[::1/', 'http://[abc]/', 'http://[1.2.3.4]/', 'http://[vz.1]/', 'http://[1::2::3]/']:
    try:
        urlsplit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(urlsplit('http://[v1.fe]:8/').hostname, urlsplit('http://[::ffff:1.2.3.4]/').hostname)

print(urlunparse(('https', 'h.com', '/p', 'a', 'q=1', 'f')))
print(urlunparse(('http', '', 'p', '', '', '')))
print(urlunsplit(('', '', 'rel/path', 'x=y', '')))
print(urlunsplit(['mailto', '', 'a@b.c', '', '']))
print(urlunsplit(('file', '', '/etc/hosts', '', '')))

base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x',
            'g;x', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
            '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.',
            'g/./h', 'g/../h', 'http:g', 'https://other/x']:
    print(repr(rel), '->', urljoin(base, rel))
print(urljoin('https://site.org/docs/index.html', 'api/v2.html'))
print(urljoin('https://site.org/docs/', '../img/a.png'))
print(urljoin('', 'x'), urljoin('http://h/', ''))
print(urljoin('mailto:a@b', 'c'))

print(urldefrag('http://h/p?q#frag'), urldefrag('http://h/p'))
print(urldefrag('http://h/p#x').geturl())

for s in ['hello world', 'a/b c', 'key=val&x=y', 'ümlaut€😀', '~user_name-1.0', '', "'\"<>"]:
    print(repr(s), quote(s), quote(s, safe=''), quote_plus(s), quote(s, safe='/ &='))
print(quote_plus('a b/c', safe='/'))
print(unquote('%7Euser%20name%2Fx%41'), unquote('caf%C3%A9%20%E2%82%AC'))
print(unquote('100%'), unquote('%zz%4'), unquote('%e2%82'), unquote('%FF%C3x'), unquote('a+b'))
print(unquote_plus('a+b%2Bc+%C3%A9'), unquote('no escapes'))
print(unquote(quote('ümlaut€😀 /x')) == 'ümlaut€😀 /x')
try:
    quote(5)
except TypeError as e:
    print(type(e).__name__, e)

print(urlencode({'q': 'hello world', 'lang': 'en', 'n': 10}))
print(urlencode([('a', 1), ('b', 'x&y'), ('a', 2)]))
print(urlencode({'tags': ['a b', 'c'], 'n': 3}, doseq=True))
print(urlencode({'tags': ['a b', 'c']}))
print(urlencode({'path': '/x/y'}, safe='/'))
print(urlencode({'s': 'a b'}, quote_via=quote))
print(urlencode({}))
try:
    urlencode('abc')
except TypeError as e:
    print(type(e).__name__, e)

qs = 'a=1&b=hello+world&a=2&c=&d&e=caf%C3%A9&&f=x%3Dy'
print(parse_qsl(qs))
print(parse_qsl(qs, keep_blank_values=True))
print(parse_qs(qs))
print(parse_qs(qs, keep_blank_values=True))
print(parse_qs('x=1;y=2', separator=';'))
print(parse_qs(''), parse_qsl('&&'))
for kwargs in [dict(strict_parsing=True), dict(max_num_fields=2), dict(separator='')]:
    try:
        parse_qsl('a=1&b&c=3', **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
print(urllib.parse.urlparse('http://x/y').path, urllib.parse.quote('a b'))
