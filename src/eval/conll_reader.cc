#include "eval/conll_reader.h"

#include <string>

#include "base/file_io.h"
#include "base/strings.h"

namespace newsfuse::extract {

std::string_view EntityTypeConllName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kOther:
      return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> ParseConllEntityType(std::string_view name) {
  if (name == "PER") return EntityType::kPerson;
  if (name == "ORG") return EntityType::kOrganization;
  if (name == "LOC") return EntityType::kLocation;
  if (name == "MISC") return EntityType::kOther;
  return std::nullopt;
}

namespace {

// A tag split as conlleval does: prefix ('O', 'B', 'I', 'E', 'S') and type.
struct SplitTag {
  char prefix = 'O';
  int type = -1;
};

SplitTag Split(std::string_view tag) {
  SplitTag t;
  if (tag.size() < 3 || tag[1] != '-') return t;
  const auto type = ParseConllEntityType(tag.substr(2));
  if (!type) return t;
  t.prefix = tag[0];
  t.type = static_cast<int>(*type);
  return t;
}

// conlleval's endOfChunk / startOfChunk.
bool EndOfChunk(SplitTag prev, SplitTag cur) {
  if (prev.type < 0) return false;
  if (prev.prefix == 'E' || prev.prefix == 'S') return true;
  if (cur.type < 0) return true;
  if (cur.prefix == 'B' || cur.prefix == 'S') return true;
  return cur.type != prev.type;
}

bool StartOfChunk(SplitTag prev, SplitTag cur) {
  if (cur.type < 0) return false;
  if (cur.prefix == 'B' || cur.prefix == 'S') return true;
  if (prev.type < 0) return true;
  if (prev.prefix == 'E' || prev.prefix == 'S') return true;
  return cur.type != prev.type;
}

}  // namespace

std::vector<TokenChunk> ChunksFromTags(const std::vector<std::string>& tags) {
  std::vector<TokenChunk> chunks;
  SplitTag prev;
  int open_begin = -1;
  for (size_t i = 0; i <= tags.size(); ++i) {
    const SplitTag cur = i < tags.size() ? Split(tags[i]) : SplitTag{};
    if (open_begin >= 0 && EndOfChunk(prev, cur)) {
      chunks.push_back(TokenChunk{static_cast<uint32_t>(open_begin), static_cast<uint32_t>(i),
                                  static_cast<EntityType>(prev.type)});
      open_begin = -1;
    }
    if (StartOfChunk(prev, cur)) open_begin = static_cast<int>(i);
    prev = cur;
  }
  return chunks;
}

Result<ConllCorpus> ParseConll(std::string_view content, std::string_view name) {
  ConllCorpus corpus;
  ConllDocument doc;
  ConllSentence sentence;
  auto end_sentence = [&] {
    if (sentence.words.empty()) return;
    sentence.chunks = ChunksFromTags(sentence.tags);
    corpus.num_tokens += sentence.words.size();
    ++corpus.num_sentences;
    doc.sentences.push_back(std::move(sentence));
    sentence = ConllSentence();
  };
  auto end_document = [&] {
    end_sentence();
    if (!doc.sentences.empty()) corpus.documents.push_back(std::move(doc));
    doc = ConllDocument();
  };
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    line = base::Trim(line);
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      end_document();
      continue;
    }
    const size_t first_space = line.find_first_of(" \t");
    const size_t last_space = line.find_last_of(" \t");
    if (first_space == std::string_view::npos) {
      return Status::InvalidArgument(name, "line " + std::to_string(line_no) +
                                               ": expected at least 2 columns (token ... tag)");
    }
    sentence.words.emplace_back(line.substr(0, first_space));
    sentence.tags.emplace_back(line.substr(last_space + 1));
  }
  end_document();
  return corpus;
}

Result<ConllCorpus> ReadConll(const std::string& path) {
  Result<std::string> content = base::ReadFile(path, uint64_t{256} << 20);
  if (!content.ok()) return content.status();
  return ParseConll(*content, path);
}

}  // namespace newsfuse::extract
