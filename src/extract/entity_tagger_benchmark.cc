// Tagging speed of the entity tagger on one core: tokens per second over the
// CoNLL-2003 dev set (when ../shared is present) and over an invented news
// paragraph (always), plus the tokenizer it relies on.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "eval/conll_reader.h"
#include "extract/entity_tagger.h"
#include "text/tokenizer.h"

namespace newsfuse::extract {
namespace {

const EntityTagger* Tagger() {
  static const EntityTagger* tagger = [] {
    auto t = EntityTagger::Load(NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin");
    return t.ok() ? t->release() : nullptr;
  }();
  return tagger;
}

constexpr char kParagraph[] =
    "Israeli Prime Minister Benjamin Netanyahu met U.S. national security adviser Jake Sullivan in "
    "Jerusalem on Monday, his office said. The talks, which lasted two hours, covered a possible "
    "cease-fire and the release of 1,200 detainees held by Hamas, according to Reuters. Sullivan later "
    "flew to Cairo to meet Egyptian officials and representatives of the United Nations.";

void BM_TagInventedParagraph(benchmark::State& state) {
  const EntityTagger* tagger = Tagger();
  if (!tagger) return state.SkipWithError("models/ner-conll2003.bin could not be loaded");
  const std::string text = kParagraph;
  std::vector<text::Span> tokens;
  text::Tokenize(text, &tokens);
  std::vector<uint32_t> ends;
  for (uint32_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].In(text) == ".") ends.push_back(i + 1);
  std::vector<EntityMention> mentions;
  tagger->TagDocument(text, tokens, ends, &mentions);
  bool found = false;  // right, then fast
  for (const EntityMention& m : mentions) found = found || m.span.In(text) == "Benjamin Netanyahu";
  if (!found) return state.SkipWithError("tagger missed Benjamin Netanyahu");
  for (auto _ : state) {
    mentions.clear();
    tagger->TagDocument(text, tokens, ends, &mentions);
    benchmark::DoNotOptimize(mentions.data());
  }
  state.SetItemsProcessed(state.iterations() * tokens.size());
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * tokens.size()), benchmark::Counter::kIsRate);
  state.SetLabel("nproc=" + std::to_string(std::thread::hardware_concurrency()));
}
BENCHMARK(BM_TagInventedParagraph);

void BM_TagConllDev(benchmark::State& state) {
  const std::string path = NEWSFUSE_SHARED_DIR "/data/ner/conll2003/eng.testa";
  if (!std::filesystem::exists(path)) return state.SkipWithError("../shared CoNLL dev set absent");
  const EntityTagger* tagger = Tagger();
  if (!tagger) return state.SkipWithError("models/ner-conll2003.bin could not be loaded");
  static const Result<ConllCorpus> corpus = ReadConll(path);
  if (!corpus.ok()) return state.SkipWithError(corpus.status().ToString().c_str());
  struct Doc {
    std::vector<std::string_view> words;
    std::vector<uint32_t> ends;
  };
  std::vector<Doc> docs;
  size_t tokens = 0;
  for (const ConllDocument& d : corpus->documents) {
    Doc doc;
    for (const ConllSentence& s : d.sentences) {
      for (const std::string& w : s.words) doc.words.push_back(w);
      doc.ends.push_back(static_cast<uint32_t>(doc.words.size()));
    }
    tokens += doc.words.size();
    docs.push_back(std::move(doc));
  }
  std::vector<EntityMention> mentions;
  for (auto _ : state) {
    for (const Doc& doc : docs) {
      mentions.clear();
      tagger->TagWords(doc.words, doc.ends, &mentions);
      benchmark::DoNotOptimize(mentions.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * tokens);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * tokens), benchmark::Counter::kIsRate);
  state.SetLabel("nproc=" + std::to_string(std::thread::hardware_concurrency()));
}
BENCHMARK(BM_TagConllDev)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  std::string text;
  while (text.size() < 64 * 1024) text += std::string(kParagraph) + "\n\n";
  std::vector<text::Span> tokens;
  for (auto _ : state) {
    tokens.clear();
    text::Tokenize(text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * tokens.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize);

}  // namespace
}  // namespace newsfuse::extract
