"""aisec-lint's rule core (installed as ``aisec_shared`` from the ``shared/`` folder).

Plain Python over the standard library ``ast``: it imports neither flake8, pylint nor astroid.
The adapters `flake8_aisec` and `pylint_aisec` translate options in and findings out.

Layers: `registry` (identifiers and metadata), `options` (declared once), `analysis` (per-file
facts), `rules` (one module per rule, docs in its docstring), `engine` (dispatch, failures,
precedence), `docs` (generated pages).
"""

from .engine import check_source, check_tree, settings_from_host
from .findings import Confidence, Finding
from .options import OPTIONS, Option, OptionError, Settings
from .registry import FAMILIES, RULES, Rule

__version__ = "0.1.0"

__all__ = [
    "Confidence",
    "FAMILIES",
    "Finding",
    "OPTIONS",
    "Option",
    "OptionError",
    "RULES",
    "Rule",
    "Settings",
    "__version__",
    "check_source",
    "check_tree",
    "settings_from_host",
]
