#!/usr/bin/env bash
# Build a wheel (not an editable install), install it in a fresh venv and run it
# on the example production: proves the packaged files are found at run time.
set -euo pipefail
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m build --wheel --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/dist/*.whl
cd "$work"
"$work/venv/bin/coord" --help >/dev/null
"$work/venv/bin/coord" --version
"$work/venv/bin/coord" validate "$here/examples/harbour-lights"
# The working-time profiles must come from the wheel: the example works under de-film.
"$work/venv/bin/python" -c 'import sys; from coord.worktime import shipped, PACKAGED; assert "site-packages" in str(PACKAGED) and {"de-film", "us-sag-aftra"} <= set(shipped()), "working-time profiles missing from the wheel"'
# The packaged templates and fonts must come from the wheel, not from this checkout.
"$work/venv/bin/coord" callsheet 10 --folder "$here/examples/harbour-lights" --out "$work/sheets" --format pdf --format html --format md --format docx
ls "$work/sheets"/2027-03-12-day-10.pdf "$work/sheets"/2027-03-12-day-10.html "$work/sheets"/2027-03-12-day-10.md "$work/sheets"/2027-03-12-day-10.docx >/dev/null
# The DOCX was laid out by the packaged reference document (an A4 page) and Lua filter (the crew list's page break).
"$work/venv/bin/python" -c 'import sys, zipfile; xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml"); assert b"w:w=\"11906\"" in xml and b"w:type=\"page\"" in xml, "DOCX layout files missing from the wheel"' "$work/sheets/2027-03-12-day-10.docx"
# Every document of the example, as `make demo` makes them, from a copy so the checkout stays clean.
cp -r "$here/examples/harbour-lights" "$work/example"
rm -rf "$work/example/out"
make -s -C "$work/example" all COORD="$work/venv/bin/coord" >"$work/all.log" 2>&1 || { cat "$work/all.log"; exit 1; }
for document in callsheets movement rooming reports schedule dood contacts hours calendar orders availability extras agreements interns; do
  ls "$work/example/out/$document"/* >/dev/null 2>&1 || { echo "wheel-check: no $document written"; cat "$work/all.log"; exit 1; }
done
# coord init's files come from the wheel too, and what it writes validates.
"$work/venv/bin/coord" init "$work/new-production" --title "Wheel Check" >/dev/null
"$work/venv/bin/coord" validate "$work/new-production" --strict >/dev/null
test -f "$work/new-production/.github/workflows/coord.yml" -a -f "$work/new-production/.gitlab-ci.yml"
echo "wheel-check: installed wheel runs on the example production"
