"""Turn a document context and a template name into Markdown, HTML, PDF or DOCX.

Templates are looked up in the production folder's `templates/` first, then in
the packaged ones (also reachable as `default:NAME`, so a production template
can extend the packaged one and change a block). Values are escaped for each
output format on the way out, so text a coordinator typed is always printed
literally, never run as markup.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coord import __version__
from coord.findings import CoordError

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "geo:")
#: What Markdown or pandoc's extensions could read as markup (emphasis, links, HTML, tables, math, citations).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~^$@&])")


def packaged_templates() -> Path:
    """The templates shipped with coord: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "callsheet.typ").is_file():
            return candidate
    raise CoordError("coord's own templates are missing; reinstall coord")  # pragma: no cover


def template_dirs(production_root: Path) -> list[Path]:
    own = production_root / "templates"
    return [own, packaged_templates()] if own.is_dir() else [packaged_templates()]


def copy_templates(production_root: Path, names: list[str]) -> list[Path]:
    """Copy packaged templates into the production's templates/ to change them there; never overwrite one."""
    packaged = packaged_templates()
    unknown = [n for n in names if not (packaged / n).is_file()]
    if unknown:
        available = ", ".join(p.name for p in sorted(packaged.iterdir()) if p.is_file())
        raise CoordError(f"no packaged template named {', '.join(unknown)}; the templates are: {available}")
    target = production_root / "templates"
    existing = [n for n in names if (target / n).exists()]
    if existing:
        raise CoordError(f"{', '.join(str(target / n) for n in existing)} already exists; rename or delete it first")
    copied = []
    for name in names:
        write_atomic(target / name, (packaged / name).read_bytes())
        copied.append(target / name)
    return copied


def find_template(production_root: Path, name: str) -> Path:
    """The production's own template of that name if there is one, else the packaged one."""
    for folder in template_dirs(production_root):
        if (folder / name).is_file():
            return folder / name
    raise CoordError(f"template {name} not found in {', '.join(str(d) for d in template_dirs(production_root))}")


def escape_markdown(value: Any) -> str:
    """Backslash-escape everything Markdown (and pandoc's extensions) could read as markup."""
    text = re.sub(r"\s+", " ", str(value))  # a line break in a value must not end a table row
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # At the start of a line "- ", "+ ", ": ", "1. " begin a list, "===" underlines a heading: keep them text.
    if re.match(r"[-+:](\s|$)|[-=*_]+\s*$", text):
        return "\\" + text
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)


def safe_url(url: str) -> str:
    """Only web, mail, phone and map links are ever written into a document."""
    return url if url.startswith(SAFE_SCHEMES) else ""


def jinja_environment(production_root: Path, output: str) -> Any:
    """A Jinja environment for `output` ('md' or 'html'): strict, escaping, production templates first."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    dirs = [str(d) for d in template_dirs(production_root)]
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(dirs),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(packaged_templates()))}, delimiter=":"),
        ]
    )
    finalize: Callable[[Any], Any] | None = None
    if output == "md":
        finalize = _finalize_markdown
    # Sandboxed: a template in a production's repo must not be able to run code on the office's machines.
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=output == "html",
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["url"] = safe_url
    return env


def _finalize_markdown(value: Any) -> Any:
    import markupsafe

    if isinstance(value, markupsafe.Markup):
        return str(value)
    return escape_markdown(value)


def render_text(production_root: Path, template: str, output: str, context: dict[str, Any]) -> str:
    """Render a Jinja template (Markdown or HTML) with a ready context."""
    import jinja2

    env = jinja_environment(production_root, output)
    try:
        return str(env.get_template(template).render(context))
    except jinja2.TemplateNotFound as err:
        raise CoordError(f"template {template}: the template {err.name} it uses was not found") from None
    except jinja2.TemplateSyntaxError as err:
        raise CoordError(f"template {err.name or template}, line {err.lineno}: {err.message}") from None
    except jinja2.TemplateError as err:
        raise CoordError(f"template {template}: {err.message}") from None
    except UnicodeDecodeError:
        raise CoordError(f"template {template} is not UTF-8 text; save it as UTF-8") from None
    except Exception as err:
        raise CoordError(f"template {template} failed: {type(err).__name__}: {err}") from None


#: The shared look of every PDF, put in front of each Typst template.
TYPST_STYLE = "coord-style.typ"


def pdf_template_files(production_root: Path, template: str) -> list[Path]:
    """What a PDF is made from: the shared style, then the document's template (each the production's own if it has one)."""
    return [find_template(production_root, TYPST_STYLE), find_template(production_root, template)]


class PdfRenderer:
    """Compiles Typst templates fed with a context as JSON; one instance serves many documents."""

    def __init__(self, production_root: Path, template: str):
        import typst

        style, self.template = pdf_template_files(production_root, template)
        self._source = style.read_bytes() + b"\n" + self.template.read_bytes()
        self._compiler = typst.Compiler(root=str(self.template.parent), font_paths=typst_fonts())

    def render(self, context: dict[str, Any]) -> bytes:
        import typst

        try:
            # The source goes with every call: typst-py forgets a bytes input after its first compile.
            pdf = self._compiler.compile(input=self._source, sys_inputs={"data": json.dumps(context)})
        except typst.TypstError as err:
            raise CoordError(f"template {self.template.name}: {err}") from None
        if not isinstance(pdf, bytes):
            raise CoordError(f"template {self.template.name} did not produce a single PDF")  # pragma: no cover
        return pdf


#: The fonts every PDF is set in, each shipped as a Python package: (package, folder of its fonts). The text
#: face comes first; Typst falls back to the others, in this order, for a character it lacks.
FONT_PACKAGES = (
    ("font_source_sans_pro", "files"),  # Source Sans Pro: Latin, Greek, Cyrillic
    ("paperang_p2_fonts_cjk", "fonts"),  # WenQuanYi Micro Hei: Chinese, Japanese, Korean
    ("manimgx_fonts", "."),  # Noto: Arabic, Hebrew, Devanagari, Thai and 15 more scripts, symbols, emoji
)
FONT_FILES = ("*.otf", "*.ttf", "*.ttc", "*.otc")


def font_dirs() -> list[Path]:
    """The folders of the fonts PDFs are set in (no system font is ever used)."""
    import importlib.util

    folders = []
    for package, folder in FONT_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise CoordError(f"the font package {package.replace('_', '-')} is missing; reinstall coord")  # pragma: no cover
        folders.append(Path(next(iter(spec.submodule_search_locations))) / folder)
    return folders


def font_dir() -> Path:
    """The folder of the text face, Source Sans Pro."""
    return font_dirs()[0]


@functools.cache
def typst_fonts() -> Any:
    """The fonts as Typst sees them: those of FONT_PACKAGES only, neither the system's nor Typst's own, so
    that what a PDF can draw is exactly what `undrawable` checks."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(d) for d in font_dirs()])


@functools.cache
def _font_files() -> tuple[Path, ...]:
    """Every font file, the text face first, as Typst falls back."""
    return tuple(path for folder in font_dirs() for pattern in FONT_FILES for path in sorted(folder.glob(pattern)))


@functools.cache
def _characters_of(path: Path) -> frozenset[int]:
    """The code points a font file (every font of a collection) has a glyph for."""
    from fontTools.ttLib import TTCollection, TTFont

    fonts = TTCollection(str(path), lazy=True).fonts if path.suffix in (".ttc", ".otc") else [TTFont(str(path), lazy=True)]
    return frozenset(code for font in fonts for code in (font.getBestCmap() or {}))


def _needs_a_glyph(char: str) -> bool:
    """Spaces, controls, joiners and variation selectors are never drawn, so a font need not have them."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp") and not (
        "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"
    )


def undrawable_characters(text: str) -> str:
    """The characters of `text` that no font of the PDFs can draw: each would print as an empty box."""
    missing = {ord(c) for c in text if _needs_a_glyph(c)}
    for path in _font_files():  # the text face first: most values need no other font read
        if not missing:
            break
        missing -= _characters_of(path)
    return "".join(chr(code) for code in sorted(missing))


#: Keys of a list's entry that say which entry it is; the first one present names it in a warning.
_NAMING_KEYS = ("name", "actor", "who", "department", "number", "title", "label", "description")


def undrawable(context: dict[str, Any]) -> list[str]:
    """A warning for each value of a PDF's context with characters its fonts cannot draw, naming the entry
    (the person, scene, location, ...), the field and the characters. coord's own words are not checked."""
    warnings: list[str] = []
    _check({k: v for k, v in context.items() if k != "labels"}, [], warnings)
    return warnings


def _check(value: Any, where: list[str], warnings: list[str]) -> None:
    if isinstance(value, str):
        missing = undrawable_characters(value)
        if missing:
            shown = value if len(value) <= 60 else value[:57] + "..."
            chars = ", ".join(f"{c} (U+{ord(c):04X} {unicodedata.name(c, 'no name')})" for c in missing)
            warning = f'{" › ".join(where)}: no font of the PDF has {chars}; "{shown}" prints with empty boxes'
            if warning not in warnings:
                warnings.append(warning)
    elif isinstance(value, dict):
        for key, item in value.items():
            # A list is named by its entries, not its key: "crew › Art › Jana Petersen › name", not "› people ›".
            _check(item, where if isinstance(item, list) and where else [*where, key], warnings)
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            if isinstance(item, dict):
                name = next((str(item[k]) for k in _NAMING_KEYS if item.get(k)), f"#{number}")
                _check(item, [*where, name], warnings)
            else:
                _check(item, where, warnings)


def markdown_to_docx(markdown_text: str) -> bytes:
    """DOCX through pandoc, sandboxed, with raw HTML and TeX switched off."""
    import pypandoc

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.docx"
        pypandoc.convert_text(
            markdown_text,
            "docx",
            format="markdown-raw_html-raw_tex-raw_attribute-smart",
            outputfile=str(target),
            extra_args=["--sandbox"],
        )
        return target.read_bytes()


def spreadsheet_text(cell: str) -> str:
    """A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading ', so it stays text.

    Digits and phone punctuation alone cannot do harm: "+49 171 482 9035" is left as typed, so that
    the file still imports into address books.
    """
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not re.fullmatch(r"[0-9+ ()/.-]+", cell):
        return "'" + cell
    return cell


def csv_bytes(rows: list[list[str]]) -> bytes:
    """A table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows umlauts), formula-like cells as text."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([[spreadsheet_text(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write to a temp file beside `path`, then rename: a reader never sees half a document.

    The file gets the permissions the user's umask gives a new file; a `private` one
    (the office copy of the contacts) is readable by its owner only.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # a crash right after must not leave an empty document
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@functools.cache
def _code_digest() -> bytes:
    """coord's own code: a new version of it may render the same data differently."""
    digest = hashlib.sha256(__version__.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.digest()


def templates_digest(production_root: Path) -> bytes:
    """Every template a document could use, the production's own and the packaged ones.

    Templates extend, include and import each other, so any change to any of them rebuilds every
    document: cheap (a few small files) and never wrong.
    """
    digest = hashlib.sha256()
    for folder in template_dirs(production_root):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def fingerprint(context: dict[str, Any], templates: bytes) -> str:
    """What a document depends on: its context, the templates (templates_digest) and coord's code."""
    digest = hashlib.sha256(_code_digest() + templates)
    digest.update(json.dumps(context, sort_keys=True).encode())
    return digest.hexdigest()


class Manifest:
    """Remembers the fingerprint of each output, so an unchanged document is not written again."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / ".coord-manifest.json"
        try:
            self.entries: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def current(self, output: Path, fingerprint: str) -> bool:
        return output.is_file() and self.entries.get(output.name) == fingerprint

    def record(self, output: Path, fingerprint: str) -> None:
        self.entries[output.name] = fingerprint

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.entries, indent=1, sort_keys=True).encode())
