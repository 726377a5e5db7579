from datasets import load_dataset
from transformers import AutoModel, AutoTokenizer, pipeline

BERT = "google-bert/bert-base-uncased"
BERT_REVISION = "86b5e0934494bd15c9632b12f734a8a67f723594"

encoder = AutoModel.from_pretrained(BERT, revision=BERT_REVISION, trust_remote_code=False)
tokenizer = AutoTokenizer.from_pretrained(BERT, revision=BERT_REVISION)
classifier = pipeline(
    "text-classification",
    model="cardiffnlp/twitter-roberta-base-sentiment-latest",
    revision="4ba3d4463bd152c9e4abd892b50844f30c646708",
)
reviews = load_dataset("stanfordnlp/imdb", split="test", revision="e6281661ce1c48d982bc483cf8a173c1bbeb5d31")


def embed(text: str):
    inputs = tokenizer(text, return_tensors="pt")
    return encoder(**inputs).last_hidden_state.mean(dim=1)
