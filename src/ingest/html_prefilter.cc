#include "ingest/html_prefilter.h"

#include <cstring>

#include "base/strings.h"

namespace newsfuse::ingest {
namespace {

// True when `s` at `pos` is "<name" followed by a tag-name end.
bool OpensTag(std::string_view s, size_t pos, std::string_view name) {
  if (pos + 1 + name.size() > s.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = s[pos + 1 + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != name[i]) return false;
  }
  if (pos + 1 + name.size() == s.size()) return true;
  const char next = s[pos + 1 + name.size()];
  return next == '>' || next == '/' || base::IsAsciiSpace(next);
}

// Finds "</name" (any case) from `pos`; npos when absent.
size_t FindClose(std::string_view s, size_t pos, std::string_view name) {
  while (true) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (hit == nullptr) return std::string_view::npos;
    pos = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (pos + 2 + name.size() <= s.size() && s[pos + 1] == '/' &&
        base::StartsWithIgnoreCase(s.substr(pos + 2), name)) {
      return pos;
    }
    ++pos;
  }
}

}  // namespace

void PrefilterHtml(std::string_view html, std::string* out) {
  out->clear();
  out->reserve(html.size() / 2);
  size_t copied = 0;  // html[0, copied) is already in *out
  size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (hit == nullptr) break;
    pos = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (html.substr(pos, 4) == "<!--") {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;  // let the parser handle the rest
      out->append(html.substr(copied, pos - copied));
      pos = end + 3;
      copied = pos;
      continue;
    }
    std::string_view name;
    if (OpensTag(html, pos, "script")) name = "script";
    else if (OpensTag(html, pos, "style")) name = "style";
    else if (OpensTag(html, pos, "svg")) name = "svg";
    else if (OpensTag(html, pos, "noscript")) name = "noscript";
    if (name.empty()) {
      ++pos;
      continue;
    }
    const size_t tag_end = html.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    const std::string_view open_tag = html.substr(pos, tag_end + 1 - pos);
    // JSON-LD carries the metadata; keep it.
    if (name == "script" && base::FindIgnoreCase(open_tag, "ld+json") != std::string_view::npos) {
      pos = tag_end + 1;
      continue;
    }
    if (open_tag.size() >= 2 && open_tag[open_tag.size() - 2] == '/' && name == "svg") {
      pos = tag_end + 1;  // <svg ... /> has no body
      continue;
    }
    const size_t close = FindClose(html, tag_end + 1, name);
    if (close == std::string_view::npos) break;
    // Keep the open tag (the extractor may look at it) and drop the body.
    out->append(html.substr(copied, tag_end + 1 - copied));
    pos = close;
    copied = pos;
  }
  out->append(html.substr(copied));
}

}  // namespace newsfuse::ingest
