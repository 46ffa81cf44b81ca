#include "eval/meantime_reader.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/file_io.h"
#include "base/strings.h"

namespace newsfuse::eval {

namespace {

constexpr uint64_t kMaxConllBytes = uint64_t{256} << 20;

bool IsEntityClass(std::string_view cls) {
  return cls == "PER" || cls == "ORG" || cls == "LOC" || cls == "PRO" || cls == "FIN";
}

// "cross_intra_ORG371547" -> "ORG371547" (the corpus instance).
std::string_view Instance(std::string_view id) {
  size_t at = 0;
  while (at < id.size() && !base::IsAsciiUpper(id[at])) ++at;
  return id.substr(at);
}

std::string_view Class(std::string_view instance) {
  size_t at = 0;
  while (at < instance.size() && base::IsAsciiUpper(instance[at])) ++at;
  return instance.substr(0, at);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (size_t at = s.find(sep); at != std::string_view::npos; from = at + 1, at = s.find(sep, from)) {
    out.push_back(s.substr(from, at - from));
  }
  out.push_back(s.substr(from));
  return out;
}

struct Span {
  uint32_t first, last;
  std::string instance;
};

// One document being read: its tokens and the mentions whose ends were seen.
struct DocBuilder {
  CorefDoc doc;
  std::string topic;
  std::vector<std::pair<std::string, uint32_t>> open;  // instance, first token
  std::vector<Span> spans;
  std::set<int> labelled;  // sentences with any mention
};

CorefDoc Finish(DocBuilder& b) {
  CorefDoc& d = b.doc;
  d.annotated = b.labelled;
  for (Span& s : b.spans) {
    if (!IsEntityClass(Class(s.instance))) continue;
    if (!IsNamedMention(d, s.first, s.last)) continue;
    d.mentions.push_back(KeyMention{s.first, s.last, std::move(s.instance)});
  }
  return std::move(d);
}

}  // namespace

Result<std::vector<CorefTopic>> ParseMeantimeConll(std::string_view text, std::string_view source) {
  std::vector<CorefTopic> topics;
  std::map<std::string, size_t> topic_index;
  std::optional<DocBuilder> doc;
  size_t line_no = 0;
  auto error = [&](std::string_view problem) {
    return Status::DataLoss(source, "line " + std::to_string(line_no) + ": " + std::string(problem));
  };
  for (std::string_view raw : base::SplitLines(text)) {
    ++line_no;
    const std::string_view line = base::TrimRight(raw);
    if (line.starts_with("#begin document")) {
      if (doc) return error("#begin document inside a document");
      const size_t open = line.find('('), close = line.find(')');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        return error("#begin document without (TOPIC/DOC)");
      }
      doc.emplace();
      doc->doc.name = std::string(line.substr(open + 1, close - open - 1));
      doc->topic = doc->doc.name.substr(0, doc->doc.name.find('/'));
      continue;
    }
    if (line.starts_with("#end document")) {
      if (!doc) return error("#end document outside a document");
      if (!doc->open.empty()) return error("mention " + doc->open.back().first + " never closed");
      auto [it, added] = topic_index.emplace(doc->topic, topics.size());
      if (added) topics.push_back(CorefTopic{doc->topic, {}});
      topics[it->second].docs.push_back(Finish(*doc));
      doc.reset();
      continue;
    }
    if (line.empty() || line.starts_with("#")) continue;
    if (!doc) return error("token outside a document");
    const std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() != 5) return error("expected 5 tab-separated columns, found " + std::to_string(cols.size()));
    const uint32_t token = static_cast<uint32_t>(doc->doc.tokens.size());
    const int sentence = std::atoi(std::string(cols[1]).c_str());
    doc->doc.tokens.emplace_back(cols[3]);
    doc->doc.sentence.push_back(sentence);
    if (base::Trim(cols[4]) == "-") continue;
    doc->labelled.insert(sentence);
    for (std::string_view part : Split(cols[4], '|')) {
      part = base::Trim(part);
      const bool opens = part.starts_with("("), closes = part.ends_with(")");
      if (opens) part.remove_prefix(1);
      if (closes) part.remove_suffix(1);
      const std::string instance(Instance(part));
      if (instance.empty() || (!opens && !closes)) return error("unreadable chain cell part '" + std::string(part) + "'");
      if (opens && closes) {
        doc->spans.push_back(Span{token, token, instance});
      } else if (opens) {
        doc->open.emplace_back(instance, token);
      } else {
        // The latest open mention of the same instance ends here.
        auto it = doc->open.rbegin();
        while (it != doc->open.rend() && it->first != instance) ++it;
        if (it == doc->open.rend()) return error("mention " + instance + " closed but never opened");
        doc->spans.push_back(Span{it->second, token, instance});
        doc->open.erase(std::next(it).base());
      }
    }
  }
  if (doc) return Status::DataLoss(source, "ends inside document " + doc->doc.name);
  return topics;
}

Result<std::vector<CorefTopic>> ReadMeantimeConll(const std::string& path) {
  std::string file = path;
  if (std::filesystem::is_directory(path)) {
    file = path + "/meantime.conll";
    if (!std::filesystem::exists(file)) file = path + "/MEANTIME-prep/output_data/en/meantime.conll";
  }
  Result<std::string> text = base::ReadFile(file, kMaxConllBytes);
  if (!text.ok()) return text.status();
  return ParseMeantimeConll(*text, file);
}

}  // namespace newsfuse::eval
