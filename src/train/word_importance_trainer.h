// File: train/word_importance_trainer.h
//
// Fits the summary's word-importance model (synthesize/word_importance.h)
// to the reference summaries of DUC-style clusters, and writes it as the C++
// source the runtime compiles in (synthesize/word_importance_model.inc).
// Used by `newsfuse train-summary` and `newsfuse eval summary --leave-one-out`.
#ifndef NEWSFUSE_TRAIN_WORD_IMPORTANCE_TRAINER_H_
#define NEWSFUSE_TRAIN_WORD_IMPORTANCE_TRAINER_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "synthesize/word_importance.h"

namespace newsfuse::synthesize {

// One training example: a stem's k-th occurrence, and the share of the
// story's reference summaries that use the stem at least k times (a soft
// label: logistic loss against a share).
struct WordImportanceExample {
  StemStats stats;
  int occurrence = 1;
  float share = 0;
};

// Examples for every stem of the story's sentences and occurrences 1..max.
std::vector<WordImportanceExample> WordImportanceExamples(const std::vector<StemSentence>& sentences,
                                                          const StemIds& stems,
                                                          const std::vector<std::vector<uint32_t>>& references,
                                                          int max_occurrence = 3);

// L2-regularised logistic regression on standardised features (Newton's
// method; the bias is not regularised). `l2` = 1 is scikit-learn's C = 1.
WordImportanceModel FitWordImportance(const std::vector<WordImportanceExample>& examples, double l2 = 1.0);

// Examples from one DUC-style cluster: the story's summary units as
// BuildStory makes them (story_builder.h), against its human summaries.
std::vector<WordImportanceExample> ClusterWordImportanceExamples(const std::vector<Article>& articles,
                                                                 const std::vector<std::string>& references);

// The model as C++ source for word_importance_model.inc.
std::string WordImportanceModelSource(const WordImportanceModel& model, std::string_view provenance);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_TRAIN_WORD_IMPORTANCE_TRAINER_H_
