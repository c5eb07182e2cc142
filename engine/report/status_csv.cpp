#include "report/status_output.h"

namespace prorata::report {

std::string status_csv(const Status& status) {
  std::string out =
      "convention,as_of,contributor,cap_agreed,cap,called,paid,refunded,net_paid,final_contribution,balance,"
      "refund_due,amount_due,outstanding_calls\r\n";
  // Ids are [a-z0-9-]+ and amounts are digits, '-' and '.': no field ever needs quoting.
  for (const auto& c : status.contributors) {
    const Money amounts[] = {c.cap_agreed, c.cap,     c.called,     c.paid,       c.refunded,         c.net_paid,
                             c.final_contribution,    c.balance,    c.refund_due, c.amount_due,       c.outstanding_calls};
    out += status.convention + "," + format_date(status.as_of) + "," + c.id;
    for (Money amount : amounts) out += "," + format_amount(amount);
    out += "\r\n";
  }
  return out;
}

}  // namespace prorata::report
