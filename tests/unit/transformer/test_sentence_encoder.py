"""Our MiniLM sentence embeddings against SentenceTransformer.encode: ≤ 1e-5 on more than 100 texts, in padded batches."""

import numpy as np
import pytest
import torch

from neuralnlp.transformer.corpora import chinese_reviews, lee_documents, lee_sentences
from neuralnlp.transformer.sentence_encoder import mean_pooling

pytestmark = pytest.mark.timeout(300)
TOLERANCE = 1e-5


@pytest.fixture(scope="module")
def texts():
    # 152 English sentences of 2 to 90 words, Chinese reviews, whole articles longer than the 256 tokens the
    # model reads (truncated by both), and edge cases; batches of 16 mix lengths, so most texts are padded
    sentences = lee_sentences("test")
    return sentences + chinese_reviews("pos")[:20] + lee_documents("test")[:6] + ["", "?", "a", "Apple"]


def test_embeddings_match_sentence_transformers(ours, reference, texts):
    lengths = [len(ours.tokenizer.encode(t, truncation=True, max_length=256)) for t in texts]
    assert len(texts) >= 100 and min(lengths) == 2 and max(lengths) == 256 and len(set(lengths)) > 50
    mine = ours.encode(texts, batch_size=16)
    theirs = reference.encode(texts, batch_size=16, convert_to_numpy=True)
    assert mine.shape == theirs.shape == (len(texts), 384) and mine.dtype == np.float32
    assert np.abs(mine - theirs).max() <= TOLERANCE
    np.testing.assert_allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-6)


def test_batching_changes_nothing_but_rounding(ours, texts):
    one_batch = ours.encode(texts[:24], batch_size=24)
    one_by_one = ours.encode(texts[:24], batch_size=1)  # no padding at all
    assert np.abs(one_batch - one_by_one).max() <= TOLERANCE


def test_mean_pooling_leaves_padding_out():
    tokens = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]]])
    assert mean_pooling(tokens, torch.tensor([[1, 1, 0]])).tolist() == [[2.0, 3.0]]
    assert mean_pooling(tokens, torch.tensor([[1, 1, 1]]))[0].tolist() == pytest.approx([104 / 3, 106 / 3])


def test_bad_input(ours):
    with pytest.raises(ValueError, match="sentences: expected at least one text, got an empty list"):
        ours.encode([])
    with pytest.raises(TypeError, match=r"sentences: expected a list of texts \(str\), got str"):
        ours.encode("one sentence")
    with pytest.raises(TypeError, match=r"sentences\[0\]: expected a str, got NoneType"):
        ours.encode([None])
    with pytest.raises(ValueError, match="attention_mask: expected at least one token per text, got a row of zeros"):
        mean_pooling(torch.ones(1, 2, 3), torch.zeros(1, 2))
    with pytest.raises(ValueError, match=r"attention_mask: expected shape \(1, 2\), got shape \(2, 1\)"):
        mean_pooling(torch.ones(1, 2, 3), torch.zeros(2, 1))
