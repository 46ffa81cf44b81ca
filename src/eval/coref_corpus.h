// File: eval/coref_corpus.h
//
// The common shape of a cross-document coreference set once read (ECB+ in
// eval/entity_coref_eval.cc, MEANTIME in eval/meantime_reader.h): topics of
// tokenised documents whose key entity mentions carry a chain id shared
// across the topic's documents, and the rule that picks the NAMED mentions a
// briefing needs out of all the annotated ones.
#ifndef NEWSFUSE_EVAL_COREF_CORPUS_H_
#define NEWSFUSE_EVAL_COREF_CORPUS_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace newsfuse::eval {

struct KeyMention {
  uint32_t first = 0, last = 0;  // token indices in the document, inclusive
  std::string chain;             // shared by every coreferent mention of the topic
};

struct CorefDoc {
  std::string name;
  std::vector<std::string> tokens;
  std::vector<int> sentence;         // per token
  std::vector<KeyMention> mentions;  // the counted (named) ones in annotated sentences
  std::set<int> annotated;           // sentence numbers whose mentions were annotated
};

struct CorefTopic {
  std::string name;
  std::vector<CorefDoc> docs;
};

// Tokens first..last of `d` are a name: every alphabetic token capitalised
// except function words ("of", "the", "and", "de"), not a lone pronoun or
// determiner, and not only the first word of its sentence.
bool IsNamedMention(const CorefDoc& d, uint32_t first, uint32_t last);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_COREF_CORPUS_H_
