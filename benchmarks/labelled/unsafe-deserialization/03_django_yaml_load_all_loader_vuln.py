# category: unsafe-deserialization
# label: vulnerable
# source: PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
# expect: 14
# note: yaml.Loader honours python/object/apply tags, so an uploaded pipeline file containing !!python/object/apply:os.system runs commands.
import yaml
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def import_pipelines(request):
    upload = request.FILES["pipelines"]
    docs = list(yaml.load_all(upload.read(), Loader=yaml.Loader))
    summary = [{"name": d.get("name"), "steps": len(d.get("steps", []))} for d in docs if isinstance(d, dict)]
    return JsonResponse({"pipelines": summary})
