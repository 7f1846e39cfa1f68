try:
    {}["missing"]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__)
except ValueError:
    pass
except:
    raise
