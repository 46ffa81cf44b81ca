#include "eval/timeml_reader.h"

#include <cstdint>

#include "base/file_io.h"
#include "base/strings.h"

namespace newsfuse::extract {
namespace {

constexpr uint64_t kMaxTimeMlBytes = 16u << 20;

// Value of attribute `name` inside one start tag `tag` ("<TIMEX3 a=\"b\" ...>").
std::string_view Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool starts_word = pos > 0 && base::IsAsciiSpace(tag[pos - 1]);
    size_t eq = pos + name.size();
    if (starts_word && eq < tag.size() && tag[eq] == '=' && eq + 1 < tag.size()) {
      const char quote = tag[eq + 1];
      const size_t close = tag.find(quote, eq + 2);
      if (close == std::string_view::npos) return {};
      return tag.substr(eq + 2, close - eq - 2);
    }
    pos = eq;
  }
  return {};
}

bool TagNameIs(std::string_view tag, std::string_view name) {
  // `tag` starts after '<' (and after '/' for end tags).
  if (tag.size() < name.size() || tag.substr(0, name.size()) != name) return false;
  return tag.size() == name.size() ||
         (!base::IsAsciiAlpha(tag[name.size()]) && !base::IsAsciiDigit(tag[name.size()]));
}

// Appends `raw` with the XML entities decoded.
void AppendDecoded(std::string_view raw, std::string* out) {
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out->push_back(raw[i]);
      continue;
    }
    const size_t semi = raw.find(';', i);
    std::string_view entity =
        semi == std::string_view::npos ? std::string_view() : raw.substr(i + 1, semi - i - 1);
    char decoded = 0;
    if (entity == "amp") decoded = '&';
    else if (entity == "lt") decoded = '<';
    else if (entity == "gt") decoded = '>';
    else if (entity == "quot") decoded = '"';
    else if (entity == "apos") decoded = '\'';
    if (decoded == 0) {
      out->push_back('&');
      continue;
    }
    out->push_back(decoded);
    i = semi;
  }
}

std::optional<base::CivilDate> ParseDct(std::string_view value) {
  if (auto date = base::ParseIsoDate(value)) return date;
  if (value.size() >= 10) {
    auto day = base::ParseIsoDate(value.substr(0, 10));
    if (day && value.size() >= 16 && value[10] == 'T' && base::IsAsciiDigit(value[11]) &&
        base::IsAsciiDigit(value[12]) && value[13] == ':') {
      day->hour = (value[11] - '0') * 10 + (value[12] - '0');
      day->minute = (value[14] - '0') * 10 + (value[15] - '0');
      if (!day->valid()) {
        day->hour = -1;
        day->minute = -1;
      }
    }
    return day;
  }
  return std::nullopt;
}

}  // namespace

Result<TimeMlDocument> ParseTimeMl(std::string_view source, std::string_view xml) {
  TimeMlDocument doc;
  const size_t docid = xml.find("<DOCID>");
  if (docid != std::string_view::npos) {
    const size_t end = xml.find("</DOCID>", docid);
    if (end != std::string_view::npos) {
      doc.id = std::string(base::Trim(xml.substr(docid + 7, end - docid - 7)));
    }
  }
  if (doc.id.empty()) doc.id = base::FileStem(source);

  const size_t dct = xml.find("<DCT>");
  if (dct != std::string_view::npos) {
    const size_t tag_end = xml.find('>', xml.find("<TIMEX3", dct));
    const size_t tag_begin = xml.find("<TIMEX3", dct);
    if (tag_begin != std::string_view::npos && tag_end != std::string_view::npos) {
      doc.creation_time = ParseDct(Attribute(xml.substr(tag_begin, tag_end - tag_begin), "value"));
    }
  }

  const size_t text_open = xml.find("<TEXT>");
  const size_t text_close = xml.rfind("</TEXT>");
  if (text_open == std::string_view::npos || text_close == std::string_view::npos ||
      text_close < text_open) {
    return Status::DataLoss(source, "no <TEXT> element");
  }
  const std::string_view body = xml.substr(text_open + 6, text_close - text_open - 6);
  doc.text.reserve(body.size());
  bool in_timex = false;
  GoldTimex current;
  size_t i = 0;
  while (i < body.size()) {
    const size_t lt = body.find('<', i);
    AppendDecoded(body.substr(i, lt == std::string_view::npos ? body.size() - i : lt - i),
                  &doc.text);
    if (lt == std::string_view::npos) break;
    const size_t gt = body.find('>', lt);
    if (gt == std::string_view::npos) return Status::DataLoss(source, "unclosed tag in <TEXT>");
    const std::string_view tag = body.substr(lt + 1, gt - lt - 1);
    if (TagNameIs(tag, "TIMEX3")) {
      if (in_timex) return Status::DataLoss(source, "nested TIMEX3");
      in_timex = true;
      current = GoldTimex{};
      current.span.begin = static_cast<uint32_t>(doc.text.size());
      current.type = std::string(Attribute(tag, "type"));
      current.value = std::string(Attribute(tag, "value"));
    } else if (!tag.empty() && tag[0] == '/' && TagNameIs(tag.substr(1), "TIMEX3")) {
      if (!in_timex) return Status::DataLoss(source, "</TIMEX3> without <TIMEX3>");
      in_timex = false;
      current.span.end = static_cast<uint32_t>(doc.text.size());
      doc.timexes.push_back(std::move(current));
    }
    i = gt + 1;
  }
  if (in_timex) return Status::DataLoss(source, "TIMEX3 not closed");
  return doc;
}

Result<TimeMlDocument> ReadTimeMlFile(const std::string& path) {
  Result<std::string> bytes = base::ReadFile(path, kMaxTimeMlBytes);
  if (!bytes.ok()) return bytes.status();
  return ParseTimeMl(path, *bytes);
}

}  // namespace newsfuse::extract
