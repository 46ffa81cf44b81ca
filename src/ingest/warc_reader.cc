#include "ingest/warc_reader.h"

#include <zlib.h>

#include <deque>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "ingest/charset.h"
#include "ingest/html_gunzip.h"

namespace newsfuse::ingest {
namespace {

constexpr size_t kChunk = 64 << 10;
constexpr size_t kMaxLine = 64 << 10;
constexpr size_t kMaxHeaderLines = 512;

// The decompressed bytes of a .warc or .warc.gz file, read in chunks.
//
// A .warc.gz is a series of gzip members. When a member is damaged (bad data,
// or cut short and followed by the next member), the stream puts a barrier
// where the good bytes end: reads stop there as at an end of file, until the
// record reader calls Resync(), which drops what is left before the barrier
// and goes on from the next gzip member found in the compressed bytes.
class WarcByteStream {
 public:
  explicit WarcByteStream(std::istream& in) : in_(in) {
    char magic[2];
    in_.read(magic, 2);
    const std::streamsize got = in_.gcount();
    in_.clear();
    in_.seekg(0);
    if (!in_) {
      // Not seekable: keep the two bytes as the start of the input.
      in_.clear();
      cbuf_.assign(magic, static_cast<size_t>(got));
    }
    gzip_ = got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
            static_cast<unsigned char>(magic[1]) == 0x8b;
    if (gzip_) {
      inflateInit2(&zs_, 15 + 16);
      members_.push_back({0, 0});
    } else {
      buf_ = std::move(cbuf_);
      cbuf_.clear();
    }
  }
  ~WarcByteStream() {
    if (gzip_) inflateEnd(&zs_);
  }
  WarcByteStream(const WarcByteStream&) = delete;
  WarcByteStream& operator=(const WarcByteStream&) = delete;

  // The offset to name in messages for the byte at the read position: the
  // byte offset in a .warc; the offset of the gzip member in a .warc.gz.
  uint64_t Offset() {
    if (!gzip_) return pos_;
    // The next member is only known once its first byte has been inflated.
    if (head_ == buf_.size()) Fill();
    uint64_t offset = 0;
    for (const auto& [start, member] : members_) {
      if (start <= pos_) offset = member;
    }
    return offset;
  }
  bool gzip() const { return gzip_; }
  // True when the last ReadLine() ended at the end of input, not at a '\n'.
  bool line_cut() const { return line_cut_; }
  bool at_barrier() const { return barrier_ && head_ == buf_.size(); }
  const std::string& damage() const { return damage_; }

  // Drops what is left before a barrier and resumes decompression.
  void Resync() {
    if (!barrier_) return;
    pos_ += buf_.size() - head_;
    buf_.clear();
    head_ = 0;
    barrier_ = false;
    damage_.clear();
  }

  // Reads one line (without the "\n"; a trailing "\r" is kept off too).
  // Returns false at the end of input (or a barrier) with nothing read.
  // A line longer than kMaxLine is returned cut, with *too_long set.
  bool ReadLine(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    line_cut_ = false;
    while (true) {
      if (head_ == buf_.size() && !Fill()) {
        line_cut_ = !line->empty();
        return !line->empty();
      }
      const size_t nl = buf_.find('\n', head_);
      const size_t end = nl == std::string::npos ? buf_.size() : nl;
      const size_t take = std::min(end - head_, kMaxLine - std::min(kMaxLine, line->size()));
      line->append(buf_, head_, take);
      if (nl != std::string::npos && take == end - head_) {
        line_cut_ = false;
        Consume(end + 1 - head_);
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
      Consume(end - head_);
      if (line->size() >= kMaxLine) {
        *too_long = true;
        return true;
      }
    }
  }

  // Appends up to `n` bytes to `out` (fewer at the end of input or a barrier);
  // `out` may be null to skip the bytes. Returns the count.
  uint64_t Read(uint64_t n, std::string* out) {
    uint64_t done = 0;
    while (done < n) {
      if (head_ == buf_.size() && !Fill()) break;
      const size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, buf_.size() - head_));
      if (out != nullptr) out->append(buf_, head_, take);
      Consume(take);
      done += take;
    }
    return done;
  }

  // Puts `bytes` (just read) back in front of the read position.
  void Unread(std::string_view bytes) {
    buf_.replace(0, head_, bytes);
    head_ = 0;
    pos_ -= bytes.size();
  }

 private:
  void Consume(size_t n) {
    head_ += n;
    pos_ += n;
  }

  // Makes more bytes available; false at the end of input or a barrier.
  bool Fill() {
    if (barrier_) return false;
    buf_.erase(0, head_);
    head_ = 0;
    if (!gzip_) {
      if (in_eof_) return false;
      const size_t old = buf_.size();
      buf_.resize(old + kChunk);
      in_.read(buf_.data() + old, kChunk);
      const size_t got = static_cast<size_t>(in_.gcount());
      buf_.resize(old + got);
      if (got < kChunk) in_eof_ = true;
      return got > 0;
    }
    return Inflate();
  }

  // Reads more compressed bytes; false when the file has ended.
  bool ReadCompressed() {
    if (in_eof_) return false;
    // Keep the bytes of the current member (to look for the next member
    // inside them if it turns out damaged), unless it grows too large.
    const uint64_t keep_from = cbuf_offset_ + cpos_ - std::min<uint64_t>(cpos_, 4 << 20);
    const uint64_t drop_to = std::max(std::min(member_start_, cbuf_offset_ + cpos_), keep_from);
    if (drop_to > cbuf_offset_) {
      const size_t drop = static_cast<size_t>(drop_to - cbuf_offset_);
      cbuf_.erase(0, drop);
      cpos_ -= drop;
      cbuf_offset_ = drop_to;
    }
    const size_t old = cbuf_.size();
    cbuf_.resize(old + kChunk);
    in_.read(cbuf_.data() + old, kChunk);
    const size_t got = static_cast<size_t>(in_.gcount());
    cbuf_.resize(old + got);
    if (got < kChunk) in_eof_ = true;
    return got > 0;
  }

  void SetBarrier(std::string message) {
    barrier_ = true;
    damage_ = std::move(message);
  }

  // Looks for the next gzip member after the damaged one; Inflate() starts it
  // once the record reader has resynchronised.
  void SkipToNextMember() {
    uint64_t from = member_start_ + 1;
    while (true) {
      const size_t begin = from > cbuf_offset_ ? static_cast<size_t>(from - cbuf_offset_) : 0;
      const size_t at = begin < cbuf_.size() ? cbuf_.find("\x1f\x8b\x08", begin) : std::string::npos;
      if (at != std::string::npos) {
        cpos_ = at;
        break;
      }
      // Keep the last two bytes: a magic may straddle two chunks.
      cpos_ = cbuf_.size() >= 2 ? cbuf_.size() - 2 : cbuf_.size();
      member_start_ = cbuf_offset_ + cpos_;
      from = member_start_;
      if (!ReadCompressed()) {
        cpos_ = cbuf_.size();
        break;
      }
    }
    member_start_ = cbuf_offset_ + cpos_;
    inflateReset(&zs_);
    member_open_ = false;
  }

  bool Inflate() {
    const size_t old = buf_.size();
    buf_.resize(old + kChunk);
    size_t produced = 0;
    while (produced == 0) {
      if (cpos_ == cbuf_.size() && !ReadCompressed()) {
        if (member_open_) {
          SetBarrier("gzip member at offset " + std::to_string(member_start_) +
                     " is cut short by the end of the file");
          member_open_ = false;
        }
        break;
      }
      if (!member_open_) {
        // Between members: skip padding; anything but a gzip header is damage.
        if (cbuf_[cpos_] == '\0' || cbuf_[cpos_] == '\n' || cbuf_[cpos_] == '\r') {
          ++cpos_;
          continue;
        }
        member_start_ = cbuf_offset_ + cpos_;
        members_.push_back({pos_ + old + produced, member_start_});
        if (members_.size() > 64) members_.pop_front();
        member_open_ = true;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(cbuf_.data() + cpos_);
      zs_.avail_in = static_cast<uInt>(cbuf_.size() - cpos_);
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old + produced);
      zs_.avail_out = static_cast<uInt>(kChunk - produced);
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      cpos_ = cbuf_.size() - zs_.avail_in;
      produced = kChunk - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        inflateReset(&zs_);
        member_open_ = false;
        continue;
      }
      if (rc == Z_OK || (rc == Z_BUF_ERROR && zs_.avail_in == 0)) continue;
      SetBarrier("gzip member at offset " + std::to_string(member_start_) + " is damaged (" +
                 (zs_.msg != nullptr ? zs_.msg : "zlib error") + ")");
      SkipToNextMember();
      break;
    }
    buf_.resize(old + produced);
    return produced > 0;
  }

  std::istream& in_;
  bool gzip_ = false;
  bool in_eof_ = false;
  std::string buf_;  // decompressed bytes; buf_[head_] is the next to read
  size_t head_ = 0;
  uint64_t pos_ = 0;  // decompressed bytes consumed so far
  // gzip only.
  z_stream zs_{};
  std::string cbuf_;  // compressed bytes from cbuf_offset_
  uint64_t cbuf_offset_ = 0;
  size_t cpos_ = 0;  // next compressed byte for inflate
  uint64_t member_start_ = 0;
  bool member_open_ = false;
  // (decompressed position where a member starts, its compressed offset)
  std::deque<std::pair<uint64_t, uint64_t>> members_;
  bool barrier_ = false;
  std::string damage_;
  bool line_cut_ = false;
};

struct Header {
  std::string name;  // lower-cased
  std::string value;
};

std::string_view HeaderValue(const std::vector<Header>& headers, std::string_view name) {
  for (const Header& h : headers) {
    if (h.name == name) return h.value;
  }
  return {};
}

bool ParseHeaderLine(std::string_view line, std::vector<Header>* headers) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  headers->push_back(Header{base::AsciiLower(base::Trim(line.substr(0, colon))),
                            std::string(base::Trim(line.substr(colon + 1)))});
  return true;
}

bool ParseUint(std::string_view s, uint64_t* value, int base = 10) {
  s = base::Trim(s);
  if (s.empty() || s.size() > 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  *value = v;
  return true;
}

// Undoes "Transfer-Encoding: chunked" (RFC 9112 section 7.1).
Result<std::string> Dechunk(std::string_view subject, std::string_view body, uint64_t max_bytes) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return Status::DataLoss(subject, "chunked body cut short");
    std::string_view size_line = body.substr(pos, eol - pos);
    const size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    uint64_t size = 0;
    if (!ParseUint(size_line, &size, 16)) {
      return Status::DataLoss(subject, "bad chunk size in chunked body");
    }
    pos = eol + 1;
    if (size == 0) return out;
    if (size > body.size() - pos) return Status::DataLoss(subject, "chunked body cut short");
    if (out.size() + size > max_bytes) {
      return Status::ResourceExhausted(subject, "chunked body over the page size limit");
    }
    out.append(body.substr(pos, static_cast<size_t>(size)));
    pos += static_cast<size_t>(size);
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
}

bool LooksLikeHtml(std::string_view body) {
  const std::string_view head = base::TrimLeft(body.substr(0, 1024));
  return base::StartsWithIgnoreCase(head, "<!doctype html") ||
         base::StartsWithIgnoreCase(head, "<html") || base::FindIgnoreCase(head, "<head") !=
                                                          std::string_view::npos;
}

bool IsHtmlType(std::string_view content_type) {
  return base::FindIgnoreCase(content_type, "text/html") != std::string_view::npos ||
         base::FindIgnoreCase(content_type, "application/xhtml") != std::string_view::npos;
}

// Finds the start of a "WARC/1." line inside `block` after position 0.
size_t FindRecordStart(std::string_view block) {
  size_t pos = 0;
  while (true) {
    const size_t at = block.find("\nWARC/1.", pos);
    if (at == std::string_view::npos) return std::string_view::npos;
    return at + 1;
  }
}

class WarcReader {
 public:
  WarcReader(std::istream& in, std::string_view name, const WarcOptions& options,
             Reporter& reporter, const std::function<void(Article&&)>& on_article)
      : stream_(in), name_(name), options_(options), reporter_(reporter), on_article_(on_article) {}

  void Run() {
    std::string line;
    bool too_long = false;
    while (true) {
      if (stream_.at_barrier()) {
        Skip(stream_.Offset(), stream_.damage());
        stream_.Resync();
        continue;
      }
      const uint64_t offset = stream_.Offset();
      if (!stream_.ReadLine(&line, &too_long)) {
        if (stream_.at_barrier()) continue;
        break;
      }
      if (base::Trim(line).empty()) continue;
      if (!base::StartsWithIgnoreCase(line, "WARC/")) {
        Skip(offset, "expected a WARC record header, found other data; looking for the next record");
        ResyncToRecord();
        continue;
      }
      ReadRecord(offset);
    }
  }

 private:
  std::string Where(uint64_t offset) const {
    return name_ + ": record at offset " + std::to_string(offset);
  }

  void Skip(uint64_t offset, std::string_view problem) {
    reporter_.Skipped(Status::DataLoss(Where(offset), problem));
  }

  // Reads lines until one starts a WARC record, and puts it back.
  void ResyncToRecord() {
    std::string line;
    bool too_long;
    while (stream_.ReadLine(&line, &too_long)) {
      if (!too_long && base::StartsWithIgnoreCase(line, "WARC/1.")) {
        stream_.Unread(line + "\r\n");
        return;
      }
    }
  }

  void ReadRecord(uint64_t offset) {
    std::vector<Header> headers;
    std::string line;
    bool too_long = false;
    while (true) {
      if (!stream_.ReadLine(&line, &too_long)) {
        if (stream_.at_barrier()) {
          Skip(offset, stream_.damage());
          stream_.Resync();
        } else {
          Skip(offset, "record header cut short by the end of the file");
        }
        return;
      }
      if (stream_.line_cut()) {
        Skip(offset, stream_.at_barrier() ? stream_.damage()
                                          : "record header cut short by the end of the file");
        stream_.Resync();
        return;
      }
      if (line.empty()) break;
      if (too_long || headers.size() >= kMaxHeaderLines || !ParseHeaderLine(line, &headers)) {
        Skip(offset, "malformed WARC header line; looking for the next record");
        ResyncToRecord();
        return;
      }
    }
    uint64_t length = 0;
    if (!ParseUint(HeaderValue(headers, "content-length"), &length)) {
      Skip(offset, "missing or bad Content-Length; looking for the next record");
      ResyncToRecord();
      return;
    }
    if (length > options_.max_record_bytes) {
      Skip(offset, "record of " + std::to_string(length) + " bytes is over the limit of " +
                       std::to_string(options_.max_record_bytes) + " bytes");
      const uint64_t skipped = stream_.Read(length, nullptr);
      if (skipped < length && stream_.at_barrier()) {
        stream_.Resync();
        return;
      }
      ExpectRecordEnd(offset, {}, /*report=*/false);
      return;
    }
    std::string block;
    block.reserve(static_cast<size_t>(length));
    const uint64_t got = stream_.Read(length, &block);
    if (got < length) {
      if (stream_.at_barrier()) {
        Skip(offset, stream_.damage());
        stream_.Resync();
        return;
      }
      Skip(offset, "record cut short: Content-Length " + std::to_string(length) + " but only " +
                       std::to_string(got) + " bytes before the end of the file");
      const size_t next = FindRecordStart(block);
      if (next != std::string::npos) stream_.Unread(std::string_view(block).substr(next));
      return;
    }
    if (!ExpectRecordEnd(offset, block, /*report=*/true)) return;
    Process(offset, headers, block);
  }

  // Checks the "\r\n\r\n" after a block. When it is not there, Content-Length
  // lied: the record is skipped and reading resumes at the next record, found
  // inside the block (length too long) or after it (too short).
  bool ExpectRecordEnd(uint64_t offset, std::string_view block, bool report) {
    std::string trailer;
    stream_.Read(4, &trailer);
    if (trailer == "\r\n\r\n" || trailer == "\n\n\r\n") return true;
    if (trailer.empty() && !stream_.at_barrier()) return true;  // last record, no trailer
    if (trailer.size() >= 2 && trailer.substr(0, 2) == "\r\n") {
      // Lenient: one CRLF then the next record.
      if (trailer.substr(2).empty() || trailer.substr(2, 1) == "W") {
        stream_.Unread(trailer.substr(2));
        return true;
      }
    }
    if (report) {
      Skip(offset, "Content-Length does not match the record (no record end after " +
                       std::to_string(block.size()) + " bytes); looking for the next record");
    }
    stream_.Unread(trailer);
    const size_t next = FindRecordStart(block);
    if (next != std::string::npos) {
      stream_.Unread(block.substr(next));
    } else {
      ResyncToRecord();
    }
    return false;
  }

  void Process(uint64_t offset, const std::vector<Header>& headers, std::string_view block) {
    const std::string type = base::AsciiLower(HeaderValue(headers, "warc-type"));
    const std::string_view content_type = HeaderValue(headers, "content-type");
    std::string_view body;
    std::string charset;
    std::string decoded;
    if (type == "response" &&
        base::FindIgnoreCase(content_type, "application/http") != std::string_view::npos) {
      Status s = ParseHttp(offset, block, &body, &charset, &decoded);
      if (!s.ok()) {
        reporter_.Skipped(s);
        return;
      }
      if (body.data() == nullptr) return;  // not an HTML page
    } else if (type == "resource" || type == "response") {
      if (!IsHtmlType(content_type) && !(content_type.empty() && LooksLikeHtml(block))) return;
      body = block;
      charset = CharsetFromContentType(content_type);
    } else {
      return;
    }
    std::string uri(base::Trim(HeaderValue(headers, "warc-target-uri")));
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    HtmlReaderOptions html = options_.html;
    html.declared_charset = charset;
    const std::string origin = name_ + "@" + std::to_string(offset);
    Result<Article> article =
        ReadHtmlArticle(uri.empty() ? origin : uri, origin, body, html, nullptr);
    if (!article.ok()) {
      reporter_.Skipped(article.status());
      return;
    }
    if (!article->url && !uri.empty()) article->url = uri;
    on_article_(std::move(*article));
  }

  // Splits an HTTP response; leaves `*body` null when it is not a 2xx HTML page.
  Status ParseHttp(uint64_t offset, std::string_view block, std::string_view* body,
                   std::string* charset, std::string* decoded) {
    size_t end = block.find("\r\n\r\n");
    size_t sep = 4;
    if (end == std::string_view::npos) {
      end = block.find("\n\n");
      sep = 2;
    }
    if (end == std::string_view::npos) {
      return Status::DataLoss(Where(offset), "HTTP response without a header end");
    }
    const std::string_view head = block.substr(0, end);
    std::string_view payload = block.substr(end + sep);
    std::vector<Header> headers;
    bool first = true;
    int status = 0;
    for (std::string_view line : base::SplitLines(head)) {
      if (first) {
        first = false;
        const std::vector<std::string_view> parts = base::SplitWords(line);
        if (parts.size() < 2 || !base::StartsWithIgnoreCase(parts[0], "HTTP/")) {
          return Status::DataLoss(Where(offset), "bad HTTP status line");
        }
        uint64_t code = 0;
        if (!ParseUint(parts[1], &code)) {
          return Status::DataLoss(Where(offset), "bad HTTP status line");
        }
        status = static_cast<int>(code);
        continue;
      }
      ParseHeaderLine(line, &headers);
    }
    if (status < 200 || status >= 300) return Status::Ok();
    const std::string_view content_type = HeaderValue(headers, "content-type");
    const std::string transfer = base::AsciiLower(HeaderValue(headers, "transfer-encoding"));
    const std::string coding = base::AsciiLower(HeaderValue(headers, "content-encoding"));
    const uint64_t max = options_.html.max_page_bytes;
    if (transfer.find("chunked") != std::string::npos) {
      Result<std::string> plain = Dechunk(Where(offset), payload, max);
      if (!plain.ok()) return plain.status();
      *decoded = std::move(*plain);
      payload = *decoded;
    }
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      Result<std::string> plain = Inflate(Where(offset), payload, max);
      if (!plain.ok()) return plain.status();
      *decoded = std::move(*plain);
      payload = *decoded;
    } else if (!coding.empty() && coding != "identity") {
      return Status::Unimplemented(Where(offset), "unsupported Content-Encoding " + coding);
    }
    if (!IsHtmlType(content_type) && !(content_type.empty() && LooksLikeHtml(payload))) {
      return Status::Ok();
    }
    *charset = CharsetFromContentType(content_type);
    *body = payload.data() == nullptr ? std::string_view("", 0) : payload;
    return Status::Ok();
  }

  WarcByteStream stream_;
  std::string name_;
  const WarcOptions& options_;
  Reporter& reporter_;
  const std::function<void(Article&&)>& on_article_;
};

}  // namespace

Status ReadWarcStream(std::istream& in, std::string_view name, const WarcOptions& options,
                      Reporter& reporter, const std::function<void(Article&&)>& on_article) {
  WarcReader reader(in, name, options, reporter, on_article);
  reader.Run();
  return Status::Ok();
}

Status ReadWarc(const std::string& path, const WarcOptions& options, Reporter& reporter,
                const std::function<void(Article&&)>& on_article) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot open the WARC file");
  return ReadWarcStream(in, path, options, reporter, on_article);
}

Status ReadWarc(const std::string& path, Reporter& reporter,
                const std::function<void(Article&&)>& on_article) {
  return ReadWarc(path, WarcOptions(), reporter, on_article);
}

}  // namespace newsfuse::ingest
