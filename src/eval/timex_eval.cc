#include "eval/timex_eval.h"

#include <algorithm>

#include "base/file_io.h"
#include "base/strings.h"

namespace newsfuse::extract {
namespace {

// Trims white space from both ends of `span` in `text`.
text::Span TrimSpan(std::string_view text, text::Span span) {
  while (span.begin < span.end && base::IsAsciiSpace(text[span.begin])) ++span.begin;
  while (span.end > span.begin && base::IsAsciiSpace(text[span.end - 1])) --span.end;
  return span;
}

bool Overlaps(text::Span a, text::Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

void TimexScores::Add(const TimexScores& o) {
  documents += o.documents;
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  value_match += o.value_match;
  type_match += o.type_match;
}

TimexScores ScoreDocument(const TimeMlDocument& doc, const std::vector<TimeExpression>& system,
                          std::vector<TimexDiff>* diffs) {
  TimexScores s;
  s.documents = 1;
  s.gold = static_cast<long>(doc.timexes.size());
  s.system = static_cast<long>(system.size());
  std::vector<bool> system_used(system.size(), false);
  auto text_of = [&](text::Span span) { return std::string(span.In(doc.text)); };
  for (const GoldTimex& gold : doc.timexes) {
    const text::Span g = TrimSpan(doc.text, gold.span);
    // Prefer the exact-extent partner, then the first overlapping one.
    int partner = -1;
    for (size_t j = 0; j < system.size(); ++j) {
      if (system_used[j]) continue;
      const text::Span sys = TrimSpan(doc.text, system[j].span);
      if (sys == g) {
        partner = static_cast<int>(j);
        break;
      }
      if (partner < 0 && Overlaps(sys, g)) partner = static_cast<int>(j);
    }
    if (partner < 0) {
      if (diffs) {
        diffs->push_back({TimexDiff::Kind::kMissed, doc.id, text_of(g), gold.type, gold.value,
                          "", "", ""});
      }
      continue;
    }
    system_used[partner] = true;
    const TimeExpression& sys = system[partner];
    ++s.relaxed;
    if (TrimSpan(doc.text, sys.span) == g) ++s.strict;
    const std::string type(TimexTypeName(sys.type));
    const bool value_ok = sys.value == gold.value;
    const bool type_ok = type == gold.type;
    if (value_ok) ++s.value_match;
    if (type_ok) ++s.type_match;
    if (diffs && (!value_ok || !type_ok)) {
      diffs->push_back({value_ok ? TimexDiff::Kind::kWrongType : TimexDiff::Kind::kWrongValue,
                        doc.id, text_of(g), gold.type, gold.value, text_of(sys.span), type,
                        sys.value});
    }
  }
  if (diffs) {
    for (size_t j = 0; j < system.size(); ++j) {
      if (system_used[j]) continue;
      diffs->push_back({TimexDiff::Kind::kSpurious, doc.id, "", "", "",
                        text_of(system[j].span), std::string(TimexTypeName(system[j].type)),
                        system[j].value});
    }
  }
  return s;
}

Result<TimexScores> EvaluateTimeMlDir(const std::string& dir, std::vector<TimexDiff>* diffs) {
  Result<std::vector<std::string>> files = base::ListFiles(dir, {".tml"});
  if (!files.ok()) return files.status();
  if (files->empty()) return Status::NotFound(dir, "no .tml files");
  TimexScores total;
  for (const std::string& path : *files) {
    Result<TimeMlDocument> doc = ReadTimeMlFile(path);
    if (!doc.ok()) return doc.status();
    total.Add(ScoreDocument(*doc, FindTimeExpressions(doc->text, doc->creation_time), diffs));
  }
  return total;
}

}  // namespace newsfuse::extract
