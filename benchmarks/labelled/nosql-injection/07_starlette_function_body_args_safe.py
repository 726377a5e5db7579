# category: nosql-injection
# label: safe
# source: MongoDB Manual: $function (aggregation operator), "body" and "args" fields; MongoDB Manual: Server-side JavaScript
# expect: none
# note: The $function body is a constant and the weight is passed, as a float, through args.
from pymongo import MongoClient
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

listings = MongoClient()["market"]["listings"]
SCORE_JS = "function(price, rating, weight) { return rating * weight - price / 100; }"


async def ranked_listings(request):
    params = await request.json()
    score = {"$function": {
        "body": SCORE_JS,
        "args": ["$price", "$rating", float(params["weight"])],
        "lang": "js",
    }}
    pipeline = [{"$addFields": {"score": score}}, {"$sort": {"score": -1}}, {"$limit": 20},
                {"$project": {"_id": 0, "title": 1, "score": 1}}]
    return JSONResponse(list(listings.aggregate(pipeline)))


app = Starlette(routes=[Route("/listings/ranked", ranked_listings, methods=["POST"])])
