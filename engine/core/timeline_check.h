// Builds the timeline of a convention from its journal facts (core/timeline.h), refusing, each at its
// line, what art. 5 of the reference does not allow: an amendment signed before the convention took
// effect, by a party not asked to sign it, taking effect after the end of the term as it stood, ending
// the term before its own effective date, lowering an agreed cap below what was already called, or
// giving caps above the aggregate cap under `reject`. A refused amendment never takes effect.
#pragma once
#include "core/diagnostic.h"
#include "core/journal.h"
#include "core/rules.h"
#include "core/timeline.h"

namespace prorata {

Timeline build_timeline(const Rules& rules, const JournalFacts& facts, Diagnostics& diagnostics);

}  // namespace prorata
