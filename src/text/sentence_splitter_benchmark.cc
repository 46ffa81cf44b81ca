// Throughput of SplitSentences() and Tokenize() on news-like English text
// written for this benchmark (abbreviations, quotes, numbers, a list),
// repeated to size.
#include <benchmark/benchmark.h>

#include <string>

#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace newsfuse::text {
namespace {

constexpr char kArticle[] =
    "WASHINGTON \xE2\x80\x94 U.S. officials said Monday that talks with the U.N. Security Council "
    "would resume at 5 p.m. Tuesday. Sen. Ana Ruiz, a Democrat, called the plan \xE2\x80\x9C"
    "a first step.\xE2\x80\x9D She added: \xE2\x80\x9CWe are not there yet.\xE2\x80\x9D\n"
    "Gen. Mark Ellis told reporters that about 1.4 million people had left the region since the "
    "Oct. 7 attack. Aid groups, including Relief Corp. and Care Co., said 3.5% of the convoys "
    "were delayed. \"It is a disaster,\" Dr. J. R. Patel said. \"Nobody is coming.\"\n"
    "The agency (which was founded in 1999.) has not commented. Asked whether the U.S. would "
    "send troops, a spokesman said no... Then he left the room at 6 p.m. The next day, "
    "officials in Brussels, the E.U. capital, met again. Details are at https://example.org/news. "
    "Questions go to press@example.org. Would the deal hold? Few were sure!\n\n"
    "Key points:\n\xE2\x80\xA2 Talks resume Tuesday\n\xE2\x80\xA2 Aid is delayed\n"
    "1. Mr. Ellis spoke first\n2. Ms. Ruiz spoke next\n\n"
    "Gov. Tom Park of Calif. said the state would help. \"We stand ready,\" he said. "
    "The vote is set for Jan. 5, and the Rep. from Ohio said it would pass. It may not.\n\n";

std::string MakeText(size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += kArticle;
  return text;
}

void BM_SplitSentences(benchmark::State& state) {
  const std::string text = MakeText(static_cast<size_t>(state.range(0)));
  // Right, then fast: the article must split into its 24 sentences.
  const size_t per_article = SplitSentences(kArticle).size();
  if (per_article != 24) return state.SkipWithError("unexpected sentence count");
  size_t sentences = 0;
  for (auto _ : state) {
    std::vector<Span> spans = SplitSentences(text);
    sentences = spans.size();
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_SplitSentences)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_Tokenize(benchmark::State& state) {
  const std::string text = MakeText(static_cast<size_t>(state.range(0)));
  std::vector<Span> tokens;
  for (auto _ : state) {
    tokens.clear();
    Tokenize(text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenize)->Arg(64 << 10)->Arg(1 << 20);

void BM_Normalize(benchmark::State& state) {
  const std::string text = MakeText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Normalize(text).text.data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Arg(4 << 10)->Arg(64 << 10);

void BM_MatchKey(benchmark::State& state) {
  const std::string sentence =
      "Sen. Ana Ruiz, a Democrat, called the plan \xE2\x80\x9C" "a first step.\xE2\x80\x9D";
  for (auto _ : state) benchmark::DoNotOptimize(MatchKey(sentence).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sentence.size()));
}
BENCHMARK(BM_MatchKey);

}  // namespace
}  // namespace newsfuse::text
