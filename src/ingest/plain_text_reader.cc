#include "ingest/plain_text_reader.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <simdjson.h>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/boilerplate.h"
#include "ingest/dateline.h"

namespace newsfuse::ingest {

namespace {

using base::Trim;

enum class LineRole { kBody, kDropped };

struct Line {
  std::string_view raw;
  std::string_view text;  // trimmed
  size_t block = 0;
  LineRole role = LineRole::kBody;
  BoilerplateKind kind = BoilerplateKind::kOther;
  std::optional<Dateline> dateline;
};

struct Block {
  size_t first = 0;  // index into lines
  size_t count = 0;
};

// Lower-cased words of four letters or more: enough to tell whether an
// unmarked line repeats a caption (alt text printed beside the caption).
std::set<std::string> ContentWords(std::string_view s) {
  std::set<std::string> out;
  for (auto w : base::SplitWords(s)) {
    std::string clean;
    for (char c : w) {
      if (base::IsAsciiAlpha(c)) clean.push_back(c);
    }
    if (clean.size() >= 4) out.insert(base::AsciiLower(clean));
  }
  return out;
}

double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& w : a) shared += b.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == '?' || c == '!' || c == ':' || c == '"' || c == '\'' || c == ')') return true;
  // Closing curly quote (U+201D) or ellipsis (U+2026).
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

// "• item", "- item", "* item", "1. item": returns the length of the marker.
size_t BulletLength(std::string_view s) {
  for (std::string_view b : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x96\xAA", "-", "*"}) {
    if (s.substr(0, b.size()) == b && s.size() > b.size() && base::IsAsciiSpace(s[b.size()])) {
      return b.size();
    }
  }
  size_t i = 0;
  while (i < s.size() && i < 3 && base::IsAsciiDigit(s[i])) ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') return i + 1;
  return 0;
}

bool LooksLikeHeading(std::string_view s) {
  if (s.empty() || EndsSentence(s) || s.back() == ',') return false;
  const size_t words = base::CountWords(s);
  return words >= 1 && words <= 8 && base::IsAsciiUpper(s[0]);
}

}  // namespace

Status CheckTextBytes(std::string_view origin, std::string_view bytes) {
  if (Trim(bytes).empty()) return Status::InvalidArgument(origin, "empty article (no text)");
  if (base::LooksBinary(bytes)) return Status::InvalidArgument(origin, "binary data, not text");
  // simdjson's SIMD validator answers for the common, valid case; the
  // byte-wise scan runs only to name where a bad file goes wrong.
  const size_t bad = simdjson::validate_utf8(bytes.data(), bytes.size()) ? std::string_view::npos
                                                                         : base::FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    return Status::DataLoss(origin, "invalid UTF-8 at byte " + std::to_string(bad));
  }
  return Status::Ok();
}

namespace {

// A token that reads as a word or a figure once the punctuation around it is
// stripped: letters (any non-ASCII byte counts as one) with inner ' or -, or
// digits with , . % and a currency sign. "CMAKE_AR:FILEPATH=/usr/bin/ar" and
// "std::string" are not.
bool IsWordlike(std::string_view w) {
  auto edge = [](char c) {
    return std::string_view("\"'([{.,;:!?)]}*-").find(c) != std::string_view::npos;
  };
  while (!w.empty() && edge(w.front())) w.remove_prefix(1);
  while (!w.empty() && edge(w.back())) w.remove_suffix(1);
  if (w.empty()) return true;
  auto letter = [](char c) { return base::IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80; };
  if (letter(w[0])) {
    for (size_t i = 0; i < w.size(); ++i) {
      if (letter(w[i])) continue;
      if ((w[i] == '\'' || w[i] == '-') && i + 1 < w.size() && letter(w[i + 1])) continue;
      return false;
    }
    return true;
  }
  size_t i = w[0] == '$' ? 1 : 0;
  if (i >= w.size() || !base::IsAsciiDigit(w[i])) return false;
  for (; i < w.size(); ++i) {
    if (!base::IsAsciiDigit(w[i]) && w[i] != ',' && w[i] != '.' && w[i] != '%') return false;
  }
  return true;
}

}  // namespace

Status CheckLooksLikeProse(std::string_view origin, std::string_view utf8) {
  size_t tokens = 0, words = 0;
  for (std::string_view w : base::SplitWords(utf8)) {
    ++tokens;
    words += IsWordlike(w);
  }
  if (tokens < 30 || words * 10 >= tokens * 7) return Status::Ok();
  return Status::InvalidArgument(origin, "not news text: only " + std::to_string(words * 100 / tokens) +
                                             "% of its words are words (a program's or tool's file?)");
}

std::optional<std::string> DecodeNonUtf8Text(std::string_view bytes) {
  if (Trim(bytes).empty() || base::LooksBinary(bytes) || simdjson::validate_utf8(bytes.data(), bytes.size())) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  // Windows-1252's 0x80-0x9F; the rest of the bytes are Latin-1 (= U+00XX).
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      base::AppendUtf8(c < 0xA0 ? kHigh[c - 0x80] : c, &out);
    }
  }
  return out;
}

Result<Article> ParsePlainTextArticle(std::string_view id, std::string_view origin,
                                      std::string_view bytes, const PlainTextOptions& options) {
  NEWSFUSE_RETURN_IF_ERROR(CheckTextBytes(origin, bytes));
  Article article;
  article.id.assign(id);
  article.origin.assign(origin);

  // 1. Lines and blocks (runs of non-blank lines).
  std::vector<Line> lines;
  std::vector<Block> blocks;
  bool in_block = false;
  for (std::string_view raw : base::SplitLines(bytes)) {
    const std::string_view text = Trim(raw);
    if (text.empty()) {
      in_block = false;
      continue;
    }
    if (!in_block) blocks.push_back(Block{lines.size(), 0});
    in_block = true;
    Line line;
    line.raw = raw;
    line.text = text;
    line.block = blocks.size() - 1;
    blocks.back().count++;
    lines.push_back(line);
  }

  // 2. Each line alone: datelines and boilerplate.
  for (Line& line : lines) {
    if ((line.dateline = ParseDateline(line.text))) {
      line.role = LineRole::kDropped;
      line.kind = BoilerplateKind::kDateline;
    } else if (auto kind = ClassifyLine(line.text)) {
      line.role = LineRole::kDropped;
      line.kind = *kind;
    }
  }

  // 3. Caption blocks: a block holding a caption or credit line is a caption
  // as a whole (the caption, its repeat, its credit).
  std::vector<bool> caption_block(blocks.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (size_t i = blocks[b].first; i < blocks[b].first + blocks[b].count; ++i) {
      if (lines[i].role == LineRole::kDropped && (lines[i].kind == BoilerplateKind::kPhotoCaption ||
                                                  lines[i].kind == BoilerplateKind::kCredit)) {
        caption_block[b] = true;
      }
    }
  }
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (!caption_block[b]) continue;
    for (size_t i = blocks[b].first; i < blocks[b].first + blocks[b].count; ++i) {
      if (lines[i].role == LineRole::kBody) {
        lines[i].role = LineRole::kDropped;
        lines[i].kind = BoilerplateKind::kPhotoCaption;
      }
    }
  }
  // 4. Alt text: a one-line block beside a caption block that says mostly the
  // same words (pages print the image's alt text and then its caption).
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (caption_block[b] || blocks[b].count != 1) continue;
    Line& line = lines[blocks[b].first];
    const bool beside_caption = (b + 1 < blocks.size() && caption_block[b + 1]) ||
                                (b > 0 && caption_block[b - 1]);
    if (!beside_caption || line.role != LineRole::kBody || base::CountWords(line.text) > 60) continue;
    // Built only beside a caption: most one-line blocks are not.
    std::optional<std::set<std::string>> words;
    for (size_t nb : {b + 1, b - 1}) {
      if (nb >= blocks.size() || !caption_block[nb]) continue;
      if (!words) words = ContentWords(line.text);
      std::string caption_text;
      for (size_t i = blocks[nb].first; i < blocks[nb].first + blocks[nb].count; ++i) {
        caption_text.append(lines[i].text).push_back(' ');
      }
      if (Overlap(*words, ContentWords(caption_text)) >= 0.6) {
        line.role = LineRole::kDropped;
        line.kind = BoilerplateKind::kPhotoCaption;
        caption_block[b] = true;
        break;
      }
    }
  }
  // 5. A body line repeating a dropped caption line is a caption too.
  std::set<std::string_view> caption_lines;
  for (const Line& line : lines) {
    if (line.role == LineRole::kDropped && line.kind == BoilerplateKind::kPhotoCaption) {
      caption_lines.insert(line.text);
    }
  }
  for (Line& line : lines) {
    if (line.role == LineRole::kBody && caption_lines.count(line.text)) {
      line.role = LineRole::kDropped;
      line.kind = BoilerplateKind::kPhotoCaption;
    }
  }

  // 6. Publication date: the first "published" dateline, else the first "updated".
  for (const Line& line : lines) {
    if (line.dateline && line.dateline->kind == DatelineKind::kPublished) {
      article.published = line.dateline->date;
      break;
    }
  }
  if (!article.published) {
    for (const Line& line : lines) {
      if (line.dateline) {
        article.published = line.dateline->date;
        break;
      }
    }
  }

  // 7. Headline and standfirst: the first kept block when it is one short
  // line that does not end like a sentence; the next when it is a short line
  // that either does not end like a sentence or stands before the dateline
  // or a caption (page furniture, not body, follows a standfirst).
  std::vector<size_t> kept_blocks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    bool any_body = false;
    for (size_t i = blocks[b].first; i < blocks[b].first + blocks[b].count; ++i) {
      any_body |= lines[i].role == LineRole::kBody;
    }
    if (any_body) kept_blocks.push_back(b);
  }
  auto single_body_line = [&](size_t b) -> Line* {
    if (blocks[b].count != 1) return nullptr;
    Line& l = lines[blocks[b].first];
    return l.role == LineRole::kBody ? &l : nullptr;
  };
  if (options.detect_headline && !kept_blocks.empty()) {
    Line* first = single_body_line(kept_blocks[0]);
    if (first && base::CountWords(first->text) <= 30 && first->text.back() != '.' &&
        first->text.back() != ',' && BulletLength(first->text) == 0) {
      article.title = std::string(first->text);
      first->role = LineRole::kDropped;
      first->kind = BoilerplateKind::kOther;
      if (kept_blocks.size() > 2) {
        const size_t b = kept_blocks[1];
        Line* second = single_body_line(b);
        const bool furniture_follows =
            b + 1 < blocks.size() && (caption_block[b + 1] || single_body_line(b + 1) == nullptr ||
                                      lines[blocks[b + 1].first].dateline.has_value());
        if (second && base::CountWords(second->text) <= 45 && BulletLength(second->text) == 0 &&
            (!EndsSentence(second->text) || furniture_follows)) {
          article.subtitle = std::string(second->text);
          second->role = LineRole::kDropped;
          second->kind = BoilerplateKind::kOther;
        }
      }
    }
  }

  // 8. Body paragraphs: one per line, with hard-wrapped lines joined.
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.role == LineRole::kDropped) {
      if (line.kind != BoilerplateKind::kOther) {
        article.dropped.push_back(DroppedLine{line.kind, std::string(line.text)});
      }
      continue;
    }
    std::string text(line.text);
    while (i + 1 < lines.size() && lines[i + 1].block == line.block &&
           lines[i + 1].role == LineRole::kBody && !EndsSentence(text) &&
           !lines[i + 1].text.empty() && base::IsAsciiLower(lines[i + 1].text[0])) {
      text.push_back(' ');
      text.append(lines[++i].text);
    }
    Paragraph p;
    if (const size_t bullet = BulletLength(text)) {
      p.is_list_item = true;
      text = std::string(Trim(std::string_view(text).substr(bullet)));
    }
    if (const size_t signpost = SignpostLength(text)) {
      p.label = text.substr(0, signpost - 2);
      text = text.substr(signpost);
    }
    // A lone short line without sentence punctuation between paragraphs.
    p.is_heading = !p.is_list_item && blocks[line.block].count == 1 && LooksLikeHeading(text);
    p.text = base::CollapseWhitespace(text);
    if (!p.text.empty()) article.paragraphs.push_back(std::move(p));
  }

  // 9. Outlet: a newsletter or copyright sign-off names it for certain; else
  // the one sources "told" or "confirmed to" in the story text.
  for (const Line& line : lines) {
    if (auto outlet = OutletFromSignoff(line.text)) {
      article.outlet = *outlet;
      break;
    }
  }
  if (!article.outlet) {
    for (const Paragraph& p : article.paragraphs) {
      if (auto outlet = OutletFromAttribution(p.text)) {
        article.outlet = *outlet;
        break;
      }
    }
  }
  if (article.paragraphs.empty()) {
    return Status::InvalidArgument(origin, "no article text left after removing page furniture");
  }
  return article;
}

}  // namespace newsfuse::ingest
