"""`coord contacts`: the contact list in every format, read back, with private data only in the office copy.

The private values are computed from the example production's model (never typed
here), so a change of the example keeps the tests honest.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
import vobject
from conftest import EXAMPLE, bare, docx_text, edit, invoke, loaded, pdf_text, snapshot

from coord import exports, orders
from coord import labels as lb
from coord import model as m
from coord.documents import contacts
from coord.privacy import is_private

DOCUMENT_FORMATS = ("md", "html", "pdf", "docx")
ALL_FORMATS = (*DOCUMENT_FORMATS, "csv", "vcf")
OFFICE_MARK = "OFFICE COPY – contains private data, do not distribute"


# ---- helpers -------------------------------------------------------------------------


def people(folder: m.ProductionFolder) -> list[m.CrewMember | m.CastMember]:
    return [*folder.crew, *folder.cast]


def private_values(folder: m.ProductionFolder) -> dict[str, set[str]]:
    """Every private phone, e-mail and address of the production, by field, from the model."""
    found: dict[str, set[str]] = {field: set() for field in m.PRIVATE_FIELDS}
    for person in people(folder):
        for field in m.PRIVATE_FIELDS:
            value = getattr(person, field, None)
            if value and is_private(person, field, folder.production):
                found[field].add(value)
    return found


def write(folder: Path, out: Path, *formats: str, office: bool = False) -> list[Path]:
    args = ["contacts", "--folder", str(folder), "--out", str(out), *(["--office"] if office else [])]
    for fmt in formats:
        args += ["--format", fmt]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return [Path(line.removeprefix("wrote ")) for line in result.output.splitlines() if line.startswith("wrote ")]


def unfold(text: str) -> list[str]:
    """Content lines of a vCard or iCalendar file: CRLF line ends, a line starting with a space or tab continues the last."""
    assert "\r\n" in text and not re.search(r"(?<!\r)\n", text), "lines must end in CRLF"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda g: "\n" if g[1] in "nN" else g[1], value)


def readable(path: Path) -> str:
    """The text a person would see in the file, in any of the six formats."""
    fmt = path.suffix.lstrip(".")
    if fmt == "pdf":
        return pdf_text(path)
    if fmt == "docx":
        return docx_text(path)
    text = path.read_bytes().decode("utf-8-sig")
    if fmt == "html":
        return html.unescape(text)
    if fmt == "md":
        return text.replace("\\", "")
    if fmt == "vcf":
        return "\n".join(unescape(line) for line in unfold(text))
    return text


def parse_vcards(text: str) -> list[dict[str, list[tuple[dict[str, str], str]]]]:
    """A strict, minimal vCard 2.1/3.0/4.0 line parser (RFC 2426, RFC 6350): name;param=value:value, unfolded."""
    cards: list[dict[str, list[tuple[dict[str, str], str]]]] = []
    card: dict[str, list[tuple[dict[str, str], str]]] | None = None
    for line in unfold(text):
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^;:]*)*):(.*)", line)
        assert match, f"not a content line: {line!r}"
        name, params, value = match[1].upper(), match[2], match[3]
        if (name, value.upper()) == ("BEGIN", "VCARD"):
            assert card is None, "BEGIN:VCARD inside a card"
            card = {}
        elif (name, value.upper()) == ("END", "VCARD"):
            assert card is not None, "END:VCARD without BEGIN"
            cards.append(card)
            card = None
        else:
            assert card is not None, f"{name} outside a card"
            parsed = dict(p.split("=", 1) for p in params.split(";")[1:])
            card.setdefault(name, []).append(({k.upper(): v.upper() for k, v in parsed.items()}, value))
    assert card is None, "the last card is not closed"
    return cards


# ---- privacy in every format -------------------------------------------------------------


def test_the_example_has_private_phones_emails_and_addresses() -> None:
    found = private_values(loaded(EXAMPLE))
    assert len(found["phone"]) >= 3  # private: [phone] on crew and cast
    assert found["email"]  # the minor's (his mother's) e-mail
    assert len(found["address"]) >= 5  # addresses are private by default


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_distributed_version_withholds_every_private_field(tmp_path: Path, fmt: str) -> None:
    folder = loaded(EXAMPLE)
    (path,) = write(EXAMPLE, tmp_path, fmt)
    assert path.name == f"contacts.{fmt}"
    text = bare(readable(path))
    for field, values in private_values(folder).items():
        for value in values:
            assert bare(value) not in text, f"private {field} {value!r} is in {path.name}"
    assert bare(OFFICE_MARK) not in text
    for member in folder.crew:  # everybody is there, only without their private data
        assert bare(member.name) in text


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_office_version_has_every_private_field_and_says_so(tmp_path: Path, fmt: str) -> None:
    (path,) = write(EXAMPLE, tmp_path, fmt, office=True)
    assert path.name == f"contacts-office.{fmt}"
    text = bare(readable(path))
    assert bare(OFFICE_MARK) in text or bare(OFFICE_MARK.upper()) in text
    for field, values in private_values(loaded(EXAMPLE)).items():
        for value in values:
            assert bare(value) in text, f"private {field} {value!r} is missing from {path.name}"


def test_office_pdf_says_office_copy_on_every_page(tmp_path: Path) -> None:
    import pypdf

    (path,) = write(EXAMPLE, tmp_path, "pdf", office=True)
    pages = pypdf.PdfReader(path).pages
    assert len(pages) > 1
    for page in pages:
        assert "OFFICE COPY" in page.extract_text().upper()


def test_office_copy_sets_private_values_in_italics(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    (md,) = write(EXAMPLE, tmp_path, "md", office=True)
    text = md.read_text(encoding="utf-8")
    paul = next(c for c in folder.crew if c.name == "Paul Wendt")
    assert is_private(paul, "phone", folder.production)
    assert f"| Production Accountant | Paul Wendt | _{paul.phone}_ | {paul.email} |".replace("@", "\\@") in text


# ---- the printed list ----------------------------------------------------------------------


def test_sections_in_order_with_emergency_numbers_and_office_first(tmp_path: Path) -> None:
    (md,) = write(EXAMPLE, tmp_path, "md")
    text = md.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "Emergency numbers",
        "Production office",
        "Crew",
        "Cast",
        "Vendors and rental houses",
        "Hotels",
        "Locations",
        "Emergency: Nearest hospitals",
    ]
    assert "- **Fire and ambulance:** 112\n" in text


def test_crew_by_department_in_the_industrys_order_one_line_per_person() -> None:
    folder = loaded(EXAMPLE)
    context = contacts.contact_list(folder)
    order = [lb.department(d, "en") for d in m.DEPARTMENTS]
    departments = [group["department"] for group in context["crew"]]
    assert departments == sorted(departments, key=order.index)
    assert sum(len(group["people"]) for group in context["crew"]) == len(folder.crew)
    assert all(set(p) == {"role", "name", "phone", "email", "address", "private"} for g in context["crew"] for p in g["people"])
    assert all(p["address"] == "" for g in context["crew"] for p in g["people"])  # addresses only in the office copy


def test_cast_with_agents_and_vendors_deduplicated(example_copy: Path, tmp_path: Path) -> None:
    order = (
        "\n- id: cam-extra\n  department: camera\n  vendor:\n    name: Hanse Camera Rental GmbH\n"
        '    phone: "+49 40 0000 0000"\n  requested_by: daniel-lindqvist\n  items:\n    - name: Spare battery\n'
    )
    with (example_copy / "equipment.yaml").open("a", encoding="utf-8") as handle:
        handle.write(order)
    folder = loaded(example_copy)
    context = contacts.contact_list(folder)
    names = [v["name"] for v in context["vendors"]]
    assert names.count("Hanse Camera Rental GmbH") == 1
    hanse = next(v for v in context["vendors"] if v["name"] == "Hanse Camera Rental GmbH")
    assert hanse["phone"] == "+49 40 8540 3320"  # the first order's details win
    cancelled = {o.vendor.name for o in folder.equipment if o.vendor and orders.status(o) == "cancelled"}
    assert cancelled and not cancelled & set(names)
    lorenzen = context["cast"][0]
    assert (lorenzen["number"], lorenzen["actor"]) == (1, "Matthias Lorenzen")
    assert lorenzen["agent"].startswith("Susanne Richter (Richter & Partner")
    hospitals = {h["name"]: h for h in context["hospitals"]}
    assert len(hospitals) == len({loc.hospital.name for loc in folder.locations if loc.hospital})
    assert "Café Ankerplatz" in hospitals["Klinikum Altona-Nord, emergency department"]["locations"]


def test_labels_follow_the_production_language(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "production.yaml", "language: en", "language: de")
    (md,) = write(example_copy, tmp_path, "md", office=True)
    text = md.read_text(encoding="utf-8")
    assert "**Kontaktliste**" in text
    assert "BÜROEXEMPLAR" in text
    assert "| **Kamera** | | | | |" in text


# ---- CSV -------------------------------------------------------------------------------------


def test_csv_has_a_bom_one_row_per_person_and_agents_once(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    (path,) = write(EXAMPLE, tmp_path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == contacts.CSV_COLUMNS
    kinds = [r["kind"] for r in rows]
    agents = {(c.agent.name, c.agent.agency) for c in folder.cast if c.agent}
    assert (kinds.count("crew"), kinds.count("cast"), kinds.count("agent")) == (len(folder.crew), len(folder.cast), len(agents))
    kiefer = next(r for r in rows if r["kind"] == "agent" and r["name"] == "Marlene Kiefer")
    assert kiefer["represents"] == "Clara Sandmann; Ewa Zielińska"
    ewa = next(r for r in rows if r["name"] == "Ewa Zielińska")
    assert (ewa["role"], ewa["agent"], ewa["agency"]) == ("Marta Kowalczyk", "Marlene Kiefer", "Kiefer Artists Management")
    assert next(r for r in rows if r["name"] == "Nadia Rahimi")["department"] == "Production"


def test_csv_cells_that_a_spreadsheet_would_run_stay_text(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "crew" / "production.yaml", "  role: Producer\n", '  role: \'=HYPERLINK("http://x.example","hi")\'\n')
    (path,) = write(example_copy, tmp_path / "out", "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    katrin = next(r for r in rows if r["name"] == "Katrin Mahler")
    assert katrin["role"] == '\'=HYPERLINK("http://x.example","hi")'
    assert katrin["phone"] == "+49 171 482 9035"  # a phone number is harmless and stays importable
    assert exports.spreadsheet_text("-5+5") == "-5+5"
    assert exports.spreadsheet_text("@SUM(A1)") == "'@SUM(A1)"
    assert exports.spreadsheet_text("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"


def test_office_csv_starts_with_the_warning_then_the_columns(tmp_path: Path) -> None:
    (path,) = write(EXAMPLE, tmp_path, "csv", office=True)
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    assert next(csv.reader([lines[0]])) == [OFFICE_MARK]
    assert lines[1] == ",".join(contacts.CSV_COLUMNS)


# ---- vCard -----------------------------------------------------------------------------------


def test_vcards_parse_with_vobject_and_a_strict_line_parser(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    (path,) = write(EXAMPLE, tmp_path, "vcf")
    text = path.read_bytes().decode("utf-8")  # as written: CRLF line ends
    by_vobject = list(vobject.readComponents(text))
    by_lines = parse_vcards(text)
    assert len(by_vobject) == len(by_lines) == len(folder.crew) + len(folder.cast)
    for card, lines in zip(by_vobject, by_lines, strict=True):
        assert card.version.value == "3.0" == lines["VERSION"][0][1]
        assert card.fn.value == unescape(lines["FN"][0][1])
        assert card.org.value == [folder.production.title] == [unescape(lines["ORG"][0][1])]
        assert card.title.value == unescape(lines["TITLE"][0][1])
        assert [t.value for t in getattr(card, "tel_list", [])] == [v for _, v in lines.get("TEL", [])]
        assert all(params == {"TYPE": "CELL"} for params, _ in lines.get("TEL", []))
    cards = {card.fn.value: card for card in by_vobject}
    for member in folder.crew:
        card = cards[member.name]
        assert card.title.value == member.role
        assert card.categories.value == [lb.department(member.department, "en")]
        assert card.n.value.family == member.name.split()[-1]
        phone = None if is_private(member, "phone", folder.production) else member.phone
        assert (card.tel.value if hasattr(card, "tel") else None) == phone
        assert (card.email.value if hasattr(card, "email") else None) == member.email
        assert not hasattr(card, "adr") or not is_private(member, "address", folder.production)
    lena = cards["Clara Sandmann"]
    assert lena.title.value == "Cast #2 · Lena Vogt"
    assert not hasattr(lena, "tel")  # private: [phone]
    assert "Marlene Kiefer" in lena.note.value  # call the agent instead


def test_office_vcards_carry_private_fields_and_the_warning(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    (path,) = write(EXAMPLE, tmp_path, "vcf", office=True)
    cards = {card.fn.value: card for card in vobject.readComponents(path.read_text(encoding="utf-8"))}
    for member in folder.crew:
        card = cards[member.name]
        assert OFFICE_MARK in card.note.value
        if member.phone:
            assert card.tel.value == member.phone
        if member.address:
            assert card.adr.value.street == member.address


def test_family_names_keep_their_particles() -> None:
    assert contacts.split_name("Femke de Groot") == ("Femke", "de Groot")
    assert contacts.split_name("Anna Maria van der Berg") == ("Anna Maria", "van der Berg")
    assert contacts.split_name("Selin Aydın") == ("Selin", "Aydın")
    assert contacts.split_name("Madonna") == ("", "Madonna")


# ---- the command -------------------------------------------------------------------------------


def test_default_is_the_distributed_pdf_in_out_contacts(example_copy: Path) -> None:
    result = invoke("contacts", "--folder", str(example_copy))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {example_copy / 'out' / 'contacts' / 'contacts.pdf'}\n"


def test_a_second_run_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert len(write(EXAMPLE, out, *ALL_FORMATS)) == len(ALL_FORMATS)
    before = snapshot(out)
    result = invoke("contacts", "--folder", str(EXAMPLE), "--out", str(out), *[x for f in ALL_FORMATS for x in ("--format", f)])
    assert result.output == f"{len(ALL_FORMATS)} up to date, not rewritten\n"
    assert snapshot(out) == before


def test_refused_while_the_crew_list_has_errors(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "crew" / "production.yaml", "  role: Producer\n", "")
    result = invoke("contacts", "--folder", str(example_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: the production has errors; fix them first")
    assert "crew/production.yaml" in result.output
    assert not (tmp_path / "out").exists()
