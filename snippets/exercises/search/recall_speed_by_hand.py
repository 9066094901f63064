"""Exercise: recall@5 of two queries, by hand and with recall_at_k."""

from neuralnlp.search.recall import recall_at_k, recall_per_query

exact = [[7, 3, 9, 1, 4],   # the true 5 nearest neighbours of query 0, best first
         [2, 8, 5, 6, 0]]   # ... and of query 1
found = [[3, 7, 1, 4, 11],  # query 0: four of the five, in another order, and one impostor (11)
         [2, 8, -1, -1, -1]]  # query 1: the index returned only two results (-1 pads, as in FAISS)

print("per query:", recall_per_query(found, exact))  # 4/5 and 2/5
print(f"recall@5: {recall_at_k(found, exact):.2f}")  # their mean
print(f"recall@2: {recall_at_k(found, exact, k=2):.2f}")  # query 0: {3, 7} vs {7, 3}; query 1: {2, 8} vs {2, 8}
