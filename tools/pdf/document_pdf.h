// The accounting documents (core/document_types.h) as A4 PDF, drawn with Cairo and Pango: the same
// content as report/document_text.h (the words of report/document_words.h), laid out as a French
// administrative document (header with the issuer, number and title, boxed amount, payment instructions,
// signature), over as many pages as it needs. A preview is marked PROJET and a provisional notice
// PROVISOIRE on every page. The same document and options always give the same bytes; without options,
// the PDF's creation and modification dates are the document's own date.
#pragma once
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/document_types.h"

namespace prorata::report {

struct PdfOptions {
  // Written as the PDF's creation and modification dates (no clock is read); by default the document's
  // own date, so that an issued document is reproducible whatever day it is rendered again.
  std::optional<Date> creation_date;
};

std::string statement_pdf(const StatementDocument& document, const PdfOptions& options = {});
std::string refund_notice_pdf(const RefundNotice& notice, const PdfOptions& options = {});
std::string reversal_order_pdf(const ReversalOrder& order, const PdfOptions& options = {});
std::string cancellation_pdf(const CancellationDocument& document, const PdfOptions& options = {});

}  // namespace prorata::report
