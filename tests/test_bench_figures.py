"""Figure 7 of the benchmark: the core's spread of cost per line over the parser's.

The benchmark script is not part of the package; it is loaded from its file. These tests run
the figure's arithmetic on made-up timings, no benchmark.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_django", ROOT / "benchmarks" / "bench_django.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_django"] = module  # dataclasses resolve their module by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("bench_django", None)


def _scale(core_ms: list[float], parse_ms: list[float]) -> dict:
    """A ``core_bench.py scale`` result: one module size per timing, 50,000 lines in all."""
    sizes = [1000, 2000, 5000, 10000, 20000, 50000][: len(core_ms)]
    return {"pool_lines": 50_000, "sizes": {
        str(size): {"modules": 50_000 // size, "largest_module_lines": size,
                    "cpu_s": [c * 50 / 1000], "wall_s": [c * 50 / 1000], "parse_cpu_s": [p * 50 / 1000]}
        for size, c, p in zip(sizes, core_ms, parse_ms)}}


def _figure_7(bench, doc: dict):
    bench.summarize_scale(doc)  # what `core_scale` adds to the runner's output
    res = {"counts": dict.fromkeys(("runs", "pylint_runs", "start_runs", "module_runs", "scale_runs"), 5),
           "pylint_skipped": True, "modules": None, "scale": doc}
    tools = {key: bench.Tool(key, key) for key in "abcdefgh"}
    (figure,) = [f for f in bench.figures(res, tools) if f.number == 7]
    return figure


def test_a_core_that_grows_like_the_parser_passes(bench):
    # Both cost 1.5x as much per line at 50,000 lines: the host's caches, not the core.
    figure = _figure_7(bench, _scale([10.0, 10.5, 11.5, 12.5, 13.5, 15.0], [3.6, 3.8, 4.1, 4.5, 4.9, 5.4]))
    assert figure.value == pytest.approx(1.0)
    assert figure.passed is True
    assert "core 1.50×" in figure.cross and "parser 1.50×" in figure.cross


def test_a_quadratic_component_fails(bench):
    # The same timings plus a part that costs 0.4% of a 1,000-line module and grows with the
    # square of the size (its cost per line grows with the size): 0.04 ms per 1,000 lines at
    # 1k, 2 ms at 50k.
    quad = [0.04 * size for size in (1, 2, 5, 10, 20, 50)]
    core = [c + q for c, q in zip([10.0, 10.5, 11.5, 12.5, 13.5, 15.0], quad)]
    figure = _figure_7(bench, _scale(core, [3.6, 3.8, 4.1, 4.5, 4.9, 5.4]))
    assert figure.value > bench.TARGET_SCALE_SPREAD
    assert figure.passed is False


def test_no_parser_timing_means_no_figure(bench):
    assert bench.relative_spread(1.5, None) is None
    assert bench.relative_spread(None, 1.5) is None
    assert bench.relative_spread(1.5, 0.0) is None


def test_figure_1_shows_the_range_of_single_rounds(bench):
    res = {"counts": dict.fromkeys(("runs", "pylint_runs", "start_runs", "module_runs", "scale_runs"), 3),
           "pylint_skipped": True, "modules": None, "scale": None}
    tools = {key: bench.Tool(key, key) for key in "abcdefgh"}
    tools["a"].samples, tools["a"].cpu = [10.0, 12.0, 11.0], [10.0, 12.0, 11.0]
    tools["b"].samples, tools["b"].cpu = [11.0, 12.6, 12.1], [11.0, 12.6, 12.1]
    (figure,) = [f for f in bench.figures(res, tools) if f.number == 1]
    assert figure.value == pytest.approx(12.1 / 11.0)  # the ratio of the medians
    assert figure.cross.endswith(", rounds 1.050-1.100×")  # round 2's and round 1's / 3's ratios
    tools["b"].samples = tools["b"].samples[:2]  # a round missing: no pairs to show
    assert bench.round_ratios(tools["b"], tools["a"]) == ""
