// File: eval/ner_eval.h
//
// Scores an EntityTagger on a CoNLL file, one document at a time (as the
// tagger is meant to be used), with conlleval's entity-level metric, and
// times the tagging. Shared by `newsfuse eval ner` and the tests.
#ifndef NEWSFUSE_EVAL_NER_EVAL_H_
#define NEWSFUSE_EVAL_NER_EVAL_H_

#include <cstddef>
#include <string>

#include "eval/conll_eval.h"
#include "extract/entity_tagger.h"
#include "newsfuse/result.h"

namespace newsfuse::extract {

struct NerEvalResult {
  ConllEvaluator scores;
  size_t documents = 0;
  size_t tokens = 0;
  double tag_seconds = 0;      // wall time spent inside the tagger, one thread
  double tag_cpu_seconds = 0;  // CPU time of that thread (what one core does when others share it)
  double TokensPerSecond() const { return tag_seconds > 0 ? tokens / tag_seconds : 0; }
  double TokensPerCpuSecond() const { return tag_cpu_seconds > 0 ? tokens / tag_cpu_seconds : 0; }
};

// Tags the documents of `conll_path` (at most `max_documents` of them when
// nonzero) and scores them against the file's NER column. When `predictions`
// is not null, appends "WORD GOLD PREDICTED" lines (IOB2) in conlleval's
// input format.
Result<NerEvalResult> EvaluateNer(const EntityTagger& tagger, const std::string& conll_path,
                                  size_t max_documents = 0, std::string* predictions = nullptr);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_NER_EVAL_H_
