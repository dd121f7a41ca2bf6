"""Reporting-only OCR corpora: pages the pipeline is never tuned on.

`bench/ocr` reports strict CER, fields and throughput on these next to the tuning corpus
(`sample_scans`). They are made independently of it: other generators (reportlab PDFs
rasterised by poppler's `pdftoppm`; HTML laid out and rasterised by Chromium), other font
faces (AR PL UMing HK/TW, WenQuanYi Zen Hei Sharp/Mono, Liberation/DejaVu for Latin),
other layouts (application forms, shareholder tables, two-column business licenses with
seal and QR block, powers of attorney, ID copies, leases), other people and places, and
capture simulations of their own (clean scan, office scan, phone photo, poor copy).

`typeset` is made independently of both and of the tuning corpus (`typeset_*` modules,
sharing no code with the others): pages typeset by Typst in Noto Serif/Sans CJK SC with
AR PL UKai for handwritten entries; its own layouts (shareholders' resolution, real-estate
title certificate, articles of association, tax or social insurance payment certificate,
legal representative's identity letter, power of attorney with a table of agents,
portrait business license, application form with check boxes); its own people,
enterprises and numbers; its own capture profiles (fax, flatbed-color, phone-low-light,
photocopy-of-copy). Its truth is written from the same page model as the Typst source.

`weasy` is a fourth, made apart from all of the above (`weasy_*` modules, sharing no code
with them): HTML and CSS laid out into PDF by WeasyPrint on the system's Pango and
rasterised by PDFium; fonts loaded by @font-face from their files only (WenQuanYi Micro
Hei, AR PL SungtiL GB for print, AR PL KaitiM GB for entries by hand); layouts of its
own (individual business registration form with check boxes, food business licence with a
code and a table of items, before/after table of registration changes, household register
card, notice of a self-declared enterprise name, certificate of the use of premises); its
own people, enterprises and numbers; its own capture profiles (adf-scan, scanner-app,
glare-photo, carbon-copy). Its HTML and its truth come from one page model, and a test
checks the truth against the text PDFium finds in the PDF.

`ledger` is a fifth, made apart from all of the above (`ledger_*` modules, sharing no code
with them) to report on once `weasy` became a tuning corpus: ReportLab canvas and platypus tables
rasterised by poppler's `pdftoppm`; fonts BabelStone Han, Droid Sans Fallback and LXGW
WenKai (Mono) from their files; eight layouts of its own (real-estate registration
application, social insurance contribution certificate, individual business licence,
power of attorney with a thumbprint, first page of a lease, certificate of no criminal
record, birth medical certificate, employer's income certificate); its own people,
enterprises and check-character code; its own capture profiles (sheetfed-150,
phone-keystone, ink-starved, folded-stapled). Its truth is written as the page is drawn,
and a test checks it against the characters `pdftotext` finds in the PDF. Tuning since
4 December 2026, early morning (its pages and errors read to fix reading order and name
fields); `office` reports in its place.

`chromium` is a sixth, made apart from all of the above (`chromium_*` modules, sharing no
code with them) to report on once `typeset` became a tuning corpus: HTML and CSS laid out by
headless Chromium (Playwright) and screenshot at 200 dpi; fonts Hanazono Mincho A and
Smiley Sans from their files only; six layouts of its own (medical insurance
reimbursement, housing fund withdrawal, residence permit registration, private
non-enterprise unit registration, one-time correction notice, individual income tax
record); its own people, units and check-character code; its own capture profiles
(wechat-forward, laser-toner-low, tilted-handheld, multifunction-fax-in). Its HTML and its
truth come from one page model, and every page's truth is checked as it is built against
the text of the document Chromium rendered.

`office` is a seventh, made apart from all of the above (`office_*` modules, sharing no
code with them) to report on once `ledger` became a tuning corpus: Word documents written
by python-docx, turned into PDF by LibreOffice headless and rasterised by Ghostscript at
300 dpi, seals stamped on the printed page afterwards; fonts Noto Serif CJK SC Light
(print) and Black (titles), Noto Sans CJK SC Medium (entries) and DemiLight (notes,
header, footer), Nimbus Roman and Nimbus Sans for Latin and digits, OpenSymbol for check
boxes, every character checked against its face's cmap and the PDF checked to embed no
other face; eight layouts of its own (subsistence allowance application with a household
table, road freight transport application with vehicle and driver tables, landscape public
health licence in two columns, social organisation registration with its officers, notice
of acceptance or refusal, decision granting a licence, special equipment registration,
disability certificate application with a photo box and a guardian); its own people, units
and check-character code; its own capture profiles (desk-lamp-photo, archive-microfilm,
duplex-bleed, high-speed-adf-300). The .docx and the truth come from one page model, and
every page's truth is checked as it is built against the text `pdftotext` finds in the PDF
LibreOffice produced.

`typst` is an eighth, made apart from all of the above (`typst_*` modules, sharing no code
with them) so that a tuning corpus can be added while two never-tuned ones still report:
Typst from the PyPI wheel (built-in features only, no packages, offline) compiled to PNG at
300 ppi and to PDF; fonts TW-Sung (print) and TW-Kai (entries by hand), Taiwan's 全字庫
standard faces from Debian's fonts-cns11643-sung and -kai, which also carry the simplified
characters, loaded from their files only and every character checked against both faces'
cmaps; six layouts of its own (company registration application with merged cells and
check boxes, landscape business licence in two columns with a QR-like block and seal,
power of attorney, shareholders' contribution table, one-time correction notice, lease);
its own people, enterprises and check-character code; its own capture profiles
(flatbed-200, phone-angle, fax-fine, copy-of-copy). The Typst source and the truth are
written together in reading order (`typst_markup.Doc`), and every page's truth is checked
as it is built against the text pypdf finds in the PDF Typst made of the same source.

`pango` is a ninth, made apart from all of the above (`pango_*` modules, sharing no code
with them): Pango shapes and wraps the text and Cairo draws rules, seals and QR-like
blocks, straight to a 300 ppi image and, from the same operations, to a PDF whose text
(pypdfium2) checks the truth; Noto Sans CJK SC Black and Thin and Noto Sans Mono CJK SC,
fallback off and every character checked against its face's cmap; seven layouts of its
own; capture profiles sheetfed-bw-300, phone-flash, low-res-120, toner-streak.

`mpl` is another, made apart from all of the above (`mpl_*` modules, sharing no code with
them): matplotlib's Agg backend draws each page straight to a 300 ppi image, text through
FreeType with one face to each `FontProperties(fname=...)` (so matplotlib has no other face
to fall back on), rules, boxes, seals (outlines, not text) and QR-like blocks as lines and
patches; the same figures go into one PDF a batch (Type 42) whose text (pypdfium2) checks
the truth, character for character. Faces AR PL UMing CN and WenQuanYi Zen Hei (print),
LXGW WenKai Light (entries) and Noto Serif CJK SC Bold (titles), every character checked
against its face's cmap; eight layouts of its own (individual business registration with
a ruled table, social insurance enrolment with a table of the insured, power of attorney
with blanks filled in, real-estate registration with a table of owners, ID card copy with
an overprint, business licence copy with seal and QR-like block, correction notice with a
numbered list, shareholders' contributions); its own people, enterprises and
check-character code; its own capture profiles (chat-forward, inkjet-banding,
stapled-skew, carbonless-copy).

`qt` is another, made apart from all of the above (`qt_*` modules, sharing no code with
them): pages laid out and painted by Qt (PySide6, offscreen) with QPainter on a 300 ppi A4
QImage, text through QPainter.drawText (lines, wrapped blocks) and QTextDocument (prose
with entries by hand inline), faces added by QFontDatabase.addApplicationFont from their
files with font merging off; seals (ring words as paths) and QR-like blocks are not text.
The same painting code draws each batch into a QPdfWriter PDF whose text (pypdfium2)
checks the truth as a multiset of characters (Kangxi radicals the shared-glyph ToUnicode
map gives read as their ideographs). Faces AR PL SungtiL GB (print), AR PL KaitiM GB
(entries), WenQuanYi Micro Hei (labels) and Noto Sans CJK SC Medium (titles), every
character checked against its face's cmap; six layouts of its own (change registration
application with merged cells and check boxes, power of attorney with blanks filled in,
shareholders' resolution with numbered items and a signature table, social insurance
certificate with a table of months, business licence in two columns with a QR-like block
and a seal over the date, one-time correction notice); its own people, enterprises and
check-character code; its own capture profiles (kiosk-camera, receipt-thermal, bent-book,
fax-relay).

`svg` is another, made apart from all of the above (`svg_*` modules, sharing no code with
them): each page written as SVG by hand (its own line breaking and table layout, advances
measured from the faces' hmtx tables) and rasterised at 300 ppi A4 by resvg's command line
(PyPI `resvg-cli`), system fonts skipped and only its face files loaded. Faces IPAmj Mincho
for print where it has every character of a line (a Japanese face: it lacks many
simplified characters), else Noto Serif CJK SC ExtraLight with a thin stroke; the same
ExtraLight face unstroked for notes and small print; SetoFont for entries by hand; C059 and
Nimbus Mono PS for Latin and digits in print; every character checked to have an outline
in its face (SetoFont maps thousands of characters to empty glyphs). Seal ring words are
glyph outlines and QR-like blocks rectangles. Six layouts of its own (company
establishment application with check boxes, business licence duplicate in two columns
with a QR-like block and a seal over the date, power of attorney with blanks filled in,
roster of insured employees, residence certificate, notice of acceptance); its own
people, enterprises and check-character code; its own capture profiles
(overhead-visualizer, toner-saver, scan-to-mail-bw, clipboard-photo). resvg makes no PDF:
every page's truth is checked as it is built against the characters of the SVG's text
elements, and the tests draw every text run alone (it must leave ink) and every character
alone in its face with no other face loaded.

`skia` is another, made apart from all of the above (`skia_*` modules, sharing no code with
them): pages drawn by skia-python on a 300 ppi raster surface, text laid out by Skia itself
(skia.Font for lines, skia.textlayout Paragraph for wrapped prose with entries inline, one
TypefaceFontProvider holding only the corpus's faces); the same operations replayed on a
page of a Skia PDF document whose text (pypdfium2) checks the truth as a multiset of
characters (radicals a face shares with an ideograph read as the ideograph). Faces GNU
Unifont (the print of the forms, like an impact printer's), VL Gothic (entries filled in),
IPAex Mincho (signatures), DejaVu Sans Mono (numbers filled in) and URW Nimbus Sans (form
numbers), every character checked against its face's cmap: the Japanese faces lack many
simplified characters, so the corpus's people, places and enterprise names are made of
characters they carry. Seals (ring words as glyph outlines) and QR-like blocks are not
text. Six layouts of its own (enterprise establishment application with check boxes,
business licence in two columns with a QR-like block and a seal over the date, power of
attorney with entries inline, household members and income table, acceptance notice with
numbered items, social insurance contribution record printed on continuous stationery);
its own people, enterprises and check-character code; its own capture profiles
(yellowed-old-copy, dusty-glass-240, tablet-counter, recycled-paper-copy).

`wand` is another, made apart from all of the above (`wand_*` modules, sharing no code with
them): pages drawn by ImageMagick through PyPI's `wand` (MagickWand) on a 300 ppi A4 canvas,
text by `Drawing.text` with each face handed to FreeType by its file (no fontconfig, no
fallback), rules, check boxes and card outlines as lines; seals' ring words are glyph
outlines drawn as paths and QR-like blocks rectangles, neither text. Its pages are in
simplified characters, its faces whole simplified-Chinese WOFF files from npm @fontsource
packages (tests/node, `make node-deps`): Noto Sans SC ExtraLight 200 (body print and typed
values) and SemiBold 600 (labels, table heads, small print), Noto Serif SC ExtraBold 800
(titles, seal words), ZCOOL XiaoWei (the issuing hall's name), Ma Shan Zheng (entries by
hand), Zhi Mang Xing (signatures), with P052 (typed numbers) and URW Bookman Light (web
addresses); every character checked to be in its face's cmap with an outline. Six layouts
of its own (business licence duplicate in two columns with a QR-like block and a seal over
the date, power of attorney with a table and check boxes, company establishment
application with check boxes and a table of shareholders, copy of both sides of a resident
ID card with a note by hand, one-time correction notice with a numbered list and a seal,
shareholders' resolution with a table of signatures); its own mainland people (uncommon
surnames and given names), districts, enterprises and check-character code; its own
capture profiles (mailroom-gray-200, counter-webcam, sheet-protector-scan,
punched-binder-copy). ImageMagick writes PDF only as an image, so every page's truth is
checked as it is built against the text runs the page model drew (a multiset of
characters), and the tests draw every character alone in its face.

`blend` is another, made apart from all of the above (`blend_*` modules, sharing no code
with them): pages drawn by Blend2D (PyPI `blend2d-python`: its own rasteriser and its own
font engine, not FreeType) on a 300 ppi A4 image, one face to a text run, no fallback;
seals' ring words are glyph outlines turned into Blend2D paths and QR-like blocks
rectangles, neither text. Its faces come from npm (tests/node) as WOFF2 and are joined
into one TrueType file each by fontTools in a cache the first time they are needed:
Maoken Assorted Sans (print, labels, small print; @chinese-fonts, split into a hundred
pieces), ZCOOL QingKe HuangYou (titles, seal words), Jiangxi Zhuokai (entries by hand;
@chinese-fonts), Honglei Xingshu (signatures; @chinese-fonts) and Long Cang (the clerk's
notes), every character checked to be in its face's cmap with an outline (no free
Fangsong face no other corpus uses could be found). Six layouts of its own (red-head notice
of a county market regulation bureau with a document number and a table of enterprises,
social security card application with a photo box, power of attorney between an
enterprise and an agent with check boxes, food business licence in two columns with a
QR-like block and a seal, roster of a farmers' cooperative's members with ID numbers,
resident pension enrolment with contribution grades and the clerk's notes by hand); its
own mainland people (uncommon surnames and given names), counties, enterprises and
check-character code; its own capture profiles (roller-feed-240, tablet-flicker,
crumpled-flattened, halftone-copy-200). Blend2D makes no PDF: every page's truth is checked
as it is built against the characters of the glyphs Blend2D shaped for each run, read
back through the face's cmap. Tuning since 5 December 2026 02:10 UTC (its pages and errors
read to fix reading order and name fields); `mupdf` reports in its place.

`pygame` is another, made apart from all of the above (`pygame_*` modules, sharing no code
with them): pages drawn by pygame 2.6 (SDL 2 with SDL_ttf, FreeType and HarfBuzz) on a 300
ppi A4 `pygame.Surface`, headless (the dummy video driver, set in code), text by
`pygame.font.Font(path, px).render`, one face to a run, no fallback; rules, boxes and check
marks by `pygame.draw`, seals stamped by multiplying, their ring words glyph outlines
(fontTools) filled as polygons even-odd, and QR-like blocks rectangles, neither text; an ID
copy's light diagonal overprint ("仅供……使用，他用无效") is a watermark, not in the truth.
Its faces come from npm (tests/node) as WOFF2 joined into one TrueType file each by
fontTools in a cache the first time they are needed: 思源屏显臻宋 (Source Han Serif CN for
Display, a screen rework of the Source Han Serif design; @chinese-fonts/sypxzs, the print
of every page), ZCOOL KuaiLe (entries by hand) and Liu Jian Mao Cao (signatures), every
character checked to be in its face's cmap with an outline, and again against SDL_ttf's
glyph metrics as it is drawn. Five layouts of its own (individual business licence
duplicate in two blocks with a QR-like block and a seal over the date, copy of both sides
of a resident ID card under a diagonal overprint with a note by hand, real-estate
registration application with check boxes and a table of both parties, enterprise change
registration form with a before/after table and the enterprise's seal, first page of a
house lease with the parties filled in by hand); its own mainland people (uncommon
surnames and given names), districts, enterprises and check-character code; its own
capture profiles (doccam-barrel, gray150-heavyjpeg, wooden-desk-phone,
gen2-copy-grey-stock). pygame makes no PDF: every page's truth is checked as it is built
against the strings of the runs SDL_ttf rendered with ink, a multiset of characters.

`mupdf` is another, made apart from all of the above (`mupdf_*` modules, sharing no code
with them): each page is built as a PDF page by PyMuPDF (MuPDF; AGPL, a test and bench
dependency only) and rasterised by MuPDF's own draw device at 300 ppi (no poppler, no
PDFium): text by `insert_text` in faces inserted from their files only, rules, boxes and
check marks by `draw_*`, seals a `Shape` whose ring words are glyph outlines filled
even-odd and QR-like blocks rectangles, neither text. Its faces come from npm (tests/node)
joined into TrueType files by fontTools (`npm_faces`): Maple Mono CN Regular
(@chinese-fonts/maple-mono-cn, a plain hei with half-width Latin: the print of every page,
titles emboldened by a thin stroke) and LXGW Marker Gothic (@fontsource, entries by hand,
written a little off the line and turned), every character checked to be in its face's
cmap with an outline. Five layouts of its own (employment and entrepreneurship card
application with a photo box, check boxes and household members; medical institution
practice licence duplicate in two blocks with a QR-like block and the health bureau's seal
over the date; sole proprietorship establishment application with its investor and agent;
housing provident fund contribution certificate with a table of twelve months and the
employer's seal; veteran's preferential card application with family members' ID numbers
and the service station's note and seal); its own mainland people (uncommon surnames and
given names), counties, enterprises and check-character code; its own capture profiles
(handheld-smear, sleeve-glare-band, adf-curl-200, streaky-drum-copy). Every page's truth
is checked as it is built against `get_text()` of the same PDF, a multiset of characters.
Tuning since 5 December 2026 04:45 UTC (its pages and errors read to fix its blurred and
curled captures).

`ft` is another, made apart from all of the above (`ft_*` modules, sharing no code with
them): no layout engine and no PDF; FreeType 2 (freetype-py) rasterises each glyph at 300
ppi and the corpus's own numpy code composites the coverage bitmaps onto an A4 array;
rules, boxes, check marks and photo boxes by OpenCV, seals stamped red by multiplying with
their ring words as glyph outlines filled (not text), QR-like blocks rectangles. Its faces
come from npm (tests/node) and are joined by `npm_faces` (a variable font drawn at one
weight, CFF outlines converted to quadratic ones): Source Han Serif CN
(@chinese-fonts/syst, Regular for print, titles emboldened by FreeType; mainland standard
forms) and Douyin Sans Bold (@chinese-fonts/dymh, entries by hand), every character
checked to be in its face's cmap with an outline. Five layouts of its own (construction
project planning permit with a QR-like block and a seal, household registration transfer
certificate with the police station's seal, notarisation application with check boxes,
individual business annual report with its tables, road transport qualification
application with a photo box); its own mainland people (uncommon surnames and given
names), counties, enterprises and check-character code; its own capture profiles
(gov-app-upload, feeder-dust-line, stained-flatbed-250, viewer-screenshot). Every page's
truth is checked as it is built against the characters of the glyphs FreeType drew with
ink, a multiset of characters.

`outline` is another, made apart from all of the above (`outline_*` modules, sharing no
code with them): no font rasteriser at all; each glyph's outline is read by fontTools, its
curves flattened to polygons, and the polygons filled by OpenCV on a 4× supersampled mask
brought to 300 ppi by INTER_AREA (nonzero winding, glyph by glyph); rules, check boxes,
seals (ring words along the arc, stamped over the text, not truth) and QR-like blocks by
OpenCV. Its faces come from npm (tests/node) as the WOFF2 pieces the packages ship, never
joined (a piece is opened when a character its stylesheet names is drawn): LXGW WenKai
Regular (@chinese-fonts/lxgwwenkai, print; titles emboldened by dilation) and HarmonyOS
Sans SC Light (harmonyos-sans-sc-webfont-splitted, entries by hand, each glyph jittered,
its strokes wavering, thickened in ballpoint blue). Five layouts of its own (minimum
living allowance application and approval, food business licence, social insurance
enrolment list, marriage registration review, disability certificate application); its
own people, enterprises and check-character code; its own capture profiles
(counter-scan-gray-250, phone-stand-warm, bw-copy-png, color-scan-moire-180). Every
page's truth is checked as it is built against the characters whose outlines were filled
with ink, a multiset of characters.

`coverage` is another, made apart from all of the above (`coverage_*` modules, sharing no
code with them): no font rasteriser and no polygon filler; its own numpy rasteriser cuts
every flattened outline segment (glyph curves flattened from fontTools' outlines) at the
pixel rows and columns it crosses, adds each piece's exact signed area into an
accumulation buffer and integrates it along each row (the algorithm of font-rs and
stb_truetype v2), the winding number's magnitude clipped to 1 being the coverage. Print
in MiSans Regular and Semibold (npm `misans`, WOFF2 pieces read as its stylesheet maps
characters to them); entries by hand as pen trails of varying width along the stroke
centre lines of npm `hanzi-writer-data` (Make Me a Hanzi's medians; digits and marks of
its own), each writer with a slant, size drift and jitter, in ballpoint blue or black;
rules, boxes, seals (ring words along the arc, stamped over the text, not truth) and
QR-like blocks by the same rasteriser. Five layouts of its own (birth medical certificate,
rural and urban residents' pension enrolment, used-car transaction register, pollutant
discharge permit, certificate of no criminal record); its own people, enterprises and
check-character code; its own capture profiles (mfp-sepia-220, phone-overhead-cool,
bilevel-ccitt-200, archive-rescan-150). Every page's truth is checked as it is built
against the characters whose outlines left ink, a multiset of characters.

`pdfkit` is another, made apart from all of the above (`pdfkit_*` modules and
`pdfkit_render.mjs`, sharing no code with them): each batch of pages laid out by node's
pdfkit (npm; its own line breaking, fontkit's font subsets) into one PDF, rasterised at
300 ppi by pdf.js (npm `pdfjs-dist`) on @napi-rs/canvas, its own font parser turning the
glyphs into paths (no system font, no font face). Faces TeX Live's Fandol faces (Debian
`texlive-lang-chinese`, read from their files): FandolSong Regular and Bold, FandolFang,
FandolHei Bold and Regular for print, FandolKai for entries by hand (each character
moved, turned and scaled); seals' words are fontkit glyph outlines multiplied over the
text, QR-like blocks rectangles, neither text. Five layouts of its own (housing lease
filing certificate, drug business licence duplicate, legal aid application, dog
registration application, urban drainage permit); its own people, enterprises and
check-character code; its own capture profiles (sheetfed-jpeg-180, phone-angle-warm,
copy-of-copy-grey, fax-standard-bw). Every page's truth is checked as it is built,
character for character in order, against the text pdf.js finds in the PDF.

`latex` is another, made apart from all of the above (`latex_*` modules, sharing no code
with them): each batch of pages is written as one LaTeX document and compiled offline by
LuaLaTeX (TeX Live from Debian: luatexja for Chinese line breaking, fontspec, array and
tabularx, TikZ, xcolor; no hyphenation), so TeX's own ruled tables (`\\hline` and `\\cline`,
labels centred over merged rows, p-columns that wrap, spanned cells) and paragraph breaking
make the pages; each PDF page is rasterised at 300 ppi by PDFium (pypdfium2). Faces loaded
from their files only: Chiron Sung HK (print, and a heavier instance for titles and seal
words) and Chiron Hei HK Italic (entries filled in by hand, in ballpoint blue), from npm's
chiron-sung-hk-webfont and chiron-hei-hk-webfont (variable CFF2 faces split into WOFF2
pieces, joined by fontTools into static OpenType faces in a cache the first time they are
needed), Latin Modern Roman (lmodern) for Latin letters and digits in print; every
character checked against the cmap of the face that draws it, and the PDF checked to embed
no other face. Seals (ring words as glyph outlines filled by TikZ, multiplied over the
text) and QR-like blocks (rectangles) are paths, not text. Six layouts of its own (food
business licence application with merged cells and check boxes, shareholders'
contributions table, landscape business licence duplicate in two columns with a QR-like
block and a seal over the date, power of attorney with blanks filled in, one-time notice of
materials to supply with a numbered list and a seal, first page of a house lease); its own
people (compound surnames and rarer given names), enterprises and check-character code;
its own capture profiles (doccam-200-uneven, bilevel-300-speckle, phone-tilt-jpeg,
faded-copy-streaks). The TeX source and the truth are written together in reading order
(`latex_doc.Page`), and every page's truth is checked as it is built, character for
character in order, against the text PDFium finds on its page of the PDF.

`satori` is another, made apart from all of the above (`satori_*` modules and
`satori_render.mjs`, sharing no code with them): each page is a tree of plain element
objects (what JSX compiles to, written without a build step) laid out by Vercel's satori
(npm; its own Yoga flexbox layout and line breaking, text turned into SVG paths) and
rasterised at 300 ppi by @resvg/resvg-js, a batch of pages per node run; tables are flex
rows of bordered boxes. Faces from their files only, subset per batch by fontTools to the
characters each role draws: Noto Serif CJK SC Medium (print) with IBM Plex Sans (npm
@fontsource, Latin and digits in print), Noto Sans CJK SC Bold (titles, labels of
sections, seal words) and Noto Sans CJK SC Light (entries by hand, ballpoint blue, each
a little turned and off the line), every character checked against the cmap of the face
that draws it. Seals (ring words as glyph outlines in an SVG image) and QR-like blocks
(squares in an SVG image) are not text. Six layouts of its own (minimum living allowance
application with a household members table, landscape business licence duplicate in two
columns with a QR-like block and a seal over the date, enterprise change registration with
before/after columns, notice of acceptance with a numbered list of materials, housing
provident fund contribution certificate with a table of twelve months, power of attorney
with check boxes); its own people (compound surnames and rarer given names), enterprises
and check-character code; its own capture profiles (duplex-gray-240, desk-phone-shadow,
second-copy-dropout, textured-color-200). Satori leaves no text layer, so every page is
checked as it is built: each page is rendered a second time with all text transparent and
the difference must be ink inside every run's box and nowhere else, every run's box inside
its parent's and the page, no two runs overlapping, and the runs satori laid out, in its
order, must be the model's runs and the truth, character for character.

`java2d` is another, made apart from all of the above (`java2d_*` modules and
`java2d_render.java`, sharing no code with them): pages drawn by OpenJDK 17's Java2D,
headless, with Graphics2D on a 300 ppi A4 BufferedImage (landscape for the licence),
antialiased text through Java's own text stack: TextLayout for single lines,
LineBreakMeasurer over an AttributedString for wrapped prose, entries by hand inline in
another face; one JVM draws a batch of pages from the page model Python writes as JSON.
Faces from their files only (Font.createFont and deriveFont, never a logical font, so there
is no fallback), every character checked with Font.canDisplay and for a non-empty glyph
outline: Cactus Classical Serif (@fontsource/cactus-classical-serif, a Ming face: the print
of labels, forms, tables and prose), Chocolate Classical Sans
(@fontsource/chocolate-classical-sans, a hei: titles in Java's derived bold, typed
entries), WDXL Lubrifont SC (@fontsource/wdxl-lubrifont-sc: the licence's title and every
seal's ring words), their WOFF2 pieces joined by fontTools into TrueType files in a cache
the first time they are needed, and Klee One SemiBold (Debian fonts-klee, a pen-written
Japanese face: entries by hand in blue or black, turned and off the line; it lacks many
simplified characters, so whoever writes by hand has a name and entries it carries). No
free FangSong face no other corpus uses could be found among the registries' packages.
Seals (ring, star and ring words as glyph outlines along the arc, multiplied over the text)
and QR-like blocks (rectangles) are not text; rules, boxes and check boxes are lines and
rectangles. Six layouts of its own (landscape business licence duplicate in two columns
with a QR-like block and the seal over the date, individual business registration form
as a ruled table with merged cells and check boxes, roster of insured employees of 15-22
rows, one-time correction notice with a numbered list and the hall's seal, power of
attorney in prose with entries by hand inline, copy of both sides of a resident ID card
with a note by hand); its own people (compound surnames and rarer given names),
enterprises and check-character code; its own capture profiles (counter-gray-flatbed,
copier-adf-mono, phone-desk-lamp, fax-fine-relay). Java reports every run it drew, in its
order, with its face and pixel box (the lines LineBreakMeasurer broke prose into
included), and every page's truth is checked as it is built against those runs,
character for character in order.

`ps` is another, made apart from all of the above (`ps_*` modules, sharing no code with
them): each batch of pages is written by Python as one PostScript program that Ghostscript
(`gs`, Debian ghostscript) draws at 300 ppi A4 (landscape for the licence). Text is shown
as glyph ids in Identity-H composite fonts whose CIDFonts are the corpus's TrueType faces,
mapped through a cidfmap of its own (CID = glyph id); lines are broken by the corpus's own
code on the faces' hmtx advances (digits and Latin kept whole, no line opening on closing
punctuation); rules are lineto/stroke, boxes and check boxes squares with a pen stroke,
QR-like blocks rectfill. Faces from npm only, their WOFF2 pieces joined by fontTools into
one TrueType file each in a cache the first time they are needed, every character checked
in its face's cmap, for a glyph with an outline and for a glyph no other character shares:
Chiron GoRound TC (@fontsource/chiron-goround-tc, a rounded hei carrying nearly all of
GB 2312: weight 400 for the print, 700 for titles, labels and seal words) and Huninn
(@fontsource/huninn, jf open 粉圓: entries by hand in blue or black, each glyph turned and
shifted a little; it carries mostly traditional characters, so whoever writes by hand has
a name and entries it carries). No free Song or FangSong face no other corpus uses could be
found among the registries' packages. Seals are drawn by Ghostscript on a page of their own
(ring, star, ring words as charpath outlines) and multiplied over the page; they are not
text. Six layouts of its own (enterprise deregistration application as a ruled table with
merged cells and check boxes, landscape business licence duplicate in two columns with a
QR-like block and the seal over the date, power of attorney in prose with entries by hand
inline and check boxes, roster of 12-20 insured people, one-time correction notice with a
numbered list and the hall's seal, copy of both sides of a resident ID card with a note by
hand); its own people (compound surnames and rarer given names), enterprises, districts and
check characters (GB 11643, GB 32100 with GB 11714 inside); its own capture profiles
(flatbed-gray-300, phone-window-light, mfp-copy-bw, fax-fine-204). Ghostscript reports
every run it drew, from inside the program, with its glyph ids and its ink box in device
pixels (charpath and pathbbox), and each page's truth is checked as it is built against
those runs, in order, glyph for glyph, each run with ink on the page.

Everything is generated from a seed at bench time; nothing here is committed as an image.
An import-linter contract keeps `ocr`, `cases`, `api`, `models` and `sample_scans` from
importing this package, and this package from importing them: the pipeline cannot be
tuned to it by accident. Whoever looks at these pages' errors to decide a change to the
pipeline must say so and treat the corpus as a tuning corpus from then on.
"""

from reporting_corpora.build import CAPTURES, CORPORA, CORPUS_CAPTURES, ReportPage, build

__all__ = ["CAPTURES", "CORPORA", "CORPUS_CAPTURES", "ReportPage", "build"]
