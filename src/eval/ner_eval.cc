#include "eval/ner_eval.h"

#include <chrono>

#include "base/cpu_time.h"
#include "eval/conll_reader.h"

namespace newsfuse::extract {

namespace {

// IOB2 tags of `n` tokens from chunks.
std::vector<std::string> Iob2(const std::vector<TokenChunk>& chunks, size_t n) {
  std::vector<std::string> tags(n, "O");
  for (const TokenChunk& c : chunks) {
    const std::string type(EntityTypeConllName(c.type));
    for (uint32_t i = c.begin; i < c.end; ++i) tags[i] = (i == c.begin ? "B-" : "I-") + type;
  }
  return tags;
}

}  // namespace

Result<NerEvalResult> EvaluateNer(const EntityTagger& tagger, const std::string& conll_path, size_t max_documents,
                                  std::string* predictions) {
  Result<ConllCorpus> corpus = ReadConll(conll_path);
  if (!corpus.ok()) return corpus.status();
  NerEvalResult result;
  std::vector<std::string_view> words;
  std::vector<uint32_t> sentence_ends;
  std::vector<EntityMention> mentions;
  for (const ConllDocument& doc : corpus->documents) {
    if (max_documents && result.documents >= max_documents) break;
    ++result.documents;
    words.clear();
    sentence_ends.clear();
    for (const ConllSentence& s : doc.sentences) {
      for (const std::string& w : s.words) words.push_back(w);
      sentence_ends.push_back(static_cast<uint32_t>(words.size()));
    }
    mentions.clear();
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = base::ThreadCpuSeconds();
    tagger.TagWords(words, sentence_ends, &mentions);
    result.tag_cpu_seconds += base::ThreadCpuSeconds() - cpu_start;
    result.tag_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.tokens += words.size();
    // Mentions never cross sentences (each sentence is decoded on its own).
    size_t m = 0;
    uint32_t b = 0;
    for (size_t k = 0; k < doc.sentences.size(); ++k) {
      const ConllSentence& s = doc.sentences[k];
      const uint32_t e = sentence_ends[k];
      std::vector<TokenChunk> predicted;
      for (; m < mentions.size() && mentions[m].token_begin < e; ++m) {
        predicted.push_back(TokenChunk{mentions[m].token_begin - b, mentions[m].token_end - b, mentions[m].type});
      }
      const std::vector<std::string> gold_tags = Iob2(s.chunks, s.words.size());
      const std::vector<std::string> pred_tags = Iob2(predicted, s.words.size());
      size_t correct = 0;
      for (size_t i = 0; i < s.words.size(); ++i) correct += gold_tags[i] == pred_tags[i];
      result.scores.AddSentence(s.chunks, predicted, s.words.size(), correct);
      if (predictions) {
        for (size_t i = 0; i < s.words.size(); ++i) {
          *predictions += s.words[i] + " " + gold_tags[i] + " " + pred_tags[i] + "\n";
        }
        *predictions += "\n";
      }
      b = e;
    }
  }
  return result;
}

}  // namespace newsfuse::extract
