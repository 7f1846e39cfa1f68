data = b'\x00\xffabc'
raw = rb'\d+'
