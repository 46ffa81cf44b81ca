#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "base/civil_date.h"
#include "base/file_io.h"
#include "base/strings.h"
#include "ingest/article_parser.h"
#include "ingest/dateline.h"
#include "newsfuse/result.h"

namespace newsfuse::ingest {

namespace {

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr && f != stdin) std::fclose(f);
  }
};

// Reads lines of at most `max_line` bytes. A longer line is consumed without
// being kept (its length is reported), so a 50 MB line costs no 50 MB buffer.
class LineReader {
 public:
  LineReader(FILE* file, uint64_t max_line) : file_(file), max_line_(max_line) {}

  // Returns false at end of file. Sets *too_long when the line was dropped.
  bool Next(std::string* line, bool* too_long, uint64_t* length) {
    line->clear();
    *too_long = false;
    *length = 0;
    bool any = false;
    while (true) {
      if (pos_ == end_) {
        end_ = std::fread(buf_, 1, sizeof buf_, file_);
        pos_ = 0;
        if (end_ == 0) return any;
      }
      any = true;
      const char* start = buf_ + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      const size_t n = nl ? static_cast<const char*>(nl) - start : end_ - pos_;
      *length += n;
      if (!*too_long) {
        if (line->size() + n > max_line_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, n);
        }
      }
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  FILE* file_;
  uint64_t max_line_;
  char buf_[1 << 16];
  size_t pos_ = 0;
  size_t end_ = 0;
};

// At most ~60 bytes of `s`, cut on a UTF-8 boundary, for a message.
std::string Shortened(const std::string& s) {
  if (s.size() <= 60) return s;
  size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

const char* TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: return "a number";
    case simdjson::dom::element_type::STRING: return "a string";
    case simdjson::dom::element_type::BOOL: return "true or false";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
  }
  return "another type";
}

// A text field: absent, null and "" (after trimming) are nullopt; any type
// other than a string is an error naming the field ("text" given as 42 is
// a mistake in the feed, not an article whose text is "42"). Integers are
// accepted where `integer_ok` (ids are often numbers).
Result<std::optional<std::string>> StringField(simdjson::dom::object obj, std::string_view key,
                                               std::string_view where, bool integer_ok = false) {
  simdjson::dom::element value;
  if (obj.at_key(key).get(value) || value.is_null()) return std::optional<std::string>();
  std::string_view s;
  if (!value.get_string().get(s)) {
    s = base::Trim(s);
    if (s.empty()) return std::optional<std::string>();
    return std::optional<std::string>(std::string(s));
  }
  if (integer_ok) {
    int64_t i;
    if (!value.get_int64().get(i)) return std::optional<std::string>(std::to_string(i));
    uint64_t u;
    if (!value.get_uint64().get(u)) return std::optional<std::string>(std::to_string(u));
  }
  return Status::InvalidArgument(where, "\"" + std::string(key) + "\" must be a string" +
                                            (integer_ok ? " or an integer" : "") + ", not " +
                                            TypeName(value.type()));
}

// Metadata dates come as ISO strings, or as whatever the crawler saw
// ("April 1, 2024, 5:29 PM"); anything else is not a date we can trust.
std::optional<CivilDate> NormalizePublished(const std::string& raw) {
  if (auto iso = base::ParseIsoDate(raw)) return iso;
  if (auto dl = ParseDateline(raw)) return dl->date;
  return std::nullopt;
}

}  // namespace

Status ReadJsonlStream(FILE* file, const std::string& name, const JsonlOptions& options,
                       Reporter& reporter, const std::function<void(Article&&)>& on_article) {
  const std::string stem = name == "-" ? "stdin" : base::FileStem(name);
  LineReader reader(file, options.max_line_bytes);
  simdjson::dom::parser parser;
  std::string line;
  bool too_long = false;
  uint64_t length = 0;
  size_t line_no = 0;
  size_t nonblank = 0;
  while (reader.Next(&line, &too_long, &length)) {
    ++line_no;
    const std::string where = name + ":" + std::to_string(line_no);
    if (too_long) {
      ++nonblank;
      reporter.Skipped(Status::ResourceExhausted(
          where, "line is " + std::to_string(length) + " bytes; the limit is " +
                     std::to_string(options.max_line_bytes)));
      continue;
    }
    if (base::Trim(line).empty()) continue;
    ++nonblank;
    simdjson::dom::element doc;
    if (auto error = parser.parse(line).get(doc)) {
      reporter.Skipped(Status::DataLoss(where, std::string("not valid JSON: ") + simdjson::error_message(error)));
      continue;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
      reporter.Skipped(Status::DataLoss(where, "not a JSON object"));
      continue;
    }
    MetadataFields meta;
    std::optional<std::string> text, html, published, source;
    Status bad;
    auto take = [&](std::string_view key, std::optional<std::string>* into, bool integer_ok = false) {
      if (!bad.ok()) return;
      Result<std::optional<std::string>> field = StringField(obj, key, where, integer_ok);
      if (field.ok()) {
        *into = std::move(*field);
      } else {
        bad = field.status();
      }
    };
    std::optional<std::string> id;
    take("id", &id, /*integer_ok=*/true);
    take("url", &meta.url);
    take("outlet", &meta.outlet);
    take("source", &source);
    take("title", &meta.title);
    take("published", &published);
    take("language", &meta.language);
    take("text", &text);
    take("html", &html);
    if (!bad.ok()) {
      reporter.Skipped(bad);
      continue;
    }
    meta.id = id.value_or(stem + "-" + std::to_string(line_no));
    if (!meta.outlet) meta.outlet = std::move(source);
    if (published) {
      meta.published = NormalizePublished(*published);
      if (!meta.published) {
        reporter.Warned(Status::InvalidArgument(
            where, "\"published\" is not a date: \"" + Shortened(*published) + "\" (kept without a date)"));
      }
    }
    // A feed item that is only a headline is still news: its title is its text.
    if (!text && !html && meta.title) text = meta.title;
    if (!text && !html) {
      reporter.Skipped(Status::DataLoss(where, "no \"text\", \"html\" or \"title\" field"));
      continue;
    }
    Result<Article> article = text ? ParseArticleText(meta, where, *text) : ParseArticleHtml(meta, where, *html);
    if (!article.ok()) {
      reporter.Skipped(article.status());
      continue;
    }
    on_article(std::move(*article));
  }
  if (std::ferror(file)) return Status::DataLoss(name, "read error");
  if (nonblank == 0) reporter.Skipped(Status::InvalidArgument(name, "empty file (no JSON lines)"));
  return Status::Ok();
}

Status ReadJsonl(const std::string& path, const JsonlOptions& options, Reporter& reporter,
                 const std::function<void(Article&&)>& on_article) {
  std::unique_ptr<FILE, FileCloser> file(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (!file) {
    if (errno == ENOENT) return Status::NotFound(path, "no such file");
    return Status::Unavailable(path, std::string("cannot open: ") + std::strerror(errno));
  }
  if (path != "-" && base::IsDirectory(path)) return Status::InvalidArgument(path, "is a folder, not a file");
  return ReadJsonlStream(file.get(), path, options, reporter, on_article);
}

Status ReadJsonlBuffer(std::string_view bytes, const std::string& name, const JsonlOptions& options,
                       Reporter& reporter, const std::function<void(Article&&)>& on_article) {
  if (bytes.empty()) return Status::Ok();
  // fmemopen gives the stream reader a FILE* over memory: one code path for
  // files, standard input and buffers.
  std::unique_ptr<FILE, FileCloser> file(fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb"));
  if (!file) return Status::Internal(name, "cannot open memory stream");
  return ReadJsonlStream(file.get(), name, options, reporter, on_article);
}

}  // namespace newsfuse::ingest
