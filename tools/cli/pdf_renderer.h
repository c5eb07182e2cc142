// The PDF renderer, loaded on first use from the module beside the program (tools/pdf/pdf_module.h):
// a run that draws no PDF never loads Cairo and Pango. The module is `prorata-pdf.so` in the program's
// own directory, or the file named by the environment variable PRORATA_PDF_MODULE.
#pragma once
#include "pdf/pdf_module.h"

namespace prorata::cli {

// The renderers, loaded once (thread-safe). Throws std::runtime_error naming the module's path when it
// cannot be loaded or comes from another build: the command then stops before writing anything.
const report::PdfRenderers& pdf_renderers();

}  // namespace prorata::cli
