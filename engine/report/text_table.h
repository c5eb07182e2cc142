// Aligned plain-text tables, as `status` and the portfolio print them: the first column left-aligned,
// the others right-aligned (amounts), two spaces between columns, widths in code points.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace prorata::report {

// A dashed rule is drawn above row `total_row` (pass rows.size() for none). Every row has the same
// number of cells.
std::string render_table(const std::vector<std::vector<std::string>>& rows, std::size_t total_row);

}  // namespace prorata::report
