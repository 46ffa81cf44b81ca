#include "eval/brief_eval.h"

#include <simdjson.h>

#include <algorithm>
#include <set>
#include <utility>

#include "base/file_io.h"
#include "base/strings.h"
#include "synthesize/count_claims.h"
#include "synthesize/fact_support.h"

namespace newsfuse::eval {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// The script's norm(): typographic quotes and no-break spaces folded, then
// lower case (ASCII and the Latin-1 capitals, which is all the stories use).
std::string Norm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {
        out.push_back('"');
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
      continue;
    }
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d));
      ++i;
      continue;
    }
    out.push_back(base::IsAsciiUpper(static_cast<char>(c)) ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

bool Has(std::string_view text, std::string_view needle) { return Norm(text).find(Norm(needle)) != std::string::npos; }

// A JSON value as the script sees it: a string, or "" for null / missing.
std::string Str(element e, std::string_view key) {
  object o;
  std::string_view s;
  if (e.get_object().get(o) || o.at_key(key).get_string().get(s)) return {};
  return std::string(s);
}

bool IsNull(element e, std::string_view key) {
  object o;
  if (e.get_object().get(o)) return true;
  element v;
  return o.at_key(key).get(v) || v.is_null();
}

std::vector<element> Items(element e, std::string_view key) {
  std::vector<element> out;
  object o;
  array a;
  if (e.get_object().get(o) || o.at_key(key).get_array().get(a)) return out;
  for (element x : a) out.push_back(x);
  return out;
}

std::vector<std::string> Strings(element e, std::string_view key) {
  std::vector<std::string> out;
  for (element x : Items(e, key)) {
    std::string_view s;
    if (!x.get_string().get(s)) out.emplace_back(s);
  }
  return out;
}

// srcs(): the ids of an item's sources (strings or {"id": ...} objects).
std::set<std::string> Sources(element item) {
  std::set<std::string> out;
  for (element x : Items(item, "sources")) {
    std::string_view s;
    if (!x.get_string().get(s)) {
      out.emplace(s);
    } else {
      out.insert(Str(x, "id"));
    }
  }
  return out;
}

// full_ids(): the ids that start with any of the short ids.
std::set<std::string> FullIds(const std::vector<std::string>& short_ids, const std::set<std::string>& ids) {
  std::set<std::string> out;
  for (const auto& s : short_ids) {
    for (const auto& id : ids) {
      if (id.rfind(s, 0) == 0) out.insert(id);
    }
  }
  return out;
}

bool Subset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::string Listed(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", '" : "'") + v[i] + "'";
  return out + "]";
}

void Finish(BriefScore& score, std::string name, const std::vector<std::pair<bool, std::string>>& results) {
  SectionScore s;
  s.name = std::move(name);
  for (const auto& [ok, what] : results) {
    ++s.total;
    if (ok) {
      ++s.ok;
    } else {
      s.misses.push_back(what);
    }
  }
  score.sections.push_back(std::move(s));
}

void ScoreSources(element story, element expected, BriefScore& score) {
  std::map<std::string, element> by_id;
  for (element s : Items(story, "sources")) by_id.emplace(Str(s, "id"), s);
  std::vector<std::pair<bool, std::string>> res;
  object sources;
  if (expected["sources"].get_object().get(sources)) return Finish(score, "sources", res);
  for (auto [sid_view, meta] : sources) {
    const std::string sid(sid_view);
    const auto found = by_id.find(sid);
    const bool present = found != by_id.end();
    for (std::string_view key : {"outlet", "published", "title"}) {
      const std::string val = present ? Str(found->second, key) : std::string();
      const bool val_empty = !present || IsNull(found->second, key) || val.empty();
      element want;
      if (meta[key].get(want)) want = element();
      array readings;
      const std::string what_prefix = sid + "." + std::string(key);
      if (!meta[key].get_array().get(readings)) {
        bool ok = false;
        std::vector<std::string> listed;
        for (element w : readings) {
          std::string_view ws;
          if (w.is_null()) {
            ok |= present && val_empty;
            listed.push_back("None");
          } else if (!w.get_string().get(ws)) {
            const std::string nw = Norm(ws);
            ok |= present && Norm(val).substr(0, nw.size()) == nw;
            listed.emplace_back(ws);
          }
        }
        res.emplace_back(ok, what_prefix + " one of " + Listed(listed) + ", got '" + val + "'");
      } else if (IsNull(meta, key)) {
        res.emplace_back(present && val_empty, what_prefix + " should be null, got '" + val + "'");
      } else {
        const std::string w = Str(meta, key);
        bool ok;
        if (key == "published") {
          ok = Norm(val).substr(0, 10) == Norm(w);
        } else {
          ok = base::Trim(Norm(val)) == base::Trim(Norm(w));
        }
        res.emplace_back(ok, what_prefix + "=" + w + ", got '" + val + "'");
      }
    }
  }
  Finish(score, "sources", res);
}

void ScoreEntities(element story, element expected, const std::set<std::string>& ids, BriefScore& score) {
  const std::vector<element> ents = Items(story, "entities");
  std::vector<std::pair<bool, std::string>> res;
  for (element g : Items(expected, "entities")) {
    std::vector<std::string> names = {Str(g, "name")};
    for (auto& a : Strings(g, "aliases")) names.push_back(a);
    const std::string gtype = Norm(Str(g, "type")).substr(0, 3);
    const element* found = nullptr;
    for (const element& e : ents) {
      std::vector<std::string> cand = {Str(e, "name")};
      for (auto& v : Strings(e, "variants")) cand.push_back(v);
      for (auto& v : Strings(e, "aliases")) cand.push_back(v);
      bool name_match = false;
      for (const auto& c : cand) {
        for (const auto& n : names) name_match |= Norm(c) == Norm(n);
      }
      if (name_match && Norm(Str(e, "type")).rfind(gtype, 0) == 0) {
        found = &e;
        break;
      }
    }
    bool ok = found && Subset(FullIds(Strings(g, "sources"), ids), Sources(*found));
    const std::vector<std::string> titles = Strings(g, "titles");
    if (ok && !titles.empty()) {
      std::string joined;
      for (const auto& t : Strings(*found, "titles")) joined += (joined.empty() ? "" : " ") + t;
      ok = std::any_of(titles.begin(), titles.end(), [&](const std::string& t) { return Has(joined, t); });
    }
    const std::vector<std::string> variants = Strings(g, "variants");
    if (ok && !variants.empty()) {
      std::vector<std::string> all = {Str(*found, "name")};
      for (auto& v : Strings(*found, "variants")) all.push_back(v);
      for (const auto& v : variants) {
        ok &= std::any_of(all.begin(), all.end(), [&](const std::string& a) { return Norm(v) == Norm(a); });
      }
    }
    res.emplace_back(ok, Str(g, "name") + " (" + Str(g, "type") + ", sources " + Listed(Strings(g, "sources")) + ")");
  }
  std::vector<std::string> bad;
  const std::vector<std::string> never = Strings(expected, "not_entities_of_the_story");
  for (const element& e : ents) {
    for (const auto& x : never) {
      if (Norm(Str(e, "name")) == Norm(x)) bad.push_back(Str(e, "name"));
    }
  }
  res.emplace_back(!ents.empty() && bad.empty(), "no caption credits as entities (found " + Listed(bad) + ")");
  Finish(score, "entities", res);
}

void ScoreQuotes(element story, element expected, const std::set<std::string>& ids, BriefScore& score) {
  const std::vector<element> qs = Items(story, "quotes");
  std::vector<std::pair<bool, std::string>> res;
  for (element g : Items(expected, "quotes")) {
    const std::string contains = Str(g, "contains");
    const std::vector<std::string> speakers = Strings(g, "speaker");
    const std::set<std::string> want = FullIds(Strings(g, "sources"), ids);
    bool ok = false;
    for (const element& q : qs) {
      std::vector<std::string> texts = {Str(q, "text")};
      for (element v : Items(q, "variants")) {
        std::string_view s;
        texts.push_back(!v.get_string().get(s) ? std::string(s) : Str(v, "text"));
      }
      const std::string speaker = Str(q, "speaker");
      const bool text_ok = std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return Has(t, contains); });
      const bool speaker_ok = std::any_of(speakers.begin(), speakers.end(), [&](const std::string& s) {
        return Has(speaker, s) || (!speaker.empty() && Has(s, speaker));
      });
      if (text_ok && speaker_ok && Subset(want, Sources(q))) {
        ok = true;
        break;
      }
    }
    res.emplace_back(ok, (speakers.empty() ? std::string() : speakers[0]) + ": \"" + contains + "\" in " +
                             Listed(Strings(g, "sources")));
  }
  Finish(score, "quotes", res);
}

void ScoreTimeline(element story, element expected, const std::set<std::string>& ids, BriefScore& score) {
  const std::vector<element> tl = Items(story, "timeline");
  std::vector<std::pair<bool, std::string>> res;
  for (element g : Items(expected, "timeline")) {
    const std::string date = Str(g, "date");
    const std::vector<std::string> any = Strings(g, "contains_any");
    const std::set<std::string> want = FullIds(Strings(g, "sources"), ids);
    bool ok = false;
    for (const element& t : tl) {
      if (Norm(Str(t, "date")).substr(0, 10) != date) continue;
      const std::string text = Str(t, "text");
      if (!std::any_of(any.begin(), any.end(), [&](const std::string& c) { return Has(text, c); })) continue;
      const std::set<std::string> got = Sources(t);
      ok |= std::any_of(want.begin(), want.end(), [&](const std::string& w) { return got.count(w) > 0; });
    }
    res.emplace_back(ok, date + " " + Listed(any));
  }
  Finish(score, "timeline", res);
}

void ScoreDiscrepancies(element story, element expected, BriefScore& score) {
  const std::vector<element> ds = Items(story, "discrepancies");
  std::vector<std::pair<bool, std::string>> res;
  for (element g : Items(expected, "discrepancies")) {
    const std::vector<std::string> subjects = Strings(g, "subject_any");
    std::vector<std::vector<std::string>> groups;
    std::string groups_text = "[";
    for (element grp : Items(g, "values_any")) {
      std::vector<std::string> alts;
      array a;
      if (!grp.get_array().get(a)) {
        for (element x : a) {
          std::string_view s;
          if (!x.get_string().get(s)) alts.emplace_back(s);
        }
      }
      groups_text += (groups.empty() ? "" : ", ") + Listed(alts);
      groups.push_back(std::move(alts));
    }
    groups_text += "]";
    bool ok = false;
    for (const element& d : ds) {
      std::string blob = Norm(Str(d, "subject")) + " ";
      std::vector<std::string> vals;
      const std::vector<element> variants = Items(d, "variants");
      for (size_t i = 0; i < variants.size(); ++i) {
        vals.push_back(Norm(Str(variants[i], "value")) + " " + Norm(Str(variants[i], "text")));
        blob += (i ? " " : "") + vals.back();
      }
      const bool subject_ok = std::any_of(subjects.begin(), subjects.end(),
                                          [&](const std::string& s) { return blob.find(Norm(s)) != std::string::npos; });
      bool values_ok = true;
      for (const auto& grp : groups) {
        bool any = false;
        for (const auto& v : vals) {
          for (const auto& a : grp) any |= v.find(Norm(a)) != std::string::npos;
        }
        values_ok &= any;
      }
      if (subject_ok && values_ok) {
        ok = true;
        break;
      }
    }
    res.emplace_back(ok, (subjects.empty() ? std::string() : subjects[0]) + ": " + groups_text);
  }
  Finish(score, "discrepancies", res);
}

void ScoreFacts(element story, element expected, const std::set<std::string>& ids, BriefScore& score) {
  const std::vector<element> fs = Items(story, "facts");
  std::vector<std::pair<bool, std::string>> res;
  auto contains_any = [](const element& f, const std::vector<std::string>& any) {
    const std::string text = Str(f, "text");
    return std::any_of(any.begin(), any.end(), [&](const std::string& c) { return Has(text, c); });
  };
  for (element g : Items(expected, "consensus_facts")) {
    const std::vector<std::string> any = Strings(g, "contains_any");
    int64_t min_sources = 0;
    object go;
    if (!g.get_object().get(go) && go["min_sources"].get_int64().get(min_sources)) min_sources = 0;
    const bool ok = std::any_of(fs.begin(), fs.end(), [&](const element& f) {
      return contains_any(f, any) && static_cast<int64_t>(Sources(f).size()) >= min_sources;
    });
    res.emplace_back(ok, "consensus " + Listed(any) + " >= " + std::to_string(min_sources) + " sources");
  }
  for (element g : Items(expected, "unique_facts")) {
    const std::vector<std::string> any = Strings(g, "contains_any");
    const std::set<std::string> want = FullIds({Str(g, "source")}, ids);
    const bool ok = std::any_of(fs.begin(), fs.end(),
                                [&](const element& f) { return contains_any(f, any) && Sources(f) == want; });
    res.emplace_back(ok, "unique to " + Str(g, "source") + ": " + Listed(any));
  }
  Finish(score, "facts", res);
}

void ScoreSummary(element story, element expected, const std::set<std::string>& ids, BriefScore& score) {
  const std::vector<element> sm = Items(story, "summary");
  std::vector<std::pair<bool, std::string>> res;
  res.emplace_back(sm.size() >= 3, "at least 3 summary sentences");
  bool cited = !sm.empty();
  for (const element& s : sm) {
    const std::set<std::string> got = Sources(s);
    cited &= !got.empty() && Subset(got, ids);
  }
  res.emplace_back(cited, "every summary sentence cites known sources");
  std::vector<std::string> texts;
  for (const element& s : sm) texts.push_back(Str(s, "text"));
  for (const element& f : Items(story, "facts")) texts.push_back(Str(f, "text"));
  std::vector<std::string> leaked;
  for (const auto& b : Strings(expected, "boilerplate_never_in_summary_or_facts")) {
    if (std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return Has(t, b); })) leaked.push_back(b);
  }
  res.emplace_back(!sm.empty() && leaked.empty(), "no boilerplate in summary/facts (found " + Listed(leaked) + ")");
  Finish(score, "summary", res);
}

// ---- citation checks

bool IsStop(std::string_view w) {
  static const std::set<std::string, std::less<>> kStop = [] {
    std::set<std::string, std::less<>> s;
    for (std::string_view w : base::SplitWords(
             "a an the of to in on at for by with from and or but as is are was were be been being it its this that "
             "these those he she they them his her their we our you your i me my has have had do does did not no will "
             "would can could should may might shall said says say told also than then there here who whom whose "
             "which what when where why how all any some more most other such only own same so too very just over "
             "after before into out up down about against between through during under again further once while "
             "because if until both each few nor mr mrs ms")) {
      s.emplace(w);
    }
    return s;
  }();
  return kStop.count(w) > 0;
}

// Characters, counted as Python counts them (one per code point).
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The script's words(): runs of [a-z][a-z'’-]* in the lower-cased text,
// stop words and words of two letters or fewer left out, crudely stemmed.
std::set<std::string> Words(std::string_view text) {
  const std::string t = Norm(text);  // folds ’ to ', which the pattern treats alike
  std::set<std::string> out;
  size_t i = 0;
  while (i < t.size()) {
    if (!base::IsAsciiLower(t[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < t.size() && (base::IsAsciiLower(t[i]) || t[i] == '\'' || t[i] == '-')) ++i;
    std::string w = t.substr(start, i - start);
    if (IsStop(w) || CodePoints(w) <= 2) continue;
    for (std::string_view suf : {"ing", "ed", "es", "s"}) {
      if (w.size() > suf.size() + 3 && w.ends_with(suf)) {
        w.resize(w.size() - suf.size());
        break;
      }
    }
    out.insert(std::move(w));
  }
  return out;
}

// The script's numbers(): \d[\d,]*(?:\.\d+)? with commas dropped.
std::set<std::string> Numbers(std::string_view t) {
  const std::vector<std::string> figures = synthesize::Figures(t);
  return std::set<std::string>(figures.begin(), figures.end());
}

// The script's sentences(): split after . ! ? " ” followed by white space,
// and at every run of newlines.
std::vector<std::string_view> Sentences(std::string_view t) {
  std::vector<std::string_view> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    const std::string_view s = t.substr(start, end - start);
    if (!base::Trim(s).empty()) out.push_back(s);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n') {
      push(i);
      while (i + 1 < t.size() && t[i + 1] == '\n') ++i;
      start = i + 1;
      continue;
    }
    const bool closer = t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '"' ||
                        (i >= 2 && t.substr(i - 2, 3) == "\xE2\x80\x9D");
    if (closer && i + 1 < t.size() && base::IsAsciiSpace(t[i + 1])) {
      push(i + 1);
      size_t j = i + 1;
      while (j < t.size() && base::IsAsciiSpace(t[j]) && t[j] != '\n') ++j;
      if (j < t.size() && t[j] == '\n') {
        i = j - 1;  // the newline splits next
        start = j;
        continue;
      }
      start = j;
      i = j - 1;
    }
  }
  push(t.size());
  return out;
}

double Overlap(const std::set<std::string>& claim, const std::set<std::string>& window) {
  if (claim.empty()) return 0;
  size_t shared = 0;
  for (const auto& w : claim) shared += window.count(w);
  return static_cast<double>(shared) / static_cast<double>(claim.size());
}

bool Includes(const std::set<std::string>& big, const std::set<std::string>& small) { return Subset(small, big); }

std::string Folded(std::string_view s) { return base::CollapseWhitespace(Norm(s)); }

}  // namespace

int BriefScore::ok() const {
  int n = 0;
  for (const auto& s : sections) n += s.ok;
  return n;
}

int BriefScore::total() const {
  int n = 0;
  for (const auto& s : sections) n += s.total;
  return n;
}

Result<BriefScore> ScoreBrief(std::string_view brief_json, std::string_view expected_json) {
  simdjson::dom::parser brief_parser, expected_parser;
  element brief, expected;
  if (brief_parser.parse(brief_json.data(), brief_json.size()).get(brief)) {
    return Status::InvalidArgument("briefing", "is not valid JSON");
  }
  if (expected_parser.parse(expected_json.data(), expected_json.size()).get(expected)) {
    return Status::InvalidArgument("expected.json", "is not valid JSON");
  }
  object expected_sources;
  if (expected["sources"].get_object().get(expected_sources)) {
    return Status::InvalidArgument("expected.json", "has no \"sources\" object");
  }
  std::set<std::string> exp_ids;
  for (auto field : expected_sources) exp_ids.emplace(field.key);
  // The story holding the most of the expected sources (the first such).
  element story;
  size_t best = 0;
  bool any = false;
  for (element st : Items(brief, "stories")) {
    size_t overlap = 0;
    std::set<std::string> seen;
    for (element s : Items(st, "sources")) {
      const std::string id = Str(s, "id");
      if (exp_ids.count(id) && seen.insert(id).second) ++overlap;
    }
    if (!any || overlap > best) {
      story = st;
      best = overlap;
      any = true;
    }
  }
  // No story at all scores as one empty story.
  if (!any) return ScoreBrief("{\"stories\":[{}]}", expected_json);
  std::set<std::string> ids = exp_ids;
  for (element s : Items(story, "sources")) ids.insert(Str(s, "id"));
  BriefScore score;
  ScoreSources(story, expected, score);
  ScoreEntities(story, expected, ids, score);
  ScoreQuotes(story, expected, ids, score);
  ScoreTimeline(story, expected, ids, score);
  ScoreDiscrepancies(story, expected, score);
  ScoreFacts(story, expected, ids, score);
  ScoreSummary(story, expected, ids, score);
  return score;
}

Result<std::map<std::string, std::string>> ReadCitationTexts(const std::string& path) {
  std::map<std::string, std::string> out;
  constexpr uint64_t kMaxBytes = 256u << 20;
  if (base::IsDirectory(path)) {
    Result<std::vector<std::string>> files = base::ListFiles(path, {".txt"});
    if (!files.ok()) return files.status();
    for (const auto& f : *files) {
      Result<std::string> text = base::ReadFile(f, kMaxBytes);
      if (!text.ok()) return text.status();
      out[base::FileStem(f)] = std::move(*text);
    }
    return out;
  }
  Result<std::string> data = base::ReadFile(path, kMaxBytes);
  if (!data.ok()) return data.status();
  simdjson::dom::parser parser;
  size_t line_no = 0;
  for (std::string_view line : base::SplitLines(*data)) {
    ++line_no;
    if (base::Trim(line).empty()) continue;
    element d;
    if (parser.parse(line.data(), line.size()).get(d)) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no), "is not a JSON object");
    }
    std::string id = Str(d, "id");
    int64_t numeric = 0;
    if (id.empty() && !d["id"].get_int64().get(numeric)) id = std::to_string(numeric);
    out[id] = Str(d, "title") + "\n" + Str(d, "text");
  }
  return out;
}

CitationScore SharedCitationSupport(std::string_view brief_json, const std::map<std::string, std::string>& texts,
                                    double min_overlap) {
  CitationScore score;
  simdjson::dom::parser parser;
  element brief;
  if (parser.parse(brief_json.data(), brief_json.size()).get(brief)) return score;
  // Per source: its sentences' word sets and its numbers, read once.
  struct SourceWords {
    std::vector<std::set<std::string>> windows;
    std::set<std::string> numbers;
  };
  std::map<std::string, SourceWords> cache;
  for (element st : Items(brief, "stories")) {
    for (std::string_view section : {"summary", "facts"}) {
      for (element item : Items(st, section)) {
        const std::string claim = Str(item, "text");
        const std::set<std::string> cw = Words(claim);
        const std::set<std::string> cn = Numbers(claim);
        for (element src : Items(item, "sources")) {
          std::string_view sv;
          const std::string sid = !src.get_string().get(sv) ? std::string(sv) : Str(src, "id");
          const auto text = texts.find(sid);
          if (text == texts.end()) continue;
          auto [entry, fresh] = cache.try_emplace(sid);
          if (fresh) {
            const std::vector<std::string_view> sents = Sentences(text->second);
            for (size_t i = 0; i < sents.size(); ++i) {
              std::string window;
              for (size_t k = i; k < std::min(sents.size(), i + 3); ++k) window += std::string(sents[k]) + " ";
              entry->second.windows.push_back(Words(window));
            }
            entry->second.numbers = Numbers(text->second);
          }
          ++score.total;
          double best = 0;
          for (const auto& win : entry->second.windows) best = std::max(best, Overlap(cw, win));
          const bool good = (cw.empty() || best >= min_overlap) && Includes(entry->second.numbers, cn);
          if (good) {
            ++score.supported;
          } else {
            score.misses.push_back("[" + std::string(section) + "] " + sid + ": " + claim.substr(0, 120));
          }
        }
      }
    }
  }
  return score;
}

CitationScore EvidenceCitationSupport(const Story& story, const std::vector<Article>& articles, double min_overlap) {
  CitationScore score;
  std::map<std::string, std::string> folded;  // id -> the article's text, folded
  std::map<std::string, std::string> raw;     // id -> the article's text
  for (const Article& a : articles) {
    std::string text = a.title.value_or("") + "\n" + a.subtitle.value_or("");
    for (const Paragraph& p : a.paragraphs) text += "\n" + p.text;
    folded[a.id] = Folded(text);
    raw[a.id] = std::move(text);
  }
  auto miss = [&](std::string_view section, const std::string& sid, std::string_view why, std::string_view what) {
    score.misses.push_back("[" + std::string(section) + "] " + sid + ": " + std::string(why) + ": " +
                           std::string(what.substr(0, 120)));
  };
  auto check_claim = [&](std::string_view section, const std::string& claim, const std::vector<std::string>& sources,
                         const std::vector<std::string>& sentences) {
    const std::set<std::string> cw = Words(claim);
    const std::set<std::string> cn = Numbers(claim);
    for (size_t k = 0; k < sources.size(); ++k) {
      const auto text = folded.find(sources[k]);
      if (text == folded.end()) continue;
      ++score.total;
      const std::string sentence = k < sentences.size() ? sentences[k] : std::string();
      if (sentence.empty()) {
        miss(section, sources[k], "no supporting sentence", claim);
      } else if (text->second.find(Folded(sentence)) == std::string::npos) {
        miss(section, sources[k], "sentence not in the source", sentence);
      } else if (!Includes(Numbers(sentence), cn)) {
        miss(section, sources[k], "numbers differ", sentence);
      } else if (!cw.empty() && Overlap(cw, Words(sentence)) < min_overlap) {
        miss(section, sources[k], "does not state the claim", sentence);
      } else {
        ++score.supported;
      }
    }
  };
  for (const CitedText& s : story.summary) check_claim("summary", s.text, s.sources, s.source_sentences);
  for (const Fact& f : story.facts) check_claim("facts", f.text, f.sources, f.source_sentences);
  for (const BriefQuote& q : story.quotes) {
    for (const std::string& sid : q.sources) {
      const auto text = folded.find(sid);
      if (text == folded.end()) continue;
      ++score.total;
      bool found = text->second.find(Folded(q.text)) != std::string::npos;
      for (const QuoteVariant& v : q.variants) found |= text->second.find(Folded(v.text)) != std::string::npos;
      if (found) {
        ++score.supported;
      } else {
        miss("quotes", sid, "quote not in the source", q.text);
      }
    }
  }
  for (const Discrepancy& d : story.discrepancies) {
    for (const DiscrepancyVariant& v : d.variants) {
      // A date value is resolved ("2013-09-29"), not written: only the
      // written values (figures, titles, names) are looked up.
      if (d.kind == "date") continue;
      // A count is read from words that differ by outlet ("injuring a
      // third" / "another wounded"): the source must give the same count of
      // the same harm.
      const std::vector<synthesize::CountClaim> count = d.kind == "count" ? synthesize::CountClaims(v.value)
                                                                          : std::vector<synthesize::CountClaim>{};
      auto gives_count = [&](const std::string& sid) {
        if (count.empty()) return false;
        for (const synthesize::CountClaim& c : synthesize::CountClaims(raw[sid])) {
          if (c.harm == count.front().harm && c.count == count.front().count) return true;
        }
        return false;
      };
      for (const std::string& sid : v.sources) {
        const auto text = folded.find(sid);
        if (text == folded.end()) continue;
        ++score.total;
        if (d.kind == "count" ? gives_count(sid) : text->second.find(Folded(v.value)) != std::string::npos) {
          ++score.supported;
        } else {
          miss("discrepancies", sid, "value not in the source", v.value);
        }
      }
    }
  }
  return score;
}

}  // namespace newsfuse::eval
