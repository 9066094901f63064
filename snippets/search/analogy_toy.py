import numpy as np

from neuralnlp.search.analogy import solve_analogies

# Hand-made 5-D word vectors, axes: person, male, female, royal, other senses (a chess piece, a band).
words = ["man", "woman", "king", "queen", "apple"]
vectors = np.array([[1.0, 0.3, 0.0, 0.0, 0.0],
                    [1.0, 0.0, 0.3, 0.0, 0.0],
                    [0.4, 0.3, 0.0, 1.0, 0.0],
                    [0.2, 0.0, 0.5, 1.0, 0.8],
                    [0.0, 0.2, 0.2, 0.1, 1.0]], dtype=np.float32)
man, woman, king = 0, 1, 2  # "man is to woman as king is to ?": king − man + woman

unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
print(f"cos(man, woman) = {unit[man] @ unit[woman]:.3f}: the offset woman − man is short")
for method in ("3cosadd", "3cosmul"):
    for exclude in (True, False):
        scores, ids = solve_analogies(vectors, [man], [woman], [king], method=method, topn=2, exclude=exclude)
        ranked = ", ".join(f"{words[i]} {score:.3f}" for i, score in zip(ids[0], scores[0]))
        print(f"{method}, query words {'excluded' if exclude else 'kept    '}: {ranked}")
