#!/usr/bin/env python3
"""ReportLab baseline for the throughput of Steerco's PDF pack.

What it measures: how long ReportLab (platypus) takes to lay out and write a PDF of N pages of
the same kind Steerco's PDF pack produces, and from that the pages per second. The issue names
ReportLab as the baseline: Steerco's pages per second must be at least 4x ReportLab's on pages of
the same kind. This script is that baseline, so it does the work the fair way round: a layout
engine, a real embedded (subset) TrueType font and two-pass page numbering, not a hand-placed
canvas shortcut.

Each page, A4 portrait with 2 cm margins:
  - a heading, DejaVu Sans Bold 16 pt;
  - a table of 6 columns: a header row shaded light grey plus 10 body rows, 9 pt DejaVu Sans,
    grid lines on every cell;
  - a paragraph of 120 words, 10 pt DejaVu Sans, wrapped to the text width;
  - a footer "Page X of Y", which needs the total page count and so uses the two-pass
    canvasmaker pattern (NumberedCanvas below keeps every page's state and draws the footers
    when the document is saved).
The cell and paragraph text depend on the page number, so no page is a copy of another.

What is timed: building the story and doc.build() writing the file, once per run. Font
registration (parsing the TTF files) happens once, before the first run, as Steerco loads its
fonts once per process. ReportLab's defaults are kept (page compression on). The median of
--repeat runs is reported.

Output: exactly one line of JSON on stdout,
  {"tool": "reportlab", "version": ..., "pages": N, "seconds_median": ...,
   "pages_per_second": ..., "bytes": ...}
where bytes is the size of the PDF written. Exits 1, with the reason on stderr, when reportlab
cannot be imported, a font is missing, or the output does not have exactly N pages.

Usage:
  pip install reportlab
  python3 crates/reports/benches/reportlab_pages.py [--pages 500] [--repeat 3]
      [--out PATH] [--font-dir DIR]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

# This file is crates/reports/benches/reportlab_pages.py; the repository root is three up.
REPO_FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"
SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

BODY_ROWS = 10
COLUMNS = ["Use case", "Owner", "Stage", "Status", "Value (k€)", "Review"]
STATUSES = ["On track", "At risk", "Blocked", "Done", "Paused"]
STAGES = ["Idea", "Pilot", "Build", "Run", "Retire"]
OWNERS = ["A. Martin", "B. Chen", "C. Okafor", "D. Silva", "E. Novak", "F. Haddad", "G. Rossi"]
PARAGRAPH_WORDS = 120
VOCABULARY = (
    "the steering committee reviewed portfolio value delivery risk adoption model data "
    "quality pilot rollout budget forecast quarter milestone dependency owner evidence "
    "approval governance review metric baseline target variance decision action follow "
    "escalation scope benefit cost timeline vendor integration monitoring drift retraining "
    "audit control sign off release customer operations finance compliance"
).split()


def fail(message):
    print(f"reportlab_pages: {message}", file=sys.stderr)
    sys.exit(1)


try:
    import reportlab
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
except ImportError as error:
    fail(f"reportlab is not importable ({error}); install it with: pip install reportlab")


MARGIN = 2 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN


class NumberedCanvas(canvas.Canvas):
    """Defers every page until save(), when the total is known, then writes "Page X of Y"."""

    def __init__(self, *args, **kwargs):
        # The canvas starts each page in Helvetica unless told otherwise, which would put an
        # unembedded base-14 font in the file; DejaVu Sans is the only font the pages use.
        # (platypus passes initialFontName=None explicitly, so replace None, not only absence.)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT_REGULAR
        super().__init__(*args, **kwargs)
        self._saved_page_states = []

    def showPage(self):
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total):
        self.saveState()
        self.setFont(FONT_REGULAR, 9)
        self.drawCentredString(A4[0] / 2, MARGIN / 2, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def register_fonts(font_dir):
    for name, file_name in FONT_FILES.items():
        path = font_dir / file_name
        if not path.is_file():
            fail(f"font file not found: {path} (pass --font-dir DIR holding "
                 f"{' and '.join(FONT_FILES.values())})")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD)


def default_font_dir():
    if all((REPO_FONT_DIR / f).is_file() for f in FONT_FILES.values()):
        return REPO_FONT_DIR
    return SYSTEM_FONT_DIR


HEADING_STYLE = ParagraphStyle(
    "heading", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=10)
BODY_STYLE = ParagraphStyle("body", fontName=FONT_REGULAR, fontSize=10, leading=13)
TABLE_STYLE = TableStyle([
    ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
    ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
    ("FONTSIZE", (0, 0), (-1, -1), 9),
    ("LEADING", (0, 0), (-1, -1), 11),
    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("ALIGN", (4, 1), (4, -1), "RIGHT"),
])


def table_rows(page):
    rows = [COLUMNS]
    for r in range(BODY_ROWS):
        k = page * BODY_ROWS + r
        rows.append([
            f"UC-{page:04d}-{r + 1:02d}",
            OWNERS[k % len(OWNERS)],
            STAGES[(k // 3) % len(STAGES)],
            STATUSES[(k * 7) % len(STATUSES)],
            f"{(k * 37) % 9000 / 10 + 12.5:,.1f}",
            f"2025-{(k % 12) + 1:02d}-{(k % 28) + 1:02d}",
        ])
    return rows


def paragraph_text(page):
    n = len(VOCABULARY)
    words = [VOCABULARY[(page * 13 + i * 7) % n] for i in range(PARAGRAPH_WORDS - 3)]
    words[0] = words[0].capitalize()
    return f"Page {page} summary: " + " ".join(words) + "."


def build_story(pages):
    story = []
    for page in range(1, pages + 1):
        story.append(Paragraph(f"Portfolio review — section {page}", HEADING_STYLE))
        story.append(Table(table_rows(page), colWidths=[TEXT_WIDTH / len(COLUMNS)] * len(COLUMNS),
                           style=TABLE_STYLE, hAlign="LEFT"))
        story.append(Spacer(1, 12))
        story.append(Paragraph(paragraph_text(page), BODY_STYLE))
        if page < pages:
            story.append(PageBreak())
    return story


def render(pages, out_path):
    """One timed run: lay out and write the PDF; returns (seconds, pages written)."""
    start = time.perf_counter()
    doc = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN, initialFontName=FONT_REGULAR,
        title="ReportLab baseline", author="Steerco bench")
    doc.build(build_story(pages), canvasmaker=NumberedCanvas)
    seconds = time.perf_counter() - start
    return seconds, doc.page


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per PDF (default 500)")
    parser.add_argument("--out", type=Path, help="PDF to write (default: a temporary file, removed)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the median is reported (default 3)")
    parser.add_argument("--font-dir", type=Path, default=None,
                        help="folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf "
                             f"(default {REPO_FONT_DIR} if they are there, else {SYSTEM_FONT_DIR})")
    args = parser.parse_args()
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    register_fonts(args.font_dir or default_font_dir())

    with tempfile.TemporaryDirectory(prefix="reportlab_pages_") as tmp:
        out_path = args.out or Path(tmp) / "reportlab_pages.pdf"
        times = []
        for _ in range(args.repeat):
            seconds, written = render(args.pages, out_path)
            if written != args.pages:
                fail(f"wrote {written} pages, expected {args.pages}: a page overflowed its frame")
            times.append(seconds)
        size = os.path.getsize(out_path)

    median = statistics.median(times)
    print(json.dumps({
        "tool": "reportlab",
        "version": reportlab.Version,
        "pages": args.pages,
        "seconds_median": round(median, 4),
        "pages_per_second": round(args.pages / median, 2),
        "bytes": size,
    }))


if __name__ == "__main__":
    main()
