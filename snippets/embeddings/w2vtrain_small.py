"""A small real-text run: skip-gram with negative sampling on lee_background.cor (300 news articles)."""

from neuralnlp.embeddings.similarity import nearest_neighbours
from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.evaluation import evaluate_word_pairs
from neuralnlp.embeddings.word2vec.training import train_skipgram

data = gensim_test_data_dir()
docs = read_line_corpus(data / LEE_FILE)
# one worker: every run gives the same vectors, bit for bit
result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
print(f"{sum(map(len, docs)):,} tokens, vocabulary {len(result.vocab):,} words, {result.pairs:,} pairs trained")
print("mean loss per pair, by epoch:", [round(loss, 2) for loss in result.epoch_losses])

# on so little text all vectors share one large common direction: remove it before comparing
vectors = result.input_vectors - result.input_vectors.mean(axis=0)
score = evaluate_word_pairs(vectors, result.vocab, data / "wordsim353.tsv")
print(f"WordSim353: rho = {score.spearman:.2f} over {score.pairs} pairs, {score.oov} pairs OOV")

words = list(result.vocab)
for query in ["afghanistan", "minister", "police", "fire"]:
    row = result.vocab.token_to_id(query)
    idx, cos = nearest_neighbours(vectors[row], vectors, k=5, exclude=[row])
    print(f"{query:>11}:", ", ".join(f"{words[i]} {c:.2f}" for i, c in zip(idx, cos)))
