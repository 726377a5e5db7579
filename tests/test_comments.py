"""Comments found without the tokenizer (`context.comments_outside_strings`) are exactly the
COMMENT tokens `tokenize` reads, on every Python file the suite has and on shapes chosen to
break it: implicit concatenation across lines, '#' inside strings, f-strings, docstrings and
non-ASCII text before a string."""

from __future__ import annotations

import ast
import io
import sys
import tokenize

import pytest
from conftest import EXAMPLES, TESTS

from aisec_shared import Settings
from aisec_shared import check_source
from aisec_shared.analysis.context import FileContext
from aisec_shared.engine import source_lines

ROOT = TESTS.parent


def _tokens(source: str) -> dict[int, str]:
    """The oracle: COMMENT tokens by line, as `tokenize` reads them."""
    return {
        tok.start[0]: tok.string
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }


def _core(source: str) -> dict[int, str]:
    ctx = FileContext(ast.parse(source), source_lines(source), "t.py", Settings(strict=True))
    return ctx.comments


SHAPES = [
    'x = 1  # one\n',
    's = "# not a comment"  # but this is\n',
    "s = '#'\n",
    'pattern = (\n    r"^(?:[a-z]*)://"  # scheme\n    r"(?:[^@]+@)?"  # user: pass\n    r"x"\n)  # after\n',
    'call(\n    "a" "b",  # c\n    "d"\n    # alone\n    "e",\n)\n',
    'def f():\n    """Doc with # hash\n    # and a line that looks like a comment\n    """  # real\n',
    'é = "é#é"  # ünïcode comment\n',
    'x = f"{a}#{b}"  # f\n',
    'x = b"#" + rb"\\#"  # bytes\n',
    'x = (\n    f"{a}"  # fc\n    "#plain"\n)\n',
    "x = '''\n#\n'''#tight\n",
    'if a:  # header\n    pass\n',
    'x = 1 \\\n    + 2  # after continuation\n',
    'd = {\n    "k#": 1,  # key\n    **rest,  # spread\n}\n',
    'x = 1\n\x0c\ny = 2  # after a form feed\n',
]


@pytest.mark.parametrize("source", SHAPES)
def test_shapes(source):
    assert _core(source) == _tokens(source)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 701 f-strings need Python 3.12")
def test_pep701_fstring_with_comment_inside():
    source = 'x = f"{\n    a  # inside the replacement field\n}#text"  # after\n'
    assert _core(source) == _tokens(source)


def _python_files():
    for base in (TESTS, EXAMPLES, ROOT / "benchmarks", ROOT / "shared"):
        for path in sorted(base.rglob("*.py")):
            if ".cache" not in path.parts:
                yield path


def test_every_python_file_of_the_repository():
    checked = 0
    for path in _python_files():
        try:
            source = path.read_text(encoding="utf-8")
            ast.parse(source)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # fixtures of unparsable input: the core never sees them
        assert _core(source) == _tokens(source), path
        checked += 1
    assert checked > 200


def test_form_feed_does_not_shift_lines():
    """A form feed is whitespace to Python, not a line end: the core's line numbers (and so
    the noqa comment it matches) stay those of the tree."""
    source = 'import os\n\x0c\nsecret = os.environ.get("API_SECRET", "hunter2hunter2X9Q")  # noqa: AIS104 fixture\n'
    assert source_lines(source)[2].startswith("secret")
    assert [f.code for f in check_source(source, "app.py", Settings(strict=True))] == []
    unsuppressed = source.replace("  # noqa: AIS104 fixture", "")
    assert [(f.line, f.code) for f in check_source(unsuppressed, "app.py", Settings(strict=True))] == [(3, "AIS104")]


def test_identifier_text_normalises_line_by_line_as_the_whole_text():
    """`taint.identifier_text` runs NFKC only on the non-ASCII chunks of lines; the result
    must equal normalising the whole text, whatever sits at a line break, at any chunk size."""
    import unicodedata

    from aisec_shared.analysis.taint import identifier_text

    samples = [
        "x = 1\ne\u0301t\u00e9 = 2\n",  # a combining accent after a base letter
        "a = 'e'\n\u0301b = 1\n",  # a combining mark right after a line break
        "\ufb01le = 1  # ligature\r\nx = '\uff21\uff22'\n",  # ligature, full-width letters
        "s = '\u2028'\u2029t = 1\x0cu = '\u00bd'\x85v = 2\n",  # other line separators
        "\u212b = 1\n\u1e9b\u0323 = 2\n",  # singleton and compatibility decompositions
    ]
    from aisec_shared.analysis import taint

    samples.append("".join(samples) * 3)
    for size in (1, 2, 3, 5, 8, 13, taint._NFKC_CHUNK):  # chunk ends at every position
        for source in samples:
            ctx = FileContext(ast.Module(body=[], type_ignores=[]), source.splitlines(True), "x.py", Settings())
            old, taint._NFKC_CHUNK = taint._NFKC_CHUNK, size
            try:
                assert identifier_text(ctx) == unicodedata.normalize("NFKC", source), (size, source)
            finally:
                taint._NFKC_CHUNK = old
