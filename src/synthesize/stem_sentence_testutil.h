// File: synthesize/stem_sentence_testutil.h
//
// A StemSentence from text, for the tests of the word-importance model and
// of its trainer. Test-only: no library code includes it.
#ifndef NEWSFUSE_SYNTHESIZE_STEM_SENTENCE_TESTUTIL_H_
#define NEWSFUSE_SYNTHESIZE_STEM_SENTENCE_TESTUTIL_H_

#include <cstdint>

#include "synthesize/word_importance.h"

namespace newsfuse::synthesize {

inline StemSentence Sentence(StemIds& stems, uint32_t article, uint32_t index, float position, const char* text) {
  StemSentence s;
  s.article = article;
  s.index = index;
  s.position = position;
  stems.Add(text, &s.stems);
  return s;
}

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STEM_SENTENCE_TESTUTIL_H_
