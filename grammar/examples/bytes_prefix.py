x = b'ab' + B'cd' + rb'\n' + Br'x'
