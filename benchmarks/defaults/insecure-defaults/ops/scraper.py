import requests
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

session = requests.Session()
session.headers["User-Agent"] = "price-scraper/1.0"


def get_page(url: str) -> str:
    resp = session.get(url, timeout=15)
    resp.raise_for_status()
    return resp.text
