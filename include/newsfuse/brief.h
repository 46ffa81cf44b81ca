// File: newsfuse/brief.h
//
// The briefing of a story: what `brief` writes, what the server returns, what
// the renderers draw. Field names follow the JSON contract in brief-json.md;
// every id in a `sources` list is the id of one of the story's sources.
#ifndef NEWSFUSE_BRIEF_H_
#define NEWSFUSE_BRIEF_H_

#include <optional>
#include <string>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse {

struct SourceInfo {
  std::string id;
  std::optional<std::string> outlet;
  std::optional<std::string> published;
  std::optional<std::string> title;
  std::optional<std::string> url;
  // Set when this source is a reprint or near-copy of another source.
  std::optional<std::string> duplicate_of;
  std::vector<DroppedLine> dropped;  // boilerplate kept aside
};

// A sentence of the summary or a fact, with the sources that carry it.
struct CitedText {
  std::string text;
  std::vector<std::string> sources;
  // For each source, the sentence in its own words (same order as `sources`).
  std::vector<std::string> source_sentences;
};

struct Fact {
  std::string text;
  std::vector<std::string> sources;
  std::vector<std::string> source_sentences;  // same order as `sources`
  bool consensus = false;                     // reported by most outlets
  int rank = 0;  // importance in its section, 1 = first (0: not ranked)
};

struct BriefEntity {
  std::string name;
  std::string type;  // PERSON | ORGANIZATION | LOCATION | OTHER
  std::vector<std::string> titles;
  std::vector<std::string> variants;
  std::vector<std::string> sources;
  int mentions = 0;
  int rank = 0;  // importance in its section, 1 = first (0: not ranked)
};

struct QuoteVariant {
  std::string text;
  std::vector<std::string> sources;
};

struct BriefQuote {
  std::string text;
  std::string speaker;
  std::vector<std::string> sources;
  std::vector<QuoteVariant> variants;
  int rank = 0;  // importance in its section, 1 = first (0: not ranked)
};

struct TimelineEntry {
  std::string date;  // YYYY-MM-DD; for a period, its first day
  std::string text;
  std::vector<std::string> sources;
  bool planned = false;  // a coming event rather than one that happened
  // "day", or "week" / "month" when the text names only the period ("last
  // week", "in March"): `date` is then the Monday of the ISO week or the
  // first of the month.
  std::string precision = "day";
  int rank = 0;  // importance in its section, 1 = first (0: not ranked)
};

struct DiscrepancyVariant {
  std::string value;
  std::string text;
  std::vector<std::string> sources;
};

struct Discrepancy {
  std::string subject;
  std::string kind;  // "number", "spelling", "title", "date", "claim", "place", "attribute", "year", "count", "name", "record"
  std::string label; // "update", "rounding/hedge", "different measure", "conflict", ""
  std::vector<DiscrepancyVariant> variants;
  int rank = 0;  // importance in its section, 1 = first (0: not ranked)
};

struct OutletContribution {
  std::string source;
  std::vector<std::string> unique_facts;     // facts only this source reports
  std::vector<std::string> missing_consensus; // consensus facts it leaves out
};

struct Story {
  std::string id;
  std::string headline;
  std::vector<SourceInfo> sources;
  std::vector<CitedText> summary;
  std::vector<Fact> facts;
  std::vector<BriefEntity> entities;
  std::vector<BriefQuote> quotes;
  std::vector<TimelineEntry> timeline;
  std::vector<Discrepancy> discrepancies;
  std::vector<OutletContribution> contributions;
  // Where a work bound cut the analysis ("article 17: 100,000 sentences,
  // analysed the first 5,000"); empty for ordinary input, and then left out
  // of the JSON.
  std::vector<std::string> notes;
};

struct Brief {
  std::vector<Story> stories;
  // Stories that could not be built (std::bad_alloc on a hostile one), one
  // line each; the others are still in `stories`. Not part of the JSON.
  std::vector<std::string> skipped;
};

}  // namespace newsfuse

#endif  // NEWSFUSE_BRIEF_H_
