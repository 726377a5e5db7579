# category: nosql-injection
# label: vulnerable
# source: MongoDB Manual: $function (aggregation operator), "body" and "args" fields; MongoDB Manual: Server-side JavaScript
# expect: 17
# note: The weight from the request body is put into the JavaScript source of a $function stage, so it runs as server-side code.
from pymongo import MongoClient
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

listings = MongoClient()["market"]["listings"]


async def ranked_listings(request):
    params = await request.json()
    score = {"$function": {
        "body": f"function(price, rating) {{ return rating * {params['weight']} - price / 100; }}",
        "args": ["$price", "$rating"],
        "lang": "js",
    }}
    pipeline = [{"$addFields": {"score": score}}, {"$sort": {"score": -1}}, {"$limit": 20},
                {"$project": {"_id": 0, "title": 1, "score": 1}}]
    return JSONResponse(list(listings.aggregate(pipeline)))


app = Starlette(routes=[Route("/listings/ranked", ranked_listings, methods=["POST"])])
