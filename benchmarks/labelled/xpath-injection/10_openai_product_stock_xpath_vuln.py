# category: xpath-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 22
# note: The product name extracted by the OpenAI model from a customer message goes into the XPath, so prompt injection can read other fields of the internal catalog.
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
    stock = CATALOG.xpath(f"string(//product[name='{product}']/stock)")
    return f"{product}: {stock or 'unknown'} in stock"
