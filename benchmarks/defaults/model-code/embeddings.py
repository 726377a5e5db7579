from datasets import load_dataset
from sentence_transformers import SentenceTransformer
from transformers import AutoConfig, AutoModel

encoder = SentenceTransformer("nomic-ai/nomic-embed-text-v1.5", trust_remote_code=True)
config = AutoConfig.from_pretrained("jinaai/jina-embeddings-v2-base-en", trust_remote_code=True)
jina = AutoModel.from_pretrained(
    "jinaai/jina-embeddings-v2-base-en",
    revision="322d4d7e2f35e84137961a65af894fcf9ead8cb1",
    trust_remote_code=True,
)
corpus = load_dataset("acme/support-tickets", split="train", trust_remote_code=True)

minilm = SentenceTransformer(
    "sentence-transformers/all-MiniLM-L6-v2", revision="c9745ed1d9f207416be6d2e6f8de32d1f16199bf"
)
plain_encoder = SentenceTransformer("sentence-transformers/all-mpnet-base-v2", trust_remote_code=False)
local_encoder = SentenceTransformer("./models/finetuned-minilm")


def embed(texts: list[str]) -> list[list[float]]:
    return minilm.encode(texts, normalize_embeddings=True).tolist()
