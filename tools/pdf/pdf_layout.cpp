#include "pdf/pdf_layout.h"

#include <algorithm>
#include <utility>

#include "core/assert.h"

namespace prorata::report::pdf {

namespace {

// Where one block goes: its index and the top of it on its page.
struct Placement {
  std::size_t block = 0;
  Units top = 0;
};
using Page = std::vector<Placement>;

constexpr std::size_t pages_max = 1'000;  // a settlement of limits::contributors_max rows fits easily

Units height_of(Canvas& canvas, const Block& block, Units width) {
  return block.element(canvas, Frame{0, 0, width}, Pass::measure);
}

// The parent of pagination: walks the blocks once, opening a page when the next one (with the block it
// keeps with) does not fit, and repeating a table's header above rows continued on a new page.
std::vector<Page> paginate(Canvas& canvas, const std::vector<Block>& blocks, const PageGeometry& geometry) {
  const Units width = page_width - 2 * geometry.margin_x;
  std::vector<Units> heights;
  heights.reserve(blocks.size());
  for (const Block& block : blocks) heights.push_back(height_of(canvas, block, width));

  std::vector<Page> pages(1);
  Units y = geometry.top_first;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Units needed = heights[i];
    if (blocks[i].keep_with_next && i + 1 < blocks.size()) needed += blocks[i + 1].space_before + heights[i + 1];
    const Units space = pages.back().empty() ? 0 : blocks[i].space_before;
    if (!pages.back().empty() && y + space + needed > geometry.bottom) {
      PRORATA_ASSERT(pages.size() < pages_max);
      pages.emplace_back();
      y = geometry.top_next;
      if (blocks[i].repeat_header) {
        const std::size_t header = *blocks[i].repeat_header;
        PRORATA_ASSERT(header < i);
        pages.back().push_back({header, y});
        y += heights[header];
      }
    } else {
      y += space;
    }
    pages.back().push_back({i, y});
    y += heights[i];
  }
  return pages;
}

}  // namespace

Element text(Runs runs, Style style) {
  return [runs = std::move(runs), style](Canvas& canvas, Frame frame, Pass pass) {
    if (pass == Pass::draw) canvas.text(runs, style, frame.x, frame.y, frame.width);
    return canvas.text_height(runs, style, frame.width);
  };
}

Element text(std::string text_, Style style) { return text(Runs{{std::move(text_), false}}, style); }

Element single_line(std::string text_, Style style, std::int32_t min_size_tenths_pt) {
  PRORATA_ASSERT(min_size_tenths_pt > 0 && min_size_tenths_pt <= style.size_tenths_pt);
  return [runs = Runs{{std::move(text_), false}}, style, min_size_tenths_pt](Canvas& canvas, Frame frame, Pass pass) {
    Style fitted = style;
    Units width = canvas.natural_width(runs, fitted);
    while (width > frame.width && fitted.size_tenths_pt > min_size_tenths_pt) {
      fitted.size_tenths_pt = std::max(min_size_tenths_pt, fitted.size_tenths_pt - 5);
      width = canvas.natural_width(runs, fitted);
    }
    // Laid out wider than the text, so Pango never wraps it; aligned within the frame, or past its left
    // edge when even the smallest size is too wide.
    const Units layout_width = std::max(frame.width, width + pt(2));
    const Units overflow = layout_width - frame.width;
    const Units x = fitted.align == Align::left ? frame.x
                    : fitted.align == Align::right ? frame.x - overflow
                                                   : frame.x - overflow / 2;
    if (pass == Pass::draw) canvas.text(runs, fitted, x, frame.y, layout_width);
    return canvas.text_height(runs, fitted, layout_width);
  };
}

Element spacer(Units height) {
  PRORATA_ASSERT(height >= 0);
  return [height](Canvas&, Frame, Pass) { return height; };
}

Element rule(Colour colour, Units thickness) {
  PRORATA_ASSERT(thickness > 0);
  return [colour, thickness](Canvas& canvas, Frame frame, Pass pass) {
    if (pass == Pass::draw) canvas.hline(frame.x, frame.y + thickness / 2, frame.width, colour, thickness);
    return thickness;
  };
}

Element stack(std::vector<Element> elements, Units gap) {
  return [elements = std::move(elements), gap](Canvas& canvas, Frame frame, Pass pass) {
    Units height = 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      if (i > 0) height += gap;
      height += elements[i](canvas, Frame{frame.x, frame.y + height, frame.width}, pass);
    }
    return height;
  };
}

Element columns(std::vector<Column> parts, Units gap) {
  PRORATA_ASSERT(!parts.empty());
  return [parts = std::move(parts), gap](Canvas& canvas, Frame frame, Pass pass) {
    Units fixed = gap * static_cast<Units>(parts.size() - 1);
    Units shared_count = 0;
    for (const Column& part : parts) {
      fixed += part.width;
      shared_count += part.width == 0 ? 1 : 0;
    }
    const Units shared = shared_count == 0 ? 0 : (frame.width - fixed) / shared_count;  // floor
    PRORATA_ASSERT(shared_count == 0 || shared > 0);
    Units x = frame.x;
    Units height = 0;
    for (const Column& part : parts) {
      const Units width = part.width == 0 ? shared : part.width;
      if (part.element) height = std::max(height, part.element(canvas, Frame{x, frame.y, width}, pass));
      x += width + gap;
    }
    return height;
  };
}

Element box(Element inner, BoxStyle style) {
  return [inner = std::move(inner), style](Canvas& canvas, Frame frame, Pass pass) {
    const Frame inside{frame.x + style.padding_x, frame.y + style.padding_y, frame.width - 2 * style.padding_x};
    PRORATA_ASSERT(inside.width > 0);
    const Units height = inner(canvas, inside, Pass::measure) + 2 * style.padding_y;
    if (pass == Pass::draw) {
      if (style.fill) canvas.fill_rect(frame.x, frame.y, frame.width, height, *style.fill);
      if (style.border) {
        canvas.stroke_rect(frame.x, frame.y, frame.width, height, *style.border, style.border_thickness);
      }
      inner(canvas, inside, Pass::draw);
    }
    return height;
  };
}

std::string render_document(const Metadata& metadata, const std::vector<Block>& blocks, const PageGeometry& geometry,
                            const Furniture& furniture) {
  PRORATA_ASSERT(!blocks.empty());
  Canvas canvas(metadata);
  const std::vector<Page> pages = paginate(canvas, blocks, geometry);
  const Units width = page_width - 2 * geometry.margin_x;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const Placement& placed : pages[p]) {
      PRORATA_ASSERT(placed.top >= 0 && placed.top < page_height);
      blocks[placed.block].element(canvas, Frame{geometry.margin_x, placed.top, width}, Pass::draw);
    }
    furniture(canvas, p, pages.size());
    canvas.end_page();
  }
  return canvas.finish();
}

}  // namespace prorata::report::pdf
