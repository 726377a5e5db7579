from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

sentiment = pipeline("sentiment-analysis", model="distilbert/distilbert-base-uncased-finetuned-sst-2-english")
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
model = AutoModelForSequenceClassification.from_pretrained("ProsusAI/finbert", revision="main")

pinned_sentiment = pipeline(
    "sentiment-analysis",
    model="distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    revision="714eb0fa89d2f80546fda750413ed43d93601a13",
)
finetuned = AutoModelForSequenceClassification.from_pretrained("./checkpoints/best")
finetuned_tokenizer = AutoTokenizer.from_pretrained("./checkpoints/best")


def classify(text: str) -> dict:
    return pinned_sentiment(text)[0]


def classify_local(text: str) -> int:
    inputs = finetuned_tokenizer(text, return_tensors="pt")
    return int(finetuned(**inputs).logits.argmax(-1))
