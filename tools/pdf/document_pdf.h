// The two accounting documents (core/documents.h) as A4 PDF, drawn with Cairo and Pango: the same
// content as report/document_text.h, laid out as a French administrative document (header with the
// creditor, title, boxed amount, payment instructions, signature), over as many pages as it needs.
// The same document and options always give the same bytes.
#pragma once
#include <string>

#include "core/calendar.h"
#include "core/documents.h"

namespace prorata::report {

struct PdfOptions {
  Date creation_date;  // written as the PDF's creation and modification dates (no clock is read)
};

std::string statement_pdf(const StatementDocument& document, const PdfOptions& options);
std::string refund_notice_pdf(const RefundNotice& notice, const PdfOptions& options);

}  // namespace prorata::report
