#include "synthesize/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/strings.h"
#include "synthesize/term_vectors.h"
#include "synthesize/dated_sentences.h"
#include "synthesize/section_text.h"

namespace newsfuse::synthesize {

namespace {

using Articles = std::vector<const extract::ArticleAnalysis*>;

// One event told in two clauses: the same date (the caller checks) and at
// least two shared content words making up most of the shorter clause.
bool SameEventClause(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return shared >= 2 && Containment(a, b) >= 0.6;
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(const Articles& articles, const std::vector<std::vector<int>>* fact_of) {
  std::vector<DatedSentence> candidates = CollectDatedSentences(articles, kMaxPairwiseCandidates);
  auto fact = [&](const DatedSentence& c) {
    if (!fact_of || c.article >= fact_of->size() || c.sentence >= (*fact_of)[c.article].size()) return -1;
    return (*fact_of)[c.article][c.sentence];
  };
  std::vector<TimelineEntry> out;
  std::vector<std::set<std::string>> out_stems, out_clauses;
  std::vector<std::set<int>> out_facts;
  for (auto& c : candidates) {
    // A day counted from another article's date ("on Tuesday" in an article
    // that gives none, resolved against the story's median date) is no
    // anchor of this article's own: only its explicit dates are.
    if (!c.anchored) continue;
    int match = -1;
    const int c_fact = fact(c);
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].date != c.date || out[i].precision != c.precision) continue;
      if (c_fact >= 0 && out_facts[i].count(c_fact)) {
        match = static_cast<int>(i);
        break;
      }
      // Whole sentences alike, or the clauses that hold the day: a compound
      // sentence ("investigators are expected to arrive on Wednesday, and
      // the council will meet on Thursday") shares little with another
      // outlet's sentence as a whole.
      if (Containment(out_stems[i], c.stems) >= 0.35 || SameEventClause(out_clauses[i], c.clause_stems)) {
        match = static_cast<int>(i);
        break;
      }
    }
    if (match < 0) {
      out.push_back(TimelineEntry{c.date, c.text, {c.source}, c.future, c.precision});
      out_stems.push_back(c.stems);
      out_clauses.push_back(c.clause_stems);
      out_facts.emplace_back();
      if (c_fact >= 0) out_facts.back().insert(c_fact);
    } else {
      if (c_fact >= 0) out_facts[match].insert(c_fact);
      AddSource(&out[match].sources, c.source);
      // A planned event that another outlet reports as done has happened,
      // and reads in the words of the report that it did.
      if (out[match].planned && !c.future) {
        out[match].planned = false;
        out[match].text = c.text;
      }
    }
  }
  // By first day; on one day a month, then a week, comes before the day's
  // own events (the wider period opens there).
  auto rank = [](const std::string& precision) { return precision == "month" ? 0 : precision == "week" ? 1 : 2; };
  std::stable_sort(out.begin(), out.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.precision != b.precision) return rank(a.precision) < rank(b.precision);
    return a.sources.size() > b.sources.size();
  });
  return out;
}

}  // namespace newsfuse::synthesize
