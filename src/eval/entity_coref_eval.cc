#include "eval/entity_coref_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "base/file_io.h"
#include "base/strings.h"
#include "eval/meantime_reader.h"
#include "extract/article_analysis.h"
#include "synthesize/entity_resolution.h"

namespace newsfuse::eval {

namespace {

constexpr uint64_t kMaxXmlBytes = uint64_t{64} << 20;

// The value of attribute `name` in the tag text `tag`.
std::string_view Attr(std::string_view tag, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  at += key.size();
  const size_t end = tag.find('"', at);
  return end == std::string_view::npos ? std::string_view{} : tag.substr(at, end - at);
}

std::string Unescape(std::string_view s) {
  std::string out(s);
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"&amp;", "&"}, {"&quot;", "\""},
                          {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}}) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

bool IsEntityClass(std::string_view cls) {
  return cls.starts_with("HUMAN_PART") || cls.starts_with("NON_HUMAN_PART") || cls.starts_with("LOC_");
}

Result<CorefDoc> ParseEcbDoc(const std::string& path, const std::set<int>& annotated) {
  Result<std::string> xml = base::ReadFile(path, kMaxXmlBytes);
  if (!xml.ok()) return xml.status();
  CorefDoc d;
  d.name = std::filesystem::path(path).filename().string();
  d.annotated = annotated;
  const std::string_view x = *xml;
  std::unordered_map<std::string, uint32_t> token_index;  // t_id -> index
  struct Markable {
    std::string cls;
    std::vector<uint32_t> tokens;
  };
  std::map<std::string, Markable> markables;          // m_id -> markable
  std::unordered_map<std::string, std::string> chain;  // m_id -> instance
  size_t at = 0;
  std::string open_markable;
  std::string open_relation;
  while ((at = x.find('<', at)) != std::string_view::npos) {
    const size_t end = x.find('>', at);
    if (end == std::string_view::npos) break;
    const std::string_view tag = x.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.starts_with("token ")) {
      const size_t close = x.find("</token>", at);
      if (close == std::string_view::npos) return Status::DataLoss(path, "unclosed <token>");
      token_index[std::string(Attr(tag, "t_id"))] = static_cast<uint32_t>(d.tokens.size());
      d.tokens.push_back(Unescape(x.substr(at, close - at)));
      d.sentence.push_back(std::atoi(std::string(Attr(tag, "sentence")).c_str()));
      at = close + 8;
    } else if (tag.starts_with("token_anchor")) {
      if (!open_markable.empty()) {
        auto it = token_index.find(std::string(Attr(tag, "t_id")));
        if (it != token_index.end()) markables[open_markable].tokens.push_back(it->second);
      }
    } else if (tag.starts_with("CROSS_DOC_COREF") || tag.starts_with("INTRA_DOC_COREF")) {
      open_relation = tag.starts_with("CROSS") ? std::string(Attr(tag, "note"))
                                               : d.name + "#" + std::string(Attr(tag, "r_id"));
    } else if (tag.starts_with("source ")) {
      if (!open_relation.empty()) {
        const std::string m(Attr(tag, "m_id"));
        // A cross-document instance wins over a document-local chain.
        if (!chain.count(m) || open_relation.find('#') == std::string::npos) chain[m] = open_relation;
      }
    } else if (tag.starts_with("/CROSS_DOC_COREF") || tag.starts_with("/INTRA_DOC_COREF")) {
      open_relation.clear();
    } else if (!tag.empty() && tag[0] == '/') {
      open_markable.clear();
    } else if (!tag.ends_with("/") && !Attr(tag, "m_id").empty()) {
      const std::string_view cls = tag.substr(0, tag.find(' '));
      open_markable = std::string(Attr(tag, "m_id"));
      markables[open_markable].cls = std::string(cls);
    }
  }
  for (auto& [m_id, mk] : markables) {
    if (!IsEntityClass(mk.cls) || mk.tokens.empty()) continue;
    std::sort(mk.tokens.begin(), mk.tokens.end());
    const uint32_t first = mk.tokens.front(), last = mk.tokens.back();
    if (!annotated.count(d.sentence[first])) continue;
    if (!IsNamedMention(d, first, last)) continue;
    auto c = chain.find(m_id);
    d.mentions.push_back(KeyMention{first, last, c == chain.end() ? d.name + "!" + m_id : c->second});
  }
  return d;
}

// Topic -> document stem ("10ecbplus") -> annotated sentence numbers.
Result<std::map<int, std::map<std::string, std::set<int>>>> ReadAnnotatedSentences(const std::string& path) {
  Result<std::string> csv = base::ReadFile(path, kMaxXmlBytes);
  if (!csv.ok()) return csv.status();
  std::map<int, std::map<std::string, std::set<int>>> out;
  bool header = true;
  for (std::string_view line : base::SplitLines(*csv)) {
    if (header) {
      header = false;
      continue;
    }
    const size_t a = line.find(','), b = line.rfind(',');
    if (a == std::string_view::npos || a == b) continue;
    const int topic = std::atoi(std::string(line.substr(0, a)).c_str());
    out[topic][std::string(line.substr(a + 1, b - a - 1))].insert(std::atoi(std::string(line.substr(b + 1)).c_str()));
  }
  return out;
}

}  // namespace

AnalyzedTopic AnalyzeTopic(const extract::EntityTagger& tagger, CorefTopic topic) {
  AnalyzedTopic out;
  for (const CorefDoc& d : topic.docs) {
    Article a;
    a.id = d.name;
    std::vector<uint32_t> begins;
    std::string text;
    for (size_t t = 0; t < d.tokens.size(); ++t) {
      if (t > 0) text += d.sentence[t] != d.sentence[t - 1] ? "\n\n" : " ";
      begins.push_back(static_cast<uint32_t>(text.size()));
      text += d.tokens[t];
    }
    // One paragraph per sentence; BuildDocument joins them with "\n\n",
    // so the offsets above hold.
    for (std::string_view p : base::SplitLines(text)) {
      if (p.empty()) continue;
      Paragraph para;
      para.text = std::string(p);
      a.paragraphs.push_back(std::move(para));
    }
    out.articles.push_back(std::move(a));
    out.token_begin.push_back(std::move(begins));
  }
  extract::AnalysisOptions options;
  options.tagger = &tagger;
  options.threads = 1;
  // The analyses point at out.articles, whose elements a move of the vector
  // keeps in place.
  out.analyses = extract::AnalyzeArticles(out.articles, options);
  out.topic = std::move(topic);
  return out;
}

void ScoreAnalyzedTopic(const AnalyzedTopic& analyzed, const extract::PlaceGazetteer& places,
                        const synthesize::ResolutionOptions& resolution, EntityCorefResult& result) {
  const std::vector<CorefDoc>& docs = analyzed.topic.docs;
  if (docs.empty()) return;
  const auto& analyses = analyzed.analyses;
  const auto& token_begin = analyzed.token_begin;
  std::vector<const extract::ArticleAnalysis*> ptrs;
  for (const auto& a : analyses) ptrs.push_back(&a);
  const synthesize::EntityResolution resolved = synthesize::ResolveEntities(ptrs, places, resolution);

  // Key chains over mention ids; response chains over the same ids where a
  // predicted mention overlaps a key mention, fresh ids otherwise.
  uint32_t next_id = 0;
  std::map<std::string, Chain> key_chains;
  std::map<int, Chain> response_chains;
  std::map<int, Chain> kept_chains;                    // only mentions of entities the resolution kept
  std::map<int, Chain> gold_response;                  // by resolved entity
  std::map<std::string, Chain> same_name_response;     // by folded name
  int next_singleton = -1;
  for (size_t di = 0; di < docs.size(); ++di) {
    const CorefDoc& d = docs[di];
    const auto& an = analyses[di];
    std::vector<uint32_t> key_id(d.mentions.size());
    std::vector<bool> key_used(d.mentions.size(), false);
    for (size_t k = 0; k < d.mentions.size(); ++k) {
      key_id[k] = next_id++;
      key_chains[d.mentions[k].chain].push_back(key_id[k]);
    }
    // The tokens a predicted span covers.
    auto token_range = [&](text::Span span) {
      const auto& begins = token_begin[di];
      const uint32_t first = static_cast<uint32_t>(std::upper_bound(begins.begin(), begins.end(), span.begin) - begins.begin() - 1);
      const uint32_t last = static_cast<uint32_t>(std::lower_bound(begins.begin(), begins.end(), span.end) - begins.begin() - 1);
      return std::pair<uint32_t, uint32_t>(first, last);
    };
    std::vector<std::pair<uint32_t, uint32_t>> other_ranges;  // mentions the tagger typed OTHER (MISC)
    for (size_t m = 0; m < an.mentions.size(); ++m) {
      const auto& pm = an.mentions[m];
      if (pm.type == extract::EntityType::kOther) {
        other_ranges.push_back(token_range(pm.span));
        continue;
      }
      const auto [first, last] = token_range(pm.span);
      if (first >= d.tokens.size() || !d.annotated.count(d.sentence[first])) continue;
      uint32_t id = UINT32_MAX;
      for (size_t k = 0; k < d.mentions.size(); ++k) {
        if (!key_used[k] && d.mentions[k].first <= last && first <= d.mentions[k].last) {
          id = key_id[k];
          key_used[k] = true;
          break;
        }
      }
      const bool on_key = id != UINT32_MAX;
      if (!on_key) ++result.spurious[std::string(pm.span.In(an.doc.text))];
      if (id == UINT32_MAX) id = next_id++;
      ++result.response_mentions;
      const uint32_t linked = an.entities.entity_of_mention[m];
      const int entity = resolved.entity_of_linked[di][linked];
      const int chain = entity >= 0 ? entity : next_singleton--;
      response_chains[chain].push_back(id);
      if (entity >= 0) kept_chains[entity].push_back(id);
      if (entity < 0 && on_key) ++result.left_out[std::string(pm.span.In(an.doc.text))];
      if (on_key) {
        gold_response[chain].push_back(id);
        std::string folded;
        for (char ch : an.entities.entities[linked].name) {
          if (ch != '.') folded.push_back(static_cast<char>(base::IsAsciiUpper(ch) ? ch - 'A' + 'a' : ch));
        }
        same_name_response[folded].push_back(id);
      }
    }
    // Key mentions no predicted mention overlaps: singletons.
    for (size_t k = 0; k < d.mentions.size(); ++k) {
      if (key_used[k]) continue;
      std::string words;
      for (uint32_t t = d.mentions[k].first; t <= d.mentions[k].last; ++t) words += (words.empty() ? "" : " ") + d.tokens[t];
      bool as_other = false;
      for (const auto& [f, l] : other_ranges) as_other = as_other || (f <= d.mentions[k].last && d.mentions[k].first <= l);
      ++result.missed[as_other ? words + " (as OTHER)" : words];
      gold_response[next_singleton--].push_back(key_id[k]);
      same_name_response["#" + std::to_string(key_id[k])].push_back(key_id[k]);
    }
    result.key_mentions += d.mentions.size();
  }
  std::vector<Chain> key, response, gold, same_name;
  for (auto& [c, ids] : key_chains) key.push_back(std::move(ids));
  std::vector<Chain> kept;
  for (auto& [c, ids] : kept_chains) kept.push_back(std::move(ids));
  for (auto& [c, ids] : response_chains) response.push_back(std::move(ids));
  for (auto& [c, ids] : gold_response) gold.push_back(std::move(ids));
  for (auto& [c, ids] : same_name_response) same_name.push_back(std::move(ids));
  result.key_chains += key.size();
  result.scores.Add(ScoreCoref(key, response));
  result.kept_entities.Add(ScoreCoref(key, kept));
  result.gold_mentions.Add(ScoreCoref(key, gold));
  result.gold_mentions_same_name.Add(ScoreCoref(key, same_name));
  result.documents += docs.size();
  ++result.topics;
}

std::vector<int> EcbDevTopics() { return {2, 5, 12, 18, 21, 23, 34, 35}; }

std::vector<int> EcbTrainTopics() {
  std::vector<int> out;
  const auto dev = EcbDevTopics();
  for (int t = 1; t <= 35; ++t) {
    if (std::find(dev.begin(), dev.end(), t) == dev.end()) out.push_back(t);
  }
  return out;
}

Result<std::vector<AnalyzedTopic>> AnalyzeEcbTopics(const extract::EntityTagger& tagger, const std::string& dir,
                                                    const std::vector<int>& topics) {
  auto annotated = ReadAnnotatedSentences(dir + "/ECBplus_coreference_sentences.csv");
  if (!annotated.ok()) return annotated.status();
  std::vector<AnalyzedTopic> out;
  for (int topic : topics) {
    const std::string topic_dir = dir + "/xml/" + std::to_string(topic);
    if (!std::filesystem::is_directory(topic_dir)) continue;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(topic_dir)) {
      if (entry.path().extension() == ".xml") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    CorefTopic t;
    t.name = std::to_string(topic);
    for (const std::string& f : files) {
      const std::string stem = std::filesystem::path(f).stem().string();  // "1_10ecbplus"
      const std::string key = stem.substr(stem.find('_') + 1);
      auto sentences = (*annotated)[topic].find(key);
      if (sentences == (*annotated)[topic].end()) continue;
      Result<CorefDoc> d = ParseEcbDoc(f, sentences->second);
      if (!d.ok()) return d.status();
      d->name = stem;  // the article id, as the chains above are already keyed
      t.docs.push_back(std::move(*d));
    }
    out.push_back(AnalyzeTopic(tagger, std::move(t)));
  }
  return out;
}

Result<std::vector<AnalyzedTopic>> AnalyzeMeantimeTopics(const extract::EntityTagger& tagger, const std::string& path) {
  Result<std::vector<CorefTopic>> topics = ReadMeantimeConll(path);
  if (!topics.ok()) return topics.status();
  std::vector<AnalyzedTopic> out;
  for (CorefTopic& t : *topics) out.push_back(AnalyzeTopic(tagger, std::move(t)));
  return out;
}

EntityCorefResult ScoreAnalyzedTopics(const std::vector<AnalyzedTopic>& topics, const extract::PlaceGazetteer& places,
                                      const synthesize::ResolutionOptions& resolution) {
  EntityCorefResult result;
  for (const AnalyzedTopic& t : topics) ScoreAnalyzedTopic(t, places, resolution, result);
  return result;
}

}  // namespace newsfuse::eval
