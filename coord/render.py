"""Turn a document context and a template name into Markdown, HTML, PDF or DOCX.

Templates are looked up in the production folder's `templates/` first, then in
the packaged ones (also reachable as `default:NAME`, so a production template
can extend the packaged one and change a block); a production may give a template
for one item, e.g. `callsheet.day-03.typ`, which wins over `callsheet.typ`. Values
are escaped for each output format on the way out, so text a coordinator typed is
always printed literally, never run as markup.

Rendering knows templates and contexts, never the production model: it imports
nothing of the data layer. A `Renderer` serves one run, so each template is
compiled once however many documents use it; PDFs are typeset by `typesetting`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import tempfile
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from coord import typesetting
from coord.errors import CoordError, quoted
from coord.output import write_atomic

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
    """The production's own templates/ (when it has one, and it is safe to use), then the packaged ones."""
    own = production_root / "templates"
    if not own.is_dir():
        return [packaged_templates()]
    refuse_unsafe_templates(own)
    return [own, packaged_templates()]


#: What a template file's name ends in; a folder so named is a mistake, not a template.
_TEMPLATE_ENDINGS = (".j2", ".typ", ".docx")


def refuse_unsafe_templates(own: Path) -> None:
    """A production's templates/ must hold its templates, not doors out of it.

    A link to a file outside templates/ would let a template copy any file of the machine
    that renders it (an office computer, a CI runner) into a document; a broken link or a
    folder named like a template would be passed over for the packaged template without a word.
    """
    home = own.resolve()
    for path in sorted(own.rglob("*")):
        shown = path.relative_to(own.parent).as_posix()
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                raise CoordError(f"{shown} is a link to something that does not exist; replace it with the file itself") from None
            if not target.is_relative_to(home):
                raise CoordError(
                    f"{shown} links to a file outside templates/; coord does not follow it: copy the file in instead"
                )
        elif path.is_dir() and path.name.endswith(_TEMPLATE_ENDINGS):
            raise CoordError(f"{shown} is a folder, not a template; rename or remove it")


def copy_templates(production_root: Path, names: list[str]) -> list[Path]:
    """Copy packaged templates into the production's templates/ to change them there; never overwrite one."""
    packaged = packaged_templates()
    available = sorted(p.name for p in packaged.iterdir() if p.is_file())
    unknown = [n for n in names if n not in available]  # by name only: a path (../x) never leaves either folder
    if unknown:
        raise CoordError(
            f"no packaged template named {', '.join(map(quoted, unknown))}; the templates are: {', '.join(available)}"
        )
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


def tel_href(phone: Any) -> str:
    """A `tel:` link to a phone number as printed: only its digits and a leading +, never the rest of the value.

    "+49 (0)40 3990 4410" dials +494039904410: the (0) of a national trunk prefix is
    not dialled after a country code. Empty when there is nothing to dial.
    """
    text = str(phone or "").strip()
    international = text.startswith("+")
    if international:
        text = text.replace("(0)", "")
    digits = re.sub(r"[^0-9]", "", text)
    if not digits:
        return ""
    return ("tel:+" if international else "tel:") + digits


def mailto_href(email: Any) -> str:
    """A `mailto:` link to one address; anything in it that a mail link could read as more (?cc=, &body=) is %-encoded."""
    address = str(email or "").strip()
    return "mailto:" + urllib.parse.quote(address, safe="@") if "@" in address else ""


def phone_link(phone: Any) -> Any:
    """HTML: the phone number as printed, as a tap-to-call link; empty stays empty."""
    import markupsafe

    href = tel_href(phone)
    if not href:
        return markupsafe.escape(phone or "")
    return markupsafe.Markup('<a href="{}">{}</a>').format(href, phone)


def email_link(email: Any) -> Any:
    """HTML: the e-mail address as printed, as a tap-to-mail link; empty stays empty."""
    import markupsafe

    href = mailto_href(email)
    if not href:
        return markupsafe.escape(email or "")
    return markupsafe.Markup('<a href="{}">{}</a>').format(href, email)


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
    env.filters["tel"] = tel_href
    env.filters["mailto"] = mailto_href
    if output == "html":
        env.filters["phone_link"] = phone_link
        env.filters["email_link"] = email_link
    if output == "md":
        env.filters["strong"] = functools.partial(_emphasis, "**")
        env.filters["em"] = functools.partial(_emphasis, "_")
    return env


def _emphasis(marker: str, value: Any, wanted: bool = True) -> Any:
    """The value escaped and between the markers (`**` bold, `_` italics); an empty value without them.

    Markdown has no empty emphasis: `****` prints as four asterisks. So Markdown templates
    write a value in bold as `{{ value | strong }}`, in italics as `{{ value | em }}`, and
    `{{ value | em(private) }}` puts it in italics only when `private` is true.
    """
    import markupsafe

    text = escape_markdown(value)
    # Markup only tells _finalize_markdown the text is escaped already; this environment renders Markdown alone.
    return markupsafe.Markup(f"{marker}{text}{marker}" if wanted and text.strip() else text)  # noqa: S704


def _finalize_markdown(value: Any) -> Any:
    import markupsafe

    if isinstance(value, markupsafe.Markup):
        return str(value)
    return escape_markdown(value)


#: The file ending of each format's templates: callsheet.typ, callsheet.html.j2, callsheet.md.j2 (DOCX is made from Markdown).
TEMPLATE_ENDINGS = {"pdf": "typ", "html": "html.j2", "md": "md.j2", "docx": "md.j2"}
#: The shared look of every PDF, put in front of each Typst template.
TYPST_STYLE = "coord-style.typ"


class Renderer:
    """Renders the documents of one production folder; made once per run, so each template compiles once."""

    def __init__(self, production_root: Path):
        self.root = production_root
        self._own = production_root / "templates"
        self._jinja: dict[str, Any] = {}
        self._pdf: dict[str, PdfTemplate] = {}

    def template(self, stem: str, fmt: str, variants: Iterable[str] = ()) -> str:
        """The template name for `fmt`: the production's own for one item (`callsheet.day-03.typ`) first, if it has one."""
        ending = TEMPLATE_ENDINGS[fmt]
        for variant in variants:
            name = f"{stem}.{variant}.{ending}"
            if (self._own / name).is_file():
                return name
        return f"{stem}.{ending}"

    def text(self, template: str, output: str, context: dict[str, Any]) -> str:
        """A Jinja template (Markdown or HTML) rendered with a ready context."""
        import jinja2

        env = self._jinja.get(output)
        if env is None:
            env = self._jinja[output] = jinja_environment(self.root, output)
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

    def render(self, template: str, fmt: str, context: dict[str, Any]) -> bytes:
        """One document in one format."""
        if fmt == "pdf":
            return typesetting.many([self._pdf_template(template).job(context)])[0]
        if fmt == "docx":
            reference = docx_reference(self.root, template.split(".", 1)[0], context["paper"])
            return markdown_to_docx(self.text(template, "md", context), reference)
        return self.text(template, fmt, context).encode()

    def pdfs(self, documents: Iterable[tuple[str, dict[str, Any], str]]) -> list[bytes]:
        """The PDFs of (template, context, name) triples, in their order, typeset on every core.

        A failure stops them all, naming the first document (in order) that failed.
        """
        return typesetting.many([self._pdf_template(template).job(context, name) for template, context, name in documents])

    def _pdf_template(self, template: str) -> PdfTemplate:
        made = self._pdf.get(template)
        if made is None:
            made = self._pdf[template] = PdfTemplate(self.root, template)
        return made


def render_text(production_root: Path, template: str, output: str, context: dict[str, Any]) -> str:
    """Render one Jinja template (Markdown or HTML) with a ready context."""
    return Renderer(production_root).text(template, output, context)


def pdf_template_files(production_root: Path, template: str) -> list[Path]:
    """What a PDF is made from: the shared style, then the document's template (each the production's own if it has one)."""
    return [find_template(production_root, TYPST_STYLE), find_template(production_root, template)]


class PdfTemplate:
    """One Typst template (the shared style in front of it) and where its paths resolve: fed one context per PDF."""

    def __init__(self, production_root: Path, template: str):
        style, self.template = pdf_template_files(production_root, template)
        sources = [path.read_bytes() for path in (style, self.template)]
        for path, source in zip((style, self.template), sources, strict=True):
            try:
                source.decode("utf-8")
            except UnicodeDecodeError:
                raise CoordError(f"template {path.name} is not UTF-8 text; save it as UTF-8") from None
        self._source = b"\n".join(sources)

    def job(self, context: dict[str, Any], name: str = "") -> typesetting.Job:
        """What a Typst process needs to make the PDF of `context`; `name` says which document it is in an error."""
        return typesetting.Job(
            name=name,
            template=self.template.name,
            root=str(self.template.parent),
            source=self._source,
            data=json.dumps(with_qr_codes(context)),
            fonts=tuple(str(folder) for folder in font_dirs()),
        )


def with_qr_codes(context: dict[str, Any]) -> dict[str, Any]:
    """The context with the `qr` link of each row of a top-level list (e.g. the locations) replaced by its QR drawing.

    Done only for PDF, and only when a PDF is made: the link alone decides whether a document changed.
    """
    drawn = dict(context)
    for key, value in context.items():
        if isinstance(value, list) and any(isinstance(row, dict) and isinstance(row.get("qr"), str) for row in value):
            drawn[key] = [{**row, "qr": qr_runs(row["qr"])} if isinstance(row, dict) and "qr" in row else row for row in value]
    return drawn


@functools.lru_cache(maxsize=512)
def qr_runs(text: str) -> dict[str, Any]:
    """A QR code of `text` as runs of dark modules per row: [row, column, length], for templates to draw."""
    import segno

    matrix = segno.make(text, error="m").matrix
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append([y, start, x - start])
            else:
                x += 1
    return {"size": len(matrix), "runs": runs}


#: The fonts every PDF is set in, each shipped as a Python package: (package, folder of its fonts). The text
#: face comes first; Typst falls back to the others, in this order, for a character it lacks.
FONT_PACKAGES = (
    ("font_source_sans_pro", "files"),  # Source Sans Pro: Latin, Greek, Cyrillic
    ("paperang_p2_fonts_cjk", "fonts"),  # WenQuanYi Micro Hei: Chinese, Japanese, Korean
    ("manimgx_fonts", "."),  # Noto: Arabic, Hebrew, Devanagari, Thai and 15 more scripts, symbols, emoji
)
FONT_FILES = ("*.otf", "*.ttf", "*.ttc", "*.otc")


@functools.cache
def font_dirs() -> tuple[Path, ...]:
    """The folders of the fonts PDFs are set in: no system font is ever used, so what a PDF can draw is what
    `undrawable` checks."""
    import importlib.util

    folders = []
    for package, folder in FONT_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise CoordError(f"the font package {package.replace('_', '-')} is missing; reinstall coord")  # pragma: no cover
        folders.append(Path(next(iter(spec.submodule_search_locations))) / folder)
    return tuple(folders)


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


#: The pandoc Lua filter that lays out every DOCX (column widths, page breaks). It is code, so it
#: always comes with coord and never from a production's templates/.
DOCX_FILTER = Path(__file__).with_name("docx_layout.lua")


def docx_reference(production_root: Path, document: str, paper: str) -> Path:
    """The reference document a DOCX takes page size, margins and styles from.

    The most specific name first (`dood-reference-a4.docx`, landscape, before `reference-a4.docx`),
    each the production's own if it has one: a production restyles its DOCX by replacing it.
    """
    names = [f"{document}-reference-{paper}.docx", f"reference-{paper}.docx"]
    for name in names:
        for folder in template_dirs(production_root):
            if (folder / name).is_file():
                return folder / name
    raise CoordError(f"reference document {names[-1]} not found in {packaged_templates()}; reinstall coord")  # pragma: no cover


def markdown_to_docx(markdown_text: str, reference: Path) -> bytes:
    """DOCX through pandoc, sandboxed, with raw HTML and TeX switched off, laid out by `reference` and coord's filter."""
    import zipfile

    import pypandoc

    if not zipfile.is_zipfile(reference):
        raise CoordError(
            f"{reference} is not a DOCX file: save it from Word or LibreOffice as .docx, or delete it to use coord's own"
        )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.docx"
        try:
            pypandoc.convert_text(
                markdown_text,
                "docx",
                format="markdown-raw_html-raw_tex-raw_attribute-smart",
                outputfile=str(target),
                extra_args=["--sandbox", f"--reference-doc={reference}", f"--lua-filter={DOCX_FILTER}"],
            )
        except RuntimeError as err:  # pypandoc's message ends with what pandoc said; its first line is the news
            said = str(err).split("during conversion:", 1)[-1].strip().splitlines()
            raise CoordError(f"pandoc could not make the DOCX with {reference}: {said[0] if said else err}") from None
        return target.read_bytes()


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
