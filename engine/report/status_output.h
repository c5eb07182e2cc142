// A Status written for people (text), for programs (JSON, `format: prorata-status/1`) and for
// spreadsheets (CSV, one row per contributor). Each output is a pure function of the Status.
#pragma once
#include <string>

#include "core/evaluate.h"

namespace prorata::report {

// How a CSV is written. `plain`: ',' separators, amounts as 9000.00, CRLF, no BOM (for programs).
// `french`: what a French spreadsheet (LibreOffice, Excel in a French locale) opens without an import
// wizard: ';' separators, a decimal comma (9000,00), a UTF-8 BOM (else accents read as Windows-1252),
// CRLF. Both quote a field per RFC 4180 when it holds the separator, a '"', a CR or an LF.
enum class CsvDialect { plain, french };

std::string status_json(const Status& status);  // amounts as "9000.00" strings, contributors by id
// Header + one row per contributor: the figures, then the convention title, the contributor's name and
// SIREN, the term's state and end (empty while unknown).
std::string status_csv(const Status& status, CsvDialect dialect = CsvDialect::plain);
std::string status_text(const Status& status);  // French amounts (9 000,00 €) in an aligned table

}  // namespace prorata::report
