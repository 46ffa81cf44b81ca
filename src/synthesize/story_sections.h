// File: synthesize/story_sections.h
//
// Every briefing section built from per-article annotations, for the callers
// that read them all (the story builder, tests). Each has a file of its own:
//   quotes         quote_merger.h (one quote per statement, its wordings
//                  across outlets in `variants`);
//   timeline       timeline.h;
//   discrepancies  discrepancies.h (numbers, dates, titles) and
//                  value_discrepancies.h (homes, places, colours, years).
#ifndef NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
#define NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_

#include "synthesize/count_claims.h"
#include "synthesize/discrepancies.h"
#include "synthesize/name_variants.h"
#include "synthesize/quote_merger.h"
#include "synthesize/record_claims.h"
#include "synthesize/section_text.h"
#include "synthesize/timeline.h"
#include "synthesize/value_discrepancies.h"

#endif  // NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
