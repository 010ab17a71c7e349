"""Money: amounts in whole cents, ISO 4217 currencies, and no amount relabelled in another currency."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, invoke

from coord.checks import CheckOptions, validate


def errors(folder: Path) -> list[tuple[str, str, str]]:
    _, findings = validate(folder, CheckOptions())
    return [(str(f.pos), f.message, f.hint) for f in findings.errors]


# ---- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "where", "hint"),
    [
        ("equipment.yaml", "price: 2400.00", "price: 2400.999", "equipment.yaml:32:14", "write 2401.00"),
        ("hotels.yaml", "rate: 189.00", "rate: 189.005", "hotels.yaml:27:13", "write 189.01"),
        ("production.yaml", "overtime: {rate: 12.00", "overtime: {rate: 12.001", "production.yaml:73:22", "write 12.00"),
    ],
)
def test_an_amount_with_a_third_decimal_is_refused_with_the_cents_to_write(
    example_copy: Path, file: str, old: str, new: str, where: str, hint: str
) -> None:
    edit(example_copy / file, old, new)
    written = new.rsplit("{", 1)[-1]
    assert errors(example_copy) == [(where, f"{written} has more than two decimals; an amount is in whole cents", hint)]


@pytest.mark.parametrize("price", ["2400.99", "2400.9", "2400"])
def test_an_amount_with_two_decimals_or_fewer_is_taken_as_written(example_copy: Path, price: str) -> None:
    edit(example_copy / "equipment.yaml", "price: 2400.00", f"price: {price}")
    assert errors(example_copy) == []


@pytest.mark.parametrize(
    ("price", "message", "hint"),
    [
        ("'2400,50'", '"2400,50" is written with a decimal comma', "write it with a decimal point: 2400.50"),
        ("'2.400,5'", '"2.400,5" is written with a decimal comma', "write it with a decimal point: 2400.50"),
        ("2.4e3", '"2.4e3" is not an amount as a contract writes it', "write it in digits: 2400.00"),
    ],
)
def test_an_amount_written_as_a_contract_would_not_says_how_to_write_it(
    example_copy: Path, price: str, message: str, hint: str
) -> None:
    edit(example_copy / "equipment.yaml", "price: 2400.00", f"price: {price}")
    assert errors(example_copy) == [("equipment.yaml:32:14", f"price: {message}", hint)]


def test_the_po_of_a_refused_price_is_not_made(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "equipment.yaml", "price: 2400.00", "price: 2400.999")
    result = invoke("po", "cam-main", "--format", "md", "--folder", str(example_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "equipment.yaml:32:14: price: 2400.999 has more than two decimals" in result.output


# ---- currencies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("XYZ", "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"),
        ("DOGE", "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"),
        ("EUO", "did you mean EUR (Euro)?"),
        ("HRK", "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"),
        # codes of ISO 4217 that are no money a fee is paid in: no currency, testing, gold
        ("XXX", "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"),
        ("XTS", "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"),
        ("XAU", "did you mean XAF (CFA Franc BEAC)?"),
    ],
)
def test_a_currency_that_is_not_iso_4217_is_refused(example_copy: Path, code: str, hint: str) -> None:
    edit(example_copy / "production.yaml", "    currency: EUR\n    per: day", f"    currency: {code}\n    per: day")
    assert errors(example_copy) == [("production.yaml:70:15", f'currency: "{code}" is not an ISO 4217 currency code', hint)]


@pytest.mark.parametrize("code", ["DKK", "dkk", "ZWG"])
def test_an_iso_4217_code_is_taken_in_capitals(example_copy: Path, code: str) -> None:
    edit(example_copy / "hotels.yaml", "rate: 189.00", f"rate: 189.00\n      currency: {code}")
    production, findings = validate(example_copy, CheckOptions())
    assert production is not None and not findings.errors
    assert {b.currency for h in production.hotels for b in h.bookings if b.rate == 189} == {code.upper()}


# ---- an agreement's currency and the amounts it inherits ----------------------------------------

OWN = '"+49 176 3301 2245"\n  agreement: {signed: 2027-02-19}'


def test_an_agreement_in_dkk_may_not_take_the_productions_overtime_in_eur(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "extras.yaml", OWN, OWN.replace("}", ", rate: 95.00, currency: DKK}"))
    assert errors(example_copy) == [
        (
            "extras.yaml:15:58",
            "this agreement is in DKK, but its overtime rate comes from the agreement at production.yaml:73:15, "
            "which is in EUR: Birte Claussen's overtime rate would be printed in DKK without being converted",
            "write overtime: in DKK in this agreement as well",
        )
    ]
    for command in (("extras", "1"), ("agreement", "bg-birte-claussen")):
        result = invoke(*command, "--format", "md", "--folder", str(example_copy), "--out", str(tmp_path / "out"))
        assert result.exit_code == 1, result.output
        assert "extras.yaml:15:58: this agreement is in DKK" in result.output
        assert not list((tmp_path / "out").rglob("*.md"))


def test_an_agreement_in_dkk_with_its_own_amounts_in_dkk_is_clean(example_copy: Path) -> None:
    edit(
        example_copy / "extras.yaml",
        OWN,
        OWN.replace("}", ", rate: 95.00, currency: DKK, overtime: {rate: 90.00}}"),
    )
    assert errors(example_copy) == []


def test_an_agreement_that_names_the_productions_currency_inherits_its_amounts(example_copy: Path) -> None:
    edit(example_copy / "extras.yaml", OWN, OWN.replace("}", ", rate: 99.00, currency: eur}"))
    assert errors(example_copy) == []


def test_a_group_in_another_currency_is_reported_once_where_its_currency_is_written(example_copy: Path) -> None:
    edit(example_copy / "production.yaml", "      wardrobe_allowance: 15.00", "      currency: SEK\n      rate: 900.00")
    assert errors(example_copy) == [
        (
            "production.yaml:87:17",
            "this agreement is in SEK, but its overtime rate comes from the agreement at production.yaml:73:15, "
            "which is in EUR: Hanna Seidel's overtime rate would be printed in SEK "
            "without being converted",
            "write overtime: in SEK in this agreement as well",
        )
    ]
