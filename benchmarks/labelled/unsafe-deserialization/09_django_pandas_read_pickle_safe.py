# category: unsafe-deserialization
# label: safe
# source: pandas docs: pandas.read_pickle, warning ("Loading pickled data received from untrusted sources can be unsafe")
# note: datasets are accepted as CSV, which pandas parses as text without creating arbitrary objects.
import pandas as pd
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def dataset_summary(request):
    upload = request.FILES["dataset"]
    df = pd.read_csv(upload)
    return JsonResponse({"rows": len(df), "columns": [str(c) for c in df.columns]})
