// The PDF renderer as a module that the CLI opens only when a PDF is asked for
// (tools/cli/pdf_renderer.h): Cairo, Pango and the 30-odd libraries they bring cost every run about
// 4.5 MiB of loaded pages, and most runs draw no PDF. The module holds tools/pdf/ only; what it uses of
// the engine it takes from the program, which exports its symbols (CMake ENABLE_EXPORTS), so there is
// one copy of every engine function and type in the process.
#pragma once
#include <cstddef>
#include <string>

#include "core/document_types.h"
#include "core/management_report.h"
#include "pdf/document_pdf.h"

namespace prorata::report {

// Bumped when this table or the types it takes change: a module from another build is refused.
inline constexpr int pdf_module_abi = 1;

struct PdfRenderers {
  int abi;
  // The sizes of the types passed, as the module was compiled: a second guard against a stale module.
  std::size_t statement_bytes;
  std::size_t refund_notice_bytes;
  std::size_t report_bytes;
  std::string (*statement)(const StatementDocument&, const PdfOptions&);
  std::string (*refund_notice)(const RefundNotice&, const PdfOptions&);
  std::string (*reversal_order)(const ReversalOrder&, const PdfOptions&);
  std::string (*cancellation)(const CancellationDocument&, const PdfOptions&);
  std::string (*management_report)(const ManagementReport&, const PdfOptions&);
};

inline PdfRenderers pdf_renderers_as_compiled() {
  return PdfRenderers{pdf_module_abi, sizeof(StatementDocument), sizeof(RefundNotice), sizeof(ManagementReport),
                      nullptr, nullptr, nullptr, nullptr, nullptr};
}

}  // namespace prorata::report

// The module's one entry point (dlsym), named without C++ mangling.
extern "C" const prorata::report::PdfRenderers* prorata_pdf_renderers();
inline constexpr const char* prorata_pdf_entry_point = "prorata_pdf_renderers";
