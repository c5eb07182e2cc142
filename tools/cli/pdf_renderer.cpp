#include "pdf_renderer.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace prorata::cli {

namespace {

std::string module_path() {
  if (const char* named = std::getenv("PRORATA_PDF_MODULE"); named != nullptr && *named != '\0') return named;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) throw std::runtime_error("cannot find the program's directory for the PDF module: " + error.message());
  return (program.parent_path() / "prorata-pdf.so").string();
}

const report::PdfRenderers& load() {
  const std::string path = module_path();
  auto fail = [&](const std::string& why) -> const report::PdfRenderers& {
    throw std::runtime_error(path + ": cannot load the PDF renderer (" + why +
                             "); it is built with prorata as tools/prorata-pdf.so, beside the program");
  };
  // RTLD_NOW: a missing symbol fails here, not halfway through a document. Never closed.
  void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (module == nullptr) {
    const char* why = dlerror();
    return fail(why != nullptr ? why : "dlopen failed");
  }
  using Entry = const report::PdfRenderers* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(module, prorata_pdf_entry_point));
  if (entry == nullptr) return fail(std::string("no entry point ") + prorata_pdf_entry_point);
  const report::PdfRenderers* renderers = entry();
  const report::PdfRenderers expected = report::pdf_renderers_as_compiled();
  if (renderers == nullptr || renderers->abi != expected.abi ||
      renderers->statement_bytes != expected.statement_bytes ||
      renderers->refund_notice_bytes != expected.refund_notice_bytes ||
      renderers->report_bytes != expected.report_bytes) {
    return fail("a module from another build of prorata");
  }
  return *renderers;
}

}  // namespace

const report::PdfRenderers& pdf_renderers() {
  static const report::PdfRenderers& renderers = load();
  return renderers;
}

}  // namespace prorata::cli

#if defined(__SANITIZE_ADDRESS__)
// The module's own suppression (tools/pdf/pdf_canvas.cpp) is not seen by LeakSanitizer once the module
// is loaded with RTLD_LOCAL: the program says it. Fontconfig keeps its process-wide configuration until
// exit on purpose (allocated once, not per document).
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
