"""Exercise: of the 4^n tag sequences of n characters, how many obey the BMES rules?"""

import itertools

from neuralnlp.pipeline import bmes_to_words


def allowed(chars, tags):
    try:
        bmes_to_words(chars, tags)
        return True
    except ValueError:
        return False


print(f"{'n':>2} {'4^n':>6} {'allowed':>8} {'2^(n-1)':>8}")
for n in range(1, 8):
    chars = "字" * n
    count = sum(allowed(chars, tags) for tags in itertools.product("BMES", repeat=n))
    print(f"{n:>2} {4 ** n:>6} {count:>8} {2 ** (n - 1):>8}")
