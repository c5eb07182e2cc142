// A drawing surface for one PDF document, in whole units: the only part of prorata that talks to Cairo and
// Pango, and the only place where a coordinate becomes a floating-point number (at the Cairo call sites in
// pdf_canvas.cpp). Everything else positions text and boxes with integer Pango units (1/1024 pt), and
// money arrives here as text that core/money.h already formatted.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace prorata::report::pdf {

using Units = std::int32_t;                    // Pango units: 1/1024 of a PostScript point
inline constexpr Units units_per_pt = 1'024;   // == PANGO_SCALE (checked in pdf_canvas.cpp)

constexpr Units pt(std::int32_t points) { return points * units_per_pt; }
constexpr Units pt_tenths(std::int32_t tenths) { return tenths * units_per_pt / 10; }

// ISO 216 A4 (210 × 297 mm) in thousandths of a point, then in units (rounded down: 0.6 unit is nothing).
inline constexpr std::int32_t a4_width_mpt = 595'276;
inline constexpr std::int32_t a4_height_mpt = 841'890;
inline constexpr Units page_width = a4_width_mpt / 1'000 * units_per_pt + a4_width_mpt % 1'000 * units_per_pt / 1'000;
inline constexpr Units page_height = a4_height_mpt / 1'000 * units_per_pt + a4_height_mpt % 1'000 * units_per_pt / 1'000;
static_assert(page_width > pt(595) && page_width < pt(596));
static_assert(page_height > pt(841) && page_height < pt(842));

struct Colour {
  std::uint8_t red = 0;
  std::uint8_t green = 0;
  std::uint8_t blue = 0;
};

enum class Family : std::uint8_t { sans, serif };  // DejaVu Sans, DejaVu Serif (fonts-dejavu-core)
enum class Align : std::uint8_t { left, centre, right };

struct Style {
  Family family = Family::sans;
  std::int32_t size_tenths_pt = 90;  // 9 pt
  bool bold = false;
  bool italic = false;
  Align align = Align::left;
  Colour colour{};
};

// A piece of a paragraph; bold runs are set in the bold face of the paragraph's family.
struct Run {
  std::string text;
  bool bold = false;
};
using Runs = std::vector<Run>;

// The document information dictionary. Dates are ISO 8601 ("2020-12-31T00:00:00Z"): set explicitly so
// that the same document always gives the same bytes.
struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string creator;
  std::string create_date;
  std::string mod_date;
};

class Canvas {
 public:
  explicit Canvas(const Metadata& metadata);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Height of the paragraph wrapped (at word boundaries) to `width`.
  [[nodiscard]] Units text_height(const Runs& runs, const Style& style, Units width);
  void text(const Runs& runs, const Style& style, Units x, Units y, Units width);
  // Width of the runs set on one line, unwrapped.
  [[nodiscard]] Units natural_width(const Runs& runs, const Style& style);

  void fill_rect(Units x, Units y, Units width, Units height, Colour colour);
  void stroke_rect(Units x, Units y, Units width, Units height, Colour colour, Units thickness);
  void hline(Units x, Units y, Units width, Colour colour, Units thickness);
  // Large text along the page's diagonal, see-through (`opacity_percent` of 100 is opaque), drawn over
  // what is already on the page so that no filled box hides it.
  void watermark(const std::string& text, Colour colour, std::int32_t opacity_percent);

  void end_page();
  // Closes the document and gives its bytes; the canvas cannot draw afterwards.
  [[nodiscard]] std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace prorata::report::pdf
