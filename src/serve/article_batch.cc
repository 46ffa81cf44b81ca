#include "serve/article_batch.h"

#include <simdjson.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"
#include "ingest/jsonl_reader.h"
#include "ingest/reporter.h"

namespace newsfuse::serve {
namespace {

// The reader names each line "body:N"; the prefix maps messages and articles
// back to the normalized line they came from.
constexpr std::string_view kName = "body";

// Parses N out of "body:N..." (0 when absent).
size_t LineOf(std::string_view where) {
  if (where.substr(0, kName.size()) != kName || where.size() <= kName.size() ||
      where[kName.size()] != ':') {
    return 0;
  }
  return std::strtoull(std::string(where.substr(kName.size() + 1, 20)).c_str(), nullptr, 10);
}

// Strips the "body:N: " prefix, leaving the problem itself.
std::string ProblemOf(const std::string& message) {
  if (LineOf(message) == 0) return message;
  size_t colon = message.find(':', kName.size() + 1);
  if (colon == std::string::npos) return message;
  return std::string(base::Trim(std::string_view(message).substr(colon + 1)));
}

class MappingReporter : public ingest::Reporter {
 public:
  MappingReporter(const std::vector<size_t>* lines, std::vector<RejectedItem>* rejected,
                  std::vector<RejectedItem>* warnings)
      : lines_(lines), rejected_(rejected), warnings_(warnings) {}
  void Skipped(const Status& status) override { rejected_->push_back(Map(status)); }
  void Warned(const Status& status) override { warnings_->push_back(Map(status)); }

 private:
  RejectedItem Map(const Status& status) const {
    const std::string message = status.message();
    const size_t n = LineOf(message);
    const size_t line = n >= 1 && n <= lines_->size() ? (*lines_)[n - 1] : 0;
    return {line, ProblemOf(message)};
  }

  const std::vector<size_t>* lines_;
  std::vector<RejectedItem>* rejected_;
  std::vector<RejectedItem>* warnings_;
};

bool HasUsableId(simdjson::dom::object obj) {
  simdjson::dom::element id;
  if (obj.at_key("id").get(id)) return false;
  std::string_view s;
  if (!id.get_string().get(s)) return !base::Trim(s).empty();
  return id.is_int64() || id.is_uint64();
}

std::string_view StringOr(simdjson::dom::object obj, std::string_view key) {
  std::string_view s;
  if (obj.at_key(key).get_string().get(s)) return {};
  return base::Trim(s);
}

// "a-" and 16 hex digits: stable across processes and builds.
std::string DerivedId(simdjson::dom::object obj) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  std::string_view url = StringOr(obj, "url");
  if (!url.empty()) {
    XXH64_update(state, url.data(), url.size());
  } else {
    for (std::string_view key : {"title", "text", "html"}) {
      std::string_view v = StringOr(obj, key);
      XXH64_update(state, v.data(), v.size());
      XXH64_update(state, "\n", 1);
    }
  }
  unsigned long long h = XXH64_digest(state);
  XXH64_freeState(state);
  char buf[24];
  std::snprintf(buf, sizeof buf, "a-%016llx", h);
  return buf;
}

class Normalizer {
 public:
  // Appends one record as a single JSON line for the reader, or rejects it.
  // `raw`, when not empty, is the record's own text on one line: passed on
  // as it is when it needs no id, saving a re-serialisation.
  void Add(simdjson::dom::element element, size_t line, std::string_view raw = {}) {
    simdjson::dom::object obj;
    if (element.get_object().get(obj)) {
      rejected_.push_back({line, "not a JSON object"});
      return;
    }
    const bool has_id = HasUsableId(obj);
    if (has_id && !raw.empty()) {
      jsonl_ += raw;
      jsonl_ += '\n';
      lines_.push_back(line);
      return;
    }
    std::string minified = simdjson::minify(obj);
    if (!has_id && obj.size() > 0) {
      // Our id goes first: the reader takes the first "id" key it finds.
      std::string id_field = "\"id\":\"" + DerivedId(obj) + "\",";
      minified.insert(1, id_field);
    }
    jsonl_ += minified;
    jsonl_ += '\n';
    lines_.push_back(line);
  }
  void Reject(size_t line, std::string error) { rejected_.push_back({line, std::move(error)}); }

  ArticleBatch Finish() {
    ArticleBatch batch;
    MappingReporter reporter(&lines_, &batch.rejected, &batch.warnings);
    ingest::JsonlOptions options;
    options.max_line_bytes = jsonl_.size() + 1;  // the body limit already bounds a line
    batch.rejected = std::move(rejected_);
    Status s = ingest::ReadJsonlBuffer(jsonl_, std::string(kName), options, reporter,
                                       [&](Article&& a) {
                                         const size_t n = LineOf(a.origin);
                                         batch.lines.push_back(n >= 1 && n <= lines_.size() ? lines_[n - 1] : 0);
                                         batch.articles.push_back(std::move(a));
                                       });
    if (!s.ok()) batch.rejected.push_back({0, s.ToString()});
    std::stable_sort(batch.rejected.begin(), batch.rejected.end(),
                     [](const RejectedItem& a, const RejectedItem& b) { return a.line < b.line; });
    return batch;
  }

 private:
  std::string jsonl_;
  std::vector<size_t> lines_;  // input line of each normalized line
  std::vector<RejectedItem> rejected_;
};

std::string JsonError(simdjson::error_code error) {
  return std::string("not valid JSON: ") + simdjson::error_message(error);
}

void AddLines(std::string_view body, simdjson::dom::parser& parser, Normalizer& out) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < body.size()) {
    const void* nl = std::memchr(body.data() + pos, '\n', body.size() - pos);
    const size_t end = nl ? static_cast<const char*>(nl) - body.data() : body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (base::Trim(line).empty()) continue;
    simdjson::dom::element doc;
    if (auto error = parser.parse(line.data(), line.size()).get(doc)) {
      out.Reject(line_no, JsonError(error));
      continue;
    }
    out.Add(doc, line_no, line);
  }
}

}  // namespace

ArticleBatch ParseArticleBatch(std::string_view body, BodyFormat format) {
  // A parser keeps its buffers for reuse; a thread's own one serves the
  // usual small bodies, while a large body gets a parser that is freed after
  // it, so hundreds of workers never each hold a 32 MiB buffer.
  thread_local simdjson::dom::parser reused;
  simdjson::dom::parser large;
  simdjson::dom::parser& parser = body.size() > (1u << 20) ? large : reused;
  Normalizer out;
  const std::string_view trimmed = base::Trim(body);
  if (trimmed.empty()) {
    out.Reject(0, "empty body");
    return out.Finish();
  }
  if (format == BodyFormat::kDetect && trimmed.front() == '[') {
    simdjson::dom::element doc;
    if (auto error = parser.parse(body.data(), body.size()).get(doc)) {
      out.Reject(1, JsonError(error));
      return out.Finish();
    }
    size_t index = 0;
    for (simdjson::dom::element e : doc.get_array()) out.Add(e, ++index);
    if (index == 0) out.Reject(0, "empty array");
    return out.Finish();
  }
  if (format == BodyFormat::kDetect && trimmed.front() == '{') {
    simdjson::dom::element doc;
    if (!parser.parse(body.data(), body.size()).get(doc)) {
      out.Add(doc, 1);
      return out.Finish();
    }
    // Not one document: JSON Lines (or garbage, which the lines will say).
  }
  AddLines(body, parser, out);
  return out.Finish();
}

}  // namespace newsfuse::serve
