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
import urllib.parse
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
        self._compiler = typst.Compiler(root=str(self.template.parent), font_paths=[str(font_dir())], ignore_system_fonts=True)

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


def font_dir() -> Path:
    """The sans-serif face documents are set in, shipped as a Python package (no system fonts needed)."""
    import importlib.util

    spec = importlib.util.find_spec("font_source_sans_pro")
    if spec is None or not spec.submodule_search_locations:
        raise CoordError("the font package font-source-sans-pro is missing; reinstall coord")  # pragma: no cover
    return Path(next(iter(spec.submodule_search_locations))) / "files"


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
