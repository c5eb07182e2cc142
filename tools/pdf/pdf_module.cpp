#include "pdf/pdf_module.h"

#include "pdf/management_report_pdf.h"

extern "C" const prorata::report::PdfRenderers* prorata_pdf_renderers() {
  using namespace prorata::report;
  static const PdfRenderers renderers = [] {
    PdfRenderers table = pdf_renderers_as_compiled();
    table.statement = statement_pdf;
    table.refund_notice = refund_notice_pdf;
    table.reversal_order = reversal_order_pdf;
    table.cancellation = cancellation_pdf;
    table.management_report = management_report_pdf;
    return table;
  }();
  return &renderers;
}
