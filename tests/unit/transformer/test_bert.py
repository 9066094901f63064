"""Our BERT against Hugging Face's BertModel (random small models and the real MiniLM), parameter counts, errors."""

import numpy as np
import pytest
import torch

from neuralnlp.transformer.bert import BertConfig, BertModel, bert_parameter_counts
from neuralnlp.transformer.safetensors import read_safetensors
from neuralnlp.transformer.sentence_encoder import minilm_directory

pytestmark = pytest.mark.timeout(180)


def _hf_bert(config: BertConfig, seed=0):
    import transformers

    torch.manual_seed(seed)
    hf_config = transformers.BertConfig(
        vocab_size=config.vocab_size, hidden_size=config.hidden_size, num_hidden_layers=config.num_hidden_layers,
        num_attention_heads=config.num_attention_heads, intermediate_size=config.intermediate_size,
        max_position_embeddings=config.max_position_embeddings, type_vocab_size=config.type_vocab_size,
        layer_norm_eps=config.layer_norm_eps, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    return transformers.BertModel(hf_config, add_pooling_layer=False).eval()


@pytest.fixture(scope="module")
def minilm():
    return BertModel.from_safetensors(minilm_directory() / "model.safetensors").eval()


def test_a_random_small_bert_matches_hugging_face():
    config = BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=64, max_position_embeddings=20, type_vocab_size=2)
    theirs = _hf_bert(config)
    ours = BertModel(config)
    ours.load_hf_state_dict(theirs.state_dict())
    ids = torch.randint(0, 50, (3, 12))
    mask = torch.ones(3, 12, dtype=torch.int64)
    mask[1, 8:] = 0
    types = torch.randint(0, 2, (3, 12))
    with torch.no_grad():
        a = ours(ids, mask, types)
        b = theirs(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
    torch.testing.assert_close(a[mask.bool()], b[mask.bool()], rtol=0, atol=1e-5)


def test_minilm_matches_hugging_face_token_by_token(minilm):
    import transformers

    theirs = transformers.BertModel.from_pretrained(str(minilm_directory()), add_pooling_layer=False).eval()
    ids = torch.randint(1000, 30000, (2, 40), generator=torch.Generator().manual_seed(0))
    ids[:, 0], ids[:, -1] = 101, 102
    mask = torch.ones(2, 40, dtype=torch.int64)
    mask[1, 25:] = 0
    with torch.no_grad():
        a = minilm(ids, mask)
        b = theirs(input_ids=ids, attention_mask=mask).last_hidden_state
    assert a.shape == (2, 40, 384)
    torch.testing.assert_close(a[mask.bool()], b[mask.bool()], rtol=0, atol=1e-5)


def test_attention_weights_are_returned_per_layer_and_head(minilm):
    ids = torch.tensor([[101, 7592, 2088, 102, 0]])
    with torch.no_grad():
        out, attentions = minilm(ids, torch.tensor([[1, 1, 1, 1, 0]]), output_attentions=True)
    assert len(attentions) == 6 and attentions[0].shape == (1, 12, 5, 5)
    torch.testing.assert_close(attentions[3].sum(-1), torch.ones(1, 12, 5))
    assert bool((attentions[0][..., 4] == 0).all())  # nobody attends to the padding


def test_parameter_counts():
    minilm = bert_parameter_counts(BertConfig())
    assert minilm["total"] == sum(p.numel() for p in BertModel().parameters()) == 22_565_376
    assert minilm["word embeddings"] == 30522 * 384
    # BERT-base with its pooler: the 109,482,240 parameters of Hugging Face's bert-base-uncased
    base = bert_parameter_counts(BertConfig.base(), pooler=True)
    with torch.device("meta"):
        ours = sum(p.numel() for p in BertModel(BertConfig.base()).parameters())
    assert base["total"] == ours + 768 * 768 + 768 == 109_482_240
    hf = _hf_bert(BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                             intermediate_size=64, max_position_embeddings=20))
    small = bert_parameter_counts(BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2,
                                             num_attention_heads=4, intermediate_size=64, max_position_embeddings=20))
    assert small["total"] == sum(p.numel() for p in hf.parameters())


def test_config_is_read_from_the_package():
    assert BertConfig.from_json(minilm_directory() / "config.json") == BertConfig()


def test_a_weights_file_missing_a_tensor_or_with_a_wrong_shape_is_refused():
    tensors = read_safetensors(minilm_directory() / "model.safetensors")
    model = BertModel()
    missing = {k: v for k, v in tensors.items() if k != "encoder.layer.3.intermediate.dense.weight"}
    with pytest.raises(ValueError, match=r"tensors: expected a tensor 'encoder.layer.3.intermediate.dense.weight' "
                                         r"\(for layers.3.linear1.weight\), got none by that name"):
        model.load_hf_state_dict(missing)
    wrong = dict(tensors, **{"embeddings.position_embeddings.weight": np.zeros((256, 384), np.float32)})
    with pytest.raises(ValueError, match=r"tensors\['embeddings.position_embeddings.weight'\]: expected shape \(512, 384\) \(for "
                                         r"embeddings.position_embeddings.weight\), got shape \(256, 384\)"):
        model.load_hf_state_dict(wrong)
    wrong = dict(tensors, **{"encoder.layer.0.attention.self.key.weight": np.zeros((384, 380), np.float32)})
    with pytest.raises(ValueError, match=r"tensors\['encoder.layer.0.attention.self.key.weight'\]: expected shape \(384, 384\) "
                                         r"\(for layers.0.self_attn.in_proj_weight\), got shape \(384, 380\)"):
        model.load_hf_state_dict(wrong)


def test_bad_input(minilm):
    ids = torch.tensor([[101, 7592, 102]])
    with pytest.raises(ValueError, match=r"input_ids: expected 1 to 512 tokens per text \(the model's positions; "
                                         r"truncate longer texts\), got 600"):
        minilm(torch.ones(1, 600, dtype=torch.int64))
    with pytest.raises(ValueError, match="input_ids: expected a batch of at least one text, got an empty batch"):
        minilm(torch.ones(0, 5, dtype=torch.int64))
    with pytest.raises(ValueError, match=r"attention_mask: expected shape \(1, 3\) \(the shape of input_ids\), "
                                         r"got shape \(1, 4\)"):
        minilm(ids, torch.ones(1, 4, dtype=torch.int64))
    with pytest.raises(TypeError, match="attention_mask: expected a bool or integer tensor, got dtype torch.float32"):
        minilm(ids, torch.ones(1, 3))
    with pytest.raises(ValueError, match=r"attention_mask: expected 0 \(masked\) or 1 \(kept\) everywhere, got 2 at index \(0, 1\)"):
        minilm(ids, torch.tensor([[1, 2, 1]]))
    with pytest.raises(TypeError, match="input_ids: expected an integer tensor of token ids, got dtype torch.float32"):
        minilm(ids.float())
    with pytest.raises(ValueError, match=r"input_ids: expected shape \(batch, seq\), got shape \(3,\)"):
        minilm(ids[0])
    with pytest.raises(IndexError, match=r"input_ids: expected token ids in \[0, 30521\] \(vocab_size=30522\), got 30522 at position \(0, 1\)"):
        minilm(torch.tensor([[101, 30522, 102]]))
