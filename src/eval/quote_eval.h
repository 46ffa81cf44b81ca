// File: eval/quote_eval.h
//
// Scores FindQuotes() against the direct-quote attributions of PolNeAR, with
// the span metrics of BBC citron (scripts/evaluate; Newell et al. 2018) as
// far as the PolNeAR annotation allows. Definitions:
//
// Gold quotes. PolNeAR marks every attribution (direct, indirect, mixed) and
// does not label which are direct, so a relation is direct when its Content
// holds quotation marks. Each quoted stretch inside the Content is one gold
// quote: the words between a pair of marks (straight or curly), trimmed of
// white space; a Content that opens inside a quote starts the stretch at the
// Content, an unclosed mark ends it with the Content or its paragraph, and a
// stretch continues over a paragraph break when the next paragraph opens
// with a mark (as in the finder). Each gold quote carries the relation's
// Source (the span from its first to its last fragment; none for
// Attribution-no-source) and Cue. So "A," he said, "B." gives two gold
// quotes with the same source, and he said the plan was a "disaster" one
// gold quote, "disaster". Quoted words outside any attribution (titles,
// unattributed scare quotes) are not gold.
//
// Predicted quotes. Every Quote the finder returns, except a kScare quote
// with no speaker (which claims no attribution).
//
// Paragraphs. PolNeAR annotates a quote that runs over several paragraphs as
// one attribution per paragraph, while the finder returns it whole; so both
// gold and predicted quotes are cut at line breaks (dropping the
// continuation mark) and each piece is scored as a quote with the speaker of
// the whole.
//
// Spans are compared after trimming white space and a trailing , ; or :
// (the quotation marks themselves are never part of either span; citron
// keeps them, which changes nothing but the convention).
//
//   quote span exact:   P = predicted quotes equal to some gold quote /
//                       predicted; R = gold quotes equal to some predicted
//                       quote / gold.
//   quote span overlap: over white-space-separated tokens, summed over the
//                       documents: P = tokens inside both a predicted and a
//                       gold quote / tokens inside predicted quotes; R = the
//                       same / tokens inside gold quotes (citron's overlap
//                       metric, counted on the union of spans so that
//                       nothing is counted twice).
//   speaker exact:      the citron source metric anchored on the quote, not
//                       the cue: a predicted quote with a speaker is correct
//                       when it overlaps a gold quote whose Source equals its
//                       speaker_mention. P = correct / predicted quotes with a
//                       speaker; R = gold quotes with a Source that some
//                       overlapping predicted quote names exactly / gold
//                       quotes with a Source. The mention is scored, not the
//                       resolved name: PolNeAR marks "he", not whom it means.
//   speaker overlap:    as speaker exact, with "overlaps" for "equals".
//
// F1 = 2PR / (P + R). Peer figures (citron en_2021-11-15 on the PARC 3.0 test
// split, its model card): source 82.0 exact / 85.3 overlap, content 59.3
// exact / 83.3 overlap. Different corpus, and citron scores all attributions
// (direct and indirect) with the quote marks inside the content spans: the
// figures are a yardstick, not a like-for-like comparison.
//
// Thread-safe: free functions without shared state.
#ifndef NEWSFUSE_EVAL_QUOTE_EVAL_H_
#define NEWSFUSE_EVAL_QUOTE_EVAL_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "eval/polnear_reader.h"
#include "extract/quote_finder.h"
#include "text/span.h"

namespace newsfuse::extract {

// A gold direct quote (see the header comment).
struct GoldQuote {
  text::Span quote;
  text::Span source;  // empty when the relation has none
  text::Span cue;
};

// The gold quotes of one document, in text order.
std::vector<GoldQuote> GoldQuotes(const PolnearDocument& doc);

// Precision and recall kept as counts so documents can be summed.
struct PrfCounts {
  uint64_t correct_predicted = 0;
  uint64_t predicted = 0;
  uint64_t correct_gold = 0;
  uint64_t gold = 0;
  double Precision() const { return predicted == 0 ? 0.0 : double(correct_predicted) / double(predicted); }
  double Recall() const { return gold == 0 ? 0.0 : double(correct_gold) / double(gold); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  void Add(const PrfCounts& o) {
    correct_predicted += o.correct_predicted;
    predicted += o.predicted;
    correct_gold += o.correct_gold;
    gold += o.gold;
  }
};

struct QuoteScores {
  uint64_t documents = 0;
  uint64_t gold_quotes = 0;
  uint64_t gold_with_source = 0;
  uint64_t predicted_quotes = 0;
  uint64_t predicted_with_speaker = 0;
  PrfCounts quote_exact;
  PrfCounts quote_overlap;
  PrfCounts speaker_exact;
  PrfCounts speaker_overlap;
  void Add(const QuoteScores& o);
};

// Scores `predicted` (from FindQuotes(doc.text)) against `doc`. When `log`
// is not null, writes one line per miss and false alarm (for development).
QuoteScores ScoreQuotes(const PolnearDocument& doc, const std::vector<Quote>& predicted,
                        std::ostream* log = nullptr);

// Runs FindQuotes() on every document and sums the scores.
QuoteScores EvaluateQuotes(const std::vector<PolnearDocument>& docs, std::ostream* log = nullptr);

// The report `newsfuse eval quotes` prints: counts, then P/R/F1 of each
// metric with the peer figure beside it.
std::string FormatQuoteScores(const QuoteScores& scores);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_QUOTE_EVAL_H_
