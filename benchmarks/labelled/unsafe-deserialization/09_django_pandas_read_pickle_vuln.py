# category: unsafe-deserialization
# label: vulnerable
# source: pandas docs: pandas.read_pickle, warning ("Loading pickled data received from untrusted sources can be unsafe")
# expect: 14
# note: the uploaded "dataset" is unpickled by read_pickle, so a crafted file executes code during the upload request.
import pandas as pd
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def dataset_summary(request):
    upload = request.FILES["dataset"]
    df = pd.read_pickle(upload)
    return JsonResponse({"rows": len(df), "columns": [str(c) for c in df.columns]})
