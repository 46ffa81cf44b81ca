// Fuzzes story building end to end: the input is up to four plain-text
// articles separated by the byte 0x1E; each is read as a .txt article,
// analysed (with the shipped entity model) and the story built from them.
// Every source id a section cites must be one of the story's sources.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/near_copies.h"
#include "extract/article_analysis.h"
#include "ingest/plain_text_reader.h"
#include "synthesize/story_builder.h"

namespace {
const newsfuse::extract::EntityTagger* Tagger() {
  static const auto tagger = newsfuse::extract::EntityTagger::Load(
      newsfuse::extract::EntityTagger::DefaultModelPath());
  if (!tagger.ok()) std::abort();
  return tagger->get();
}

void CheckSources(const std::vector<std::string>& cited, const std::set<std::string>& ids) {
  for (const auto& id : cited) {
    if (!ids.count(id)) std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 15)) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<newsfuse::Article> articles;
  size_t from = 0;
  while (from <= bytes.size() && articles.size() < 4) {
    size_t to = bytes.find('\x1e', from);
    if (to == bytes.npos) to = bytes.size();
    const std::string id = "a" + std::to_string(articles.size());
    auto article = newsfuse::ingest::ParsePlainTextArticle(id, id + ".txt", bytes.substr(from, to - from));
    if (article.ok()) articles.push_back(std::move(*article));
    from = to + 1;
  }
  if (articles.empty()) return 0;
  newsfuse::extract::AnalysisOptions options;
  options.tagger = Tagger();
  options.threads = 1;
  const auto analyses = newsfuse::extract::AnalyzeArticles(articles, options);
  std::vector<const newsfuse::extract::ArticleAnalysis*> members;
  for (const auto& a : analyses) members.push_back(&a);
  const newsfuse::Story story =
      newsfuse::synthesize::BuildStory("s", members, newsfuse::cluster::FindNearCopies(articles));
  std::set<std::string> ids;
  for (const auto& s : story.sources) ids.insert(s.id);
  for (const auto& f : story.facts) CheckSources(f.sources, ids);
  for (const auto& l : story.summary) CheckSources(l.sources, ids);
  for (const auto& q : story.quotes) CheckSources(q.sources, ids);
  for (const auto& t : story.timeline) CheckSources(t.sources, ids);
  for (const auto& d : story.discrepancies) {
    for (const auto& v : d.variants) CheckSources(v.sources, ids);
  }
  return 0;
}
