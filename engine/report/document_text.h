// The accounting documents (core/document_types.h) as plain UTF-8 text in French, laid out like the
// paper form: title, number and date (or the PROJET / PROVISOIRE mark), the parties, the object, the
// figures (every table adds up), the amount in figures and in words, how to pay, and the signature.
// Lines whose data is empty are left out rather than printed blank. The words come from
// report/document_words.h, shared with the PDF renderer (tools/pdf).
#pragma once
#include <string>

#include "core/document_types.h"
#include "report/document_words.h"

namespace prorata::report {

std::string statement_text(const StatementDocument& document);  // complementary ones too
std::string refund_notice_text(const RefundNotice& notice);
std::string reversal_order_text(const ReversalOrder& order);
std::string cancellation_text(const CancellationDocument& document);

}  // namespace prorata::report
