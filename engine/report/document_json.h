// The accounting documents (core/document_types.h) for programs, and for the register's digest: every
// figure and line of text they carry, as JSON (format "prorata-document/1") with the keys in a fixed,
// documented order (README, "Documents as JSON"), so the same document always gives the same bytes.
// A "kind" key says which document it is: "statement" (complementary ones too: "complementary": true),
// "refund_notice", "reversal_order", "cancellation". Amounts are strings ("9000.00"), dates YYYY-MM-DD,
// IBANs unspaced, the RIB an object of its four fields; absent optional parts (a preview's number among
// them) are null, empty texts "".
#pragma once
#include <string>

#include "core/document_types.h"

namespace prorata::report {

inline constexpr const char* document_json_format = "prorata-document/1";

std::string statement_json(const StatementDocument& document);
std::string refund_notice_json(const RefundNotice& notice);
std::string reversal_order_json(const ReversalOrder& order);
std::string cancellation_json(const CancellationDocument& document);

}  // namespace prorata::report
