mask = 0xFF
flags = 0x_dead_BEEF
print(mask, flags)
