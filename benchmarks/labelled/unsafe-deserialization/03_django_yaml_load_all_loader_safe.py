# category: unsafe-deserialization
# label: safe
# source: PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
# note: yaml.SafeLoader only builds standard YAML types and rejects python/* tags.
import yaml
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def import_pipelines(request):
    upload = request.FILES["pipelines"]
    docs = list(yaml.load_all(upload.read(), Loader=yaml.SafeLoader))
    summary = [{"name": d.get("name"), "steps": len(d.get("steps", []))} for d in docs if isinstance(d, dict)]
    return JsonResponse({"pipelines": summary})
