import numpy as np

from neuralnlp.embeddings.similarity import cosine_similarity

rng = np.random.default_rng(0)
words = rng.normal(size=(6, 4))  # six word vectors
query = words[[0, 1]].mean(0)    # a query made of words 0 and 1
documents = {"A": [0, 1], "B": [0, 1, 0, 2, 1, 3, 0, 4, 1, 5], "C": [2, 3]}  # B: long, and about 0 and 1 too

for how in ("sum", "mean"):
    vectors = np.array([words[ids].sum(0) if how == "sum" else words[ids].mean(0) for ids in documents.values()])
    scores = {"cosine": cosine_similarity(query, vectors), "dot": vectors @ query,
              "distance": -np.linalg.norm(vectors - query, axis=1)}  # negated: smaller is closer
    ranked = {name: "".join(np.array(list(documents))[np.argsort(-s)]) for name, s in scores.items()}
    print(f"{how:<4}: " + ", ".join(f"{name} {order}" for name, order in ranked.items()))
