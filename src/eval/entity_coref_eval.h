// File: eval/entity_coref_eval.h
//
// Scores the story-level entity resolution (synthesize/entity_resolution.h)
// on ECB+ (and MEANTIME, read into the same shape) as cross-document coreference of NAMED entity mentions. Per topic
// (both its sub-topics, as the annotation's cross-document chains span them)
// every document is analysed as an article (its tokens joined by spaces, one
// sentence a line), the topic's articles are resolved together, and the
// result is scored with MUC, B-cubed, CEAF-e and CoNLL F1 (eval/coref_metrics.h).
//
// Which mentions count (the key): gold entity mentions (ECB+ classes
// HUMAN_PART_*, NON_HUMAN_PART*, LOC_*; MEANTIME PER, ORG, LOC, PRO, FIN) in
// the annotated sentences whose words are names (IsNamedMention in
// eval/coref_corpus.h). Their chains are ECB+'s CROSS_DOC_COREF instances (a
// mention in none is a singleton) and MEANTIME's corpus instance ids. The
// response: every PERSON, ORGANIZATION and LOCATION mention the tagger finds
// in those sentences; one that overlaps a
// key mention takes that mention's id (so a tagger miss costs recall and a
// spurious mention precision, the predicted-mention setting).
#ifndef NEWSFUSE_EVAL_ENTITY_COREF_EVAL_H_
#define NEWSFUSE_EVAL_ENTITY_COREF_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "eval/coref_corpus.h"
#include "eval/coref_metrics.h"
#include "extract/article_analysis.h"
#include "extract/entity_tagger.h"
#include "extract/place_gazetteer.h"
#include "newsfuse/article.h"
#include "newsfuse/result.h"
#include "synthesize/entity_resolution.h"

namespace newsfuse::eval {

struct EntityCorefResult {
  CorefScores scores;       // predicted mentions (above)
  // The same, without the mentions of what the resolution left out as no
  // entity of the story (credits, the outlet's name, headline-only names,
  // common words): the mentions a briefing lists.
  CorefScores kept_entities;
  // The key's own mentions, each taking the entity of the predicted mention
  // that overlaps it (a singleton when none does), spurious ones left out:
  // the resolution alone, with the tagger's misses and extras set aside.
  CorefScores gold_mentions;
  // The same, with entities joined by their folded name only ("U.N." = "UN",
  // the within-article chains kept): what string matching alone gives.
  CorefScores gold_mentions_same_name;
  size_t topics = 0, documents = 0, key_mentions = 0, key_chains = 0, response_mentions = 0;
  // What the tagger side got wrong, by wording: key mentions no predicted
  // mention overlaps, predicted mentions that overlap no key mention.
  std::map<std::string, int> missed, spurious;
  // Tagger mentions on a key mention whose entity the resolution left out.
  std::map<std::string, int> left_out;
};

// ECB+ topics of the usual split (Cybulska & Vossen 2014; ../shared/data/coref/README.md).
std::vector<int> EcbDevTopics();
std::vector<int> EcbTrainTopics();

// A topic's documents analysed once as articles (the tagger's part, the slow
// one), so that the resolution can be scored under many options (the
// cross-validation in eval/entity_resolution_cv.h).
struct AnalyzedTopic {
  CorefTopic topic;
  std::vector<Article> articles;                    // one per document, its tokens joined by spaces
  std::vector<extract::ArticleAnalysis> analyses;   // point into `articles`
  std::vector<std::vector<uint32_t>> token_begin;   // per document, per token: byte offset in its text
};

AnalyzedTopic AnalyzeTopic(const extract::EntityTagger& tagger, CorefTopic topic);

// `dir` holds xml/<topic>/*.xml and ECBplus_coreference_sentences.csv.
Result<std::vector<AnalyzedTopic>> AnalyzeEcbTopics(const extract::EntityTagger& tagger, const std::string& dir,
                                                    const std::vector<int>& topics);

// MEANTIME (eval/meantime_reader.h): every topic of `path` (its meantime.conll
// or a folder holding one), counted and scored as above.
Result<std::vector<AnalyzedTopic>> AnalyzeMeantimeTopics(const extract::EntityTagger& tagger, const std::string& path);

// Resolves each topic's articles together under `resolution` and adds up the
// scores of the three settings (EntityCorefResult).
void ScoreAnalyzedTopic(const AnalyzedTopic& topic, const extract::PlaceGazetteer& places,
                        const synthesize::ResolutionOptions& resolution, EntityCorefResult& result);
EntityCorefResult ScoreAnalyzedTopics(const std::vector<AnalyzedTopic>& topics, const extract::PlaceGazetteer& places,
                                      const synthesize::ResolutionOptions& resolution);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_ENTITY_COREF_EVAL_H_
