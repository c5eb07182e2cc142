// The yearly management report (core/management_report.h) as A4 PDF: the same content and sentences
// as report/management_report_text.h, drawn with the parts of the other documents (pdf_parts.h). A
// preview is marked PROJET on every page (a stamp, the see-through watermark and the footer). The same
// report and options always give the same bytes: the PDF's dates come from the options (the report's
// date), never from the clock.
#pragma once
#include <string>

#include "core/management_report.h"
#include "pdf/document_pdf.h"

namespace prorata::report {

std::string management_report_pdf(const ManagementReport& report, const PdfOptions& options);

}  // namespace prorata::report
