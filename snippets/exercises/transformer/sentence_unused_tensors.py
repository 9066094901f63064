"""Which tensors of model.safetensors does our encoder not use?"""

from neuralnlp.transformer.bert import BertModel, hf_tensor_names
from neuralnlp.transformer.safetensors import read_safetensors
from neuralnlp.transformer.sentence_encoder import minilm_directory

tensors = read_safetensors(minilm_directory() / "model.safetensors")
model = BertModel()
used = {name for names in hf_tensor_names(model.config).values() for name in names}
unused = sorted(set(tensors) - used)
print(unused)
print("their float32 numbers:", sum(tensors[n].size for n in unused if tensors[n].dtype.kind == "f"))
print("file:", sum(a.size for a in tensors.values() if a.dtype.kind == "f"), " model:", sum(p.numel() for p in model.parameters()))
