-- coord's layout of every DOCX, a pandoc Lua filter (coord/render.py runs it).
--
-- 1. Column widths from the content, as a browser lays out an HTML table: each column is
--    at least as wide as its longest word (and its short entries, when there is room),
--    and the rest of the line goes to the columns with the most text. Words are measured
--    in the table font of the reference document (Arial metrics) against its text width,
--    so no word has to break in the middle.
-- 2. A heading a template marks with the class `new-page` (`## Crew {.new-page}`) starts
--    a new page. A value typed in a YAML file cannot carry the mark: every `{` in a value
--    is escaped on the way into the Markdown.
--
-- This filter is part of coord's code and is never taken from a production's templates/:
-- a filter can run anything.

-- Advance widths of Arial (and Helvetica, Liberation Sans) in 1/1000 em, for ASCII 32..126.
local ASCII_WIDTHS = {
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, -- space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, -- 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, -- @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, -- P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, -- ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      -- p-z { | } ~
}
local OTHER_WIDTH = 600 -- letters beyond ASCII (umlauts, accents): a little wider than an average letter
local BOLD = 1.1 -- bold Arial is up to a tenth wider
local SLACK = 1.04 -- rounding in Word and LibreOffice, kerning we do not model

local PAGE_BREAK = '<w:p><w:r><w:br w:type="page" /></w:r></w:p>'

local function read_reference()
  local path = PANDOC_WRITER_OPTIONS.reference_doc
  if not path then
    return nil
  end
  local handle = io.open(path, "rb")
  if not handle then
    return nil
  end
  local ok, archive = pcall(pandoc.zip.Archive, handle:read("a"))
  handle:close()
  if not ok then -- not a DOCX: pandoc itself says so
    return nil
  end
  local parts = {}
  for _, entry in ipairs(archive.entries) do
    parts[entry.path] = entry
  end
  return parts
end

-- The text width (points) and the table font size (points) of the reference document.
local function page_metrics()
  local text_width, font_size = (11906 - 2 * 567) / 20, 8 -- A4 with 10 mm margins, 8 pt: coord's own
  local parts = read_reference()
  if not parts then
    return text_width, font_size
  end
  local document = parts["word/document.xml"] and parts["word/document.xml"]:contents() or ""
  local section = document:match(".*(<w:sectPr.-</w:sectPr>)")
  if section then
    local page = tonumber((section:match("<w:pgSz[^>]-w:w=\"(%d+)\"")))
    local margins = section:match("<w:pgMar[^>]*>") or ""
    local left = tonumber((margins:match("w:left=\"(%d+)\""))) or 1440
    local right = tonumber((margins:match("w:right=\"(%d+)\""))) or 1440
    if page then
      text_width = (page - left - right) / 20
    end
  end
  local styles = parts["word/styles.xml"] and parts["word/styles.xml"]:contents() or ""
  local table_style = styles:match("<w:style[^>]-w:styleId=\"Table\".-</w:style>") or ""
  local size = tonumber((table_style:match("<w:sz w:val=\"(%d+)\"")))
    or tonumber((styles:match("<w:rPrDefault>.-<w:sz w:val=\"(%d+)\"")))
  if size then
    font_size = size / 2
  end
  return text_width, font_size
end

local TEXT_WIDTH, FONT_SIZE = page_metrics()
-- Left and right cell margins of the reference table style (57 twips each), plus the rule.
local CELL_PADDING = 2 * 57 / 20 + 1

local function text_width(text, bold)
  local units = 0
  for _, code in utf8.codes(text) do
    units = units + (ASCII_WIDTHS[code - 31] or OTHER_WIDTH)
  end
  return units / 1000 * FONT_SIZE * (bold and BOLD or 1) * SLACK
end

-- The narrowest a cell can be without breaking a word, and the width of its text on one line.
local function cell_needs(cell, bold)
  if not bold then
    cell.contents:walk({
      Strong = function()
        bold = true
      end,
    })
  end
  local text = pandoc.utils.stringify(cell.contents)
  local longest = 0
  for word in text:gmatch("%S+") do
    longest = math.max(longest, text_width(word, bold))
  end
  return longest + CELL_PADDING, text_width(text, bold) + CELL_PADDING
end

local function each_row(tbl, action)
  for _, row in ipairs(tbl.head.rows) do
    action(row, true)
  end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.head) do
      action(row, true)
    end
    for _, row in ipairs(body.body) do
      action(row, false)
    end
  end
  for _, row in ipairs(tbl.foot.rows) do
    action(row, false)
  end
end

-- A cell up to this wide (in em) stays on one line when the table has room: a name, a phone
-- number, "1 5/8" pages read badly broken over two lines. Tried in turn, 0 means "words only".
local KEEP_WHOLE_EM = { 14, 8, 0 }

local function sum(values)
  local total = 0
  for _, value in ipairs(values) do
    total = total + value
  end
  return total
end

function Table(tbl)
  local columns = #tbl.colspecs
  local cells = {} -- per column: {least, whole} of each cell
  for i = 1, columns do
    cells[i] = {}
  end
  each_row(tbl, function(row, header)
    local column = 1
    for _, cell in ipairs(row.cells) do
      if cell.col_span == 1 and column <= columns then
        local least, whole = cell_needs(cell, header)
        table.insert(cells[column], { least, whole })
      end
      column = column + cell.col_span
    end
  end)
  local least, wanted
  for _, keep in ipairs(KEEP_WHOLE_EM) do
    least, wanted = {}, {}
    for i = 1, columns do
      least[i], wanted[i] = CELL_PADDING, CELL_PADDING
      for _, need in ipairs(cells[i]) do
        local whole = need[2] <= keep * FONT_SIZE
        least[i] = math.max(least[i], whole and need[2] or need[1])
        wanted[i] = math.max(wanted[i], need[2])
      end
    end
    if sum(least) <= TEXT_WIDTH then
      break
    end
  end
  local sum_least, sum_wanted = sum(least), sum(wanted)
  for i, spec in ipairs(tbl.colspecs) do
    local width
    if sum_wanted <= TEXT_WIDTH then -- every cell fits on one line: share the line in proportion
      width = wanted[i] / sum_wanted
    elseif sum_least >= TEXT_WIDTH then -- even the longest words do not fit: shrink them alike
      width = least[i] / sum_least
    else -- the space left over goes to the columns that would wrap most
      width = (least[i] + (TEXT_WIDTH - sum_least) * (wanted[i] - least[i]) / (sum_wanted - sum_least)) / TEXT_WIDTH
    end
    tbl.colspecs[i] = { spec[1], width }
  end
  return tbl
end

function Header(heading)
  if heading.classes:includes("new-page") then
    heading.classes = heading.classes:filter(function(class)
      return class ~= "new-page"
    end)
    return { pandoc.RawBlock("openxml", PAGE_BREAK), heading }
  end
end
