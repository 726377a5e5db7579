# category: xpath-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: The model's output is bound as the XPath variable $product and compared as a string.
from lxml import etree
from openai import OpenAI

client = OpenAI()
CATALOG = etree.parse("internal_catalog.xml")


def answer_stock_question(customer_message: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Extract the product name the customer asks about. Reply with the name only."},
            {"role": "user", "content": customer_message},
        ],
    )
    product = resp.choices[0].message.content.strip()
    stock = CATALOG.xpath("string(//product[name=$product]/stock)", product=product)
    return f"{product}: {stock or 'unknown'} in stock"
