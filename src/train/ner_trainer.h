// File: train/ner_trainer.h
//
// Trains the named-entity model (see ner_model.h) from CoNLL-2003 data:
//
//   1. a word lexicon from unlabelled text (no labels are read): word forms
//      are described by their left and right neighbours (PPMI weighted,
//      randomly projected to 128 dimensions) and clustered by a three-level
//      spherical k-means into a 32 x 16 x 8 hierarchy, which plays the part of
//      Brown clusters; plus how often each lowercase form is capitalized
//      inside a sentence, and its frequency class;
//   2. a gazetteer of the entity phrases of the training data (each training
//      document sees only the phrases of the *other* documents, so that the
//      model learns how far to trust a match on unseen text), plus country
//      names (LOC) and language names (MISC) from Debian's iso-codes;
//   3. stage 1: an averaged structured perceptron over BILOU tags with
//      first-order Viterbi decoding, the number of epochs chosen on the dev
//      set;
//   4. stage 2: the same learner again, over the stage-1 features plus
//      document aggregates of stage 1's tags (how the same word was tagged
//      elsewhere in the document). Stage 1's tags for the training data
//      come from k-fold jackknifing, so that stage 2 learns from tags as
//      noisy as those it will see.
//
// Only the TOKEN and NER columns are used (never the gold POS or chunk
// columns). Used by `newsfuse train-ner`; the runtime never links it.
#ifndef NEWSFUSE_TRAIN_NER_TRAINER_H_
#define NEWSFUSE_TRAIN_NER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_model.h"
#include "newsfuse/result.h"

namespace newsfuse::extract::ner {

struct NerTrainOptions {
  std::string train_path;  // CoNLL file to learn from
  std::string dev_path;    // CoNLL file to choose epochs on and report (optional)
  // Files or folders (searched recursively) of unlabelled text for the word
  // clusters: .txt, .jsonl, .json, .tml, and CoNLL files (first column only);
  // eng.testb and anything under a holdout/ folder are always skipped.
  std::vector<std::string> unlabelled_paths;
  std::string iso_codes_dir = "/usr/share/iso-codes/json";  // skipped if absent
  int max_epochs = 25;
  int patience = 4;   // stop after this many epochs without a better dev F1
  int epochs = 0;     // > 0: train exactly this many epochs (no dev needed)
  int folds = 5;      // jackknife folds for stage 2
  bool two_stage = true;
  // Stage 2 relearns all stage-1 features along with the document ones
  // (instead of adding document features to stage 1's fixed scores).
  bool stage2_full = true;
  uint64_t seed = 20030531;
  std::function<void(std::string_view)> log;  // progress lines (may be empty)
};

struct NerTrainReport {
  double dev_f1_stage1 = 0;
  double dev_f1 = 0;
  int epochs_stage1 = 0;
  int epochs_stage2 = 0;
  size_t unlabelled_tokens = 0;
  size_t lexicon_entries = 0;
  size_t gazetteer_phrases = 0;
  size_t features_stage1 = 0;
  size_t features_stage2 = 0;
  double seconds = 0;
};

Result<NerModel> TrainNerModel(const NerTrainOptions& options, NerTrainReport* report);

// Step 1 alone, for tests: builds the lexicon from `texts` (raw text).
Lexicon BuildLexicon(const std::vector<std::string>& texts, size_t* num_tokens);

}  // namespace newsfuse::extract::ner

#endif  // NEWSFUSE_TRAIN_NER_TRAINER_H_
