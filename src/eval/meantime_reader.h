// File: eval/meantime_reader.h
//
// Reads NewsReader MEANTIME (English; Minard et al. 2016) in the simplified
// CoNLL of anastasia-zhukova/Diverse_CDCR_datasets (`meantime.conll`; see
// ../shared/data/coref/README.md) into topics of documents with their named
// entity mentions (eval/coref_corpus.h).
//
// The format: "#begin document (TOPIC/DOC); part 000" ... "#end document";
// one token a line, five tab-separated columns (document, sentence, token,
// word, chains); the chains cell is "-" or "|"-separated parts "(ID", "ID)",
// "(ID)" opening, closing or spanning one token. An ID is a lower-case
// prefix saying how it was linked ("cross_", "cross_intra_", "intra_") and
// the corpus instance ("ORG37154720130514282": class + number, one per real
// thing in the instance list); the instance is the chain, the prefix is
// dropped. Entity classes are PER, ORG, LOC, PRO (products) and FIN; the
// others (OTH, SPE, GRA) are events. A sentence with any annotated mention,
// entity or event, counts as annotated; the entity mentions kept are the
// named ones there (IsNamedMention).
#ifndef NEWSFUSE_EVAL_MEANTIME_READER_H_
#define NEWSFUSE_EVAL_MEANTIME_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "eval/coref_corpus.h"
#include "newsfuse/result.h"

namespace newsfuse::eval {

// `source` names the text in errors ("FILE: line N: problem").
Result<std::vector<CorefTopic>> ParseMeantimeConll(std::string_view text, std::string_view source);

// `path`: a meantime.conll, or a folder holding one (directly, or at
// MEANTIME-prep/output_data/en/ as in the shared copy).
Result<std::vector<CorefTopic>> ReadMeantimeConll(const std::string& path);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_MEANTIME_READER_H_
