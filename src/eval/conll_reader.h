// File: eval/conll_reader.h
//
// Reads CoNLL-2003 files: one token per line (`TOKEN POS CHUNK NER`, space
// separated, only the first and last columns are used), blank lines between
// sentences, `-DOCSTART-` lines between documents. The NER column may be in
// IOB1 (the original files: I-XXX, B-XXX only between two adjacent entities of
// one type), IOB2 or BIOES; chunks are decoded as conlleval does.
//
//   Result<ConllCorpus> corpus = ReadConll("eng.testa");
//   for (const ConllDocument& doc : corpus->documents) ...
#ifndef NEWSFUSE_EVAL_CONLL_READER_H_
#define NEWSFUSE_EVAL_CONLL_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_types.h"
#include "newsfuse/result.h"

namespace newsfuse::extract {

// "PER", "ORG", "LOC", "MISC": the CoNLL spelling of an entity type.
std::string_view EntityTypeConllName(EntityType type);
// Parses the CoNLL spelling; nullopt for anything else.
std::optional<EntityType> ParseConllEntityType(std::string_view name);

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // the last column, as written
  std::vector<TokenChunk> chunks;  // decoded from `tags`, token indices into `words`
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

struct ConllCorpus {
  std::vector<ConllDocument> documents;
  size_t num_sentences = 0;
  size_t num_tokens = 0;
};

// Reads and parses the file at `path` (at most 256 MiB). Errors name the file
// and line: "eng.train: line 12: expected at least 2 columns".
Result<ConllCorpus> ReadConll(const std::string& path);

// Parses CoNLL text; `name` is used in error messages. Text before the first
// -DOCSTART- forms a document of its own, as does each file without any.
Result<ConllCorpus> ParseConll(std::string_view content, std::string_view name);

// Decodes entity chunks from a tag sequence (IOB1, IOB2 or BIOES; "O" is
// outside), with conlleval's rules for where a chunk starts and ends. Tags
// of an unknown type are treated as "O".
std::vector<TokenChunk> ChunksFromTags(const std::vector<std::string>& tags);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_CONLL_READER_H_
