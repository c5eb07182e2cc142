// A small box layout over the canvas: elements that measure their height for a given width and draw at
// a position, composed into stacks, columns and boxes; then blocks, placed on A4 pages with page breaks
// between them. Measuring and drawing run the same code (Pass), so what was measured is what is drawn.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pdf/pdf_canvas.h"

namespace prorata::report::pdf {

struct Frame {
  Units x = 0;
  Units y = 0;
  Units width = 0;
};

enum class Pass : std::uint8_t { measure, draw };

// Lays itself out in the frame's width from its top, draws when asked, and returns the height it takes.
using Element = std::function<Units(Canvas&, Frame, Pass)>;

Element text(Runs runs, Style style);
Element text(std::string text, Style style);
// Text kept on one line (a document number): set at the style's size, or smaller down to
// `min_size_tenths_pt` until it fits the width; past that it runs out of the frame rather than wrap.
Element single_line(std::string text, Style style, std::int32_t min_size_tenths_pt);
Element spacer(Units height);
Element rule(Colour colour, Units thickness);
Element stack(std::vector<Element> elements, Units gap = 0);

// Columns side by side; a column of width 0 shares what the fixed ones leave. The row is as tall as its
// tallest column.
struct Column {
  Units width = 0;
  Element element;
};
Element columns(std::vector<Column> parts, Units gap);

struct BoxStyle {
  std::optional<Colour> fill;
  std::optional<Colour> border;
  Units border_thickness = pt_tenths(5);
  Units padding_x = pt(6);
  Units padding_y = pt(4);
};
Element box(Element inner, BoxStyle style);

// What pages place: an element, the space above it (dropped at the top of a page), whether it must stay
// on the page of the block after it (headings), and the block to repeat above it when it opens a page
// (a table's header row above its continued rows).
struct Block {
  Element element;
  Units space_before = 0;
  bool keep_with_next = false;
  std::optional<std::size_t> repeat_header;
};

struct PageGeometry {
  Units margin_x = pt(50);
  Units top_first = pt(44);    // where page 1 starts
  Units top_next = pt(70);     // continuation pages start below their running header
  Units bottom = page_height - pt(56);  // above the footer
};

// Drawn on every page over its blocks: watermark, running header, footer with "page i/n".
using Furniture = std::function<void(Canvas&, std::size_t page_index, std::size_t page_count)>;

// Places the blocks on as many pages as they need, draws them and returns the PDF bytes.
std::string render_document(const Metadata& metadata, const std::vector<Block>& blocks, const PageGeometry& geometry,
                            const Furniture& furniture);

}  // namespace prorata::report::pdf
