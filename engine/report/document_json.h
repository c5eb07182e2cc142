// The two accounting documents (core/documents.h) for programs: every figure and line of text they carry,
// as JSON with the keys in a documented order. Amounts are strings ("9000.00"), dates YYYY-MM-DD, IBANs
// unspaced, the RIB an object of its four fields; absent optional parts are null, empty texts "".
//   statement_json:     format "prorata-statement/1"
//   refund_notice_json: format "prorata-refund-notice/1"
#pragma once
#include <string>

#include "core/documents.h"

namespace prorata::report {

std::string statement_json(const StatementDocument& document);
std::string refund_notice_json(const RefundNotice& notice);

}  // namespace prorata::report
