x = 1

      # a comment-only line at any indentation changes nothing
if x:

    y = 2
            # nor does this one

    print(y)
