// Cairo and Pango behind integer units. Every `double` of the PDF renderer is in this file: Cairo's API
// takes doubles, so units are converted at each call site and nowhere else.
#include "pdf/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <string>

#include "core/assert.h"

namespace prorata::report::pdf {

static_assert(units_per_pt == PANGO_SCALE, "positions are Pango units");

}  // namespace prorata::report::pdf

#if defined(__SANITIZE_ADDRESS__)
// Fontconfig keeps its process-wide configuration until exit on purpose (288 bytes, allocated once, not
// per document); LeakSanitizer would count it and fail every sanitized run that draws a PDF.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif

namespace prorata::report::pdf {

namespace {

double to_pt(Units value) { return static_cast<double>(value) / static_cast<double>(units_per_pt); }
double to_unit_interval(std::uint8_t channel) { return static_cast<double>(channel) / 255.0; }

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, Colour colour) {
  cairo_set_source_rgb(cr, to_unit_interval(colour.red), to_unit_interval(colour.green),
                       to_unit_interval(colour.blue));
}

// Outlines at their exact size: no hinting, no metrics rounded to a pixel grid a PDF does not have.
void configure_context(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context, 72.0);  // font sizes in points = user-space units
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_context_set_language(context, pango_language_from_string("fr-fr"));
}

PangoFontDescription* font_of(const Style& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family == Family::serif ? "DejaVu Serif" : "DejaVu Sans");
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size(font, style.size_tenths_pt * PANGO_SCALE / 10);
  return font;
}

PangoAlignment alignment_of(Align align) {
  switch (align) {
    case Align::left: return PANGO_ALIGN_LEFT;
    case Align::centre: return PANGO_ALIGN_CENTER;
    case Align::right: return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

// A layout of the runs, wrapped to `width`; the caller owns it (g_object_unref).
PangoLayout* layout_of(PangoContext* context, const Runs& runs, const Style& style, Units width) {
  PRORATA_ASSERT(width > 0);
  std::string text;
  PangoAttrList* attributes = pango_attr_list_new();
  for (const Run& run : runs) {
    if (run.bold && !run.text.empty()) {
      PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
      bold->start_index = static_cast<guint>(text.size());
      bold->end_index = static_cast<guint>(text.size() + run.text.size());
      pango_attr_list_insert(attributes, bold);
    }
    text += run.text;
  }
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* font = font_of(style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, width);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, alignment_of(style.align));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout, attributes);
  pango_attr_list_unref(attributes);
  return layout;
}

}  // namespace

struct Canvas::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;
};

Canvas::Canvas(const Metadata& metadata) : impl_(std::make_unique<Impl>()) {
  impl_->surface = cairo_pdf_surface_create_for_stream(append_to_string, &impl_->bytes, to_pt(page_width),
                                                       to_pt(page_height));
  cairo_pdf_surface_restrict_to_version(impl_->surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.create_date.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.mod_date.c_str());
  impl_->cr = cairo_create(impl_->surface);
  // A font map of our own rather than the process-wide default: nothing cached by another caller.
  impl_->font_map = pango_cairo_font_map_new();
  impl_->context = pango_font_map_create_context(impl_->font_map);
  configure_context(impl_->context);
  pango_cairo_update_context(impl_->cr, impl_->context);
  PRORATA_ASSERT(cairo_status(impl_->cr) == CAIRO_STATUS_SUCCESS);
}

Canvas::~Canvas() {
  if (impl_->context != nullptr) g_object_unref(impl_->context);
  if (impl_->font_map != nullptr) g_object_unref(impl_->font_map);
  if (impl_->cr != nullptr) cairo_destroy(impl_->cr);
  if (impl_->surface != nullptr) cairo_surface_destroy(impl_->surface);
}

Units Canvas::text_height(const Runs& runs, const Style& style, Units width) {
  PangoLayout* layout = layout_of(impl_->context, runs, style, width);
  int layout_width = 0;
  int layout_height = 0;
  pango_layout_get_size(layout, &layout_width, &layout_height);
  g_object_unref(layout);
  PRORATA_ASSERT(layout_height >= 0);
  return layout_height;
}

Units Canvas::natural_width(const Runs& runs, const Style& style) {
  PangoLayout* layout = layout_of(impl_->context, runs, style, page_width);
  pango_layout_set_width(layout, -1);  // one line, however long
  int layout_width = 0;
  int layout_height = 0;
  pango_layout_get_size(layout, &layout_width, &layout_height);
  g_object_unref(layout);
  PRORATA_ASSERT(layout_width >= 0);
  return layout_width;
}

void Canvas::text(const Runs& runs, const Style& style, Units x, Units y, Units width) {
  PangoLayout* layout = layout_of(impl_->context, runs, style, width);
  set_colour(impl_->cr, style.colour);
  cairo_move_to(impl_->cr, to_pt(x), to_pt(y));
  pango_cairo_show_layout(impl_->cr, layout);
  g_object_unref(layout);
}

void Canvas::fill_rect(Units x, Units y, Units width, Units height, Colour colour) {
  set_colour(impl_->cr, colour);
  cairo_rectangle(impl_->cr, to_pt(x), to_pt(y), to_pt(width), to_pt(height));
  cairo_fill(impl_->cr);
}

void Canvas::stroke_rect(Units x, Units y, Units width, Units height, Colour colour, Units thickness) {
  set_colour(impl_->cr, colour);
  cairo_set_line_width(impl_->cr, to_pt(thickness));
  cairo_rectangle(impl_->cr, to_pt(x), to_pt(y), to_pt(width), to_pt(height));
  cairo_stroke(impl_->cr);
}

void Canvas::hline(Units x, Units y, Units width, Colour colour, Units thickness) {
  fill_rect(x, y - thickness / 2, width, thickness, colour);
}

void Canvas::watermark(const std::string& text, Colour colour, std::int32_t opacity_percent) {
  PRORATA_ASSERT(opacity_percent > 0 && opacity_percent <= 100);
  cairo_t* cr = impl_->cr;
  cairo_save(cr);
  cairo_translate(cr, to_pt(page_width / 2), to_pt(page_height / 2));
  // Along the page's diagonal, rising from bottom left (y grows downwards, hence the minus).
  cairo_rotate(cr, -std::atan2(to_pt(page_height), to_pt(page_width)));
  pango_cairo_update_context(cr, impl_->context);
  Style style{.family = Family::sans, .size_tenths_pt = 960, .bold = true, .align = Align::centre, .colour = colour};
  PangoLayout* layout = layout_of(impl_->context, {{text, true}}, style, page_height);
  int layout_width = 0;
  int layout_height = 0;
  pango_layout_get_size(layout, &layout_width, &layout_height);
  cairo_set_source_rgba(cr, to_unit_interval(colour.red), to_unit_interval(colour.green),
                        to_unit_interval(colour.blue), static_cast<double>(opacity_percent) / 100.0);
  cairo_move_to(cr, -to_pt(page_height / 2), -to_pt(layout_height / 2));
  // As outlines, not text: the mark is seen but neither copied with the words nor extracted among them.
  pango_cairo_layout_path(cr, layout);
  cairo_fill(cr);
  g_object_unref(layout);
  cairo_restore(cr);
  pango_cairo_update_context(cr, impl_->context);
}

void Canvas::end_page() {
  cairo_show_page(impl_->cr);
  PRORATA_ASSERT(cairo_status(impl_->cr) == CAIRO_STATUS_SUCCESS);
}

std::string Canvas::finish() {
  PRORATA_ASSERT(impl_->cr != nullptr);
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  PRORATA_ASSERT(cairo_surface_status(impl_->surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  return std::move(impl_->bytes);
}

}  // namespace prorata::report::pdf
