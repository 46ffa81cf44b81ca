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

// Finds the end of the element opened at html[pos] ("<nav ...>"), counting
// nested elements of the same name: the position after its end tag's '>',
// or npos when it does not close, or closes past an <article>, <main> or
// <body> (then the page's nesting is too broken to cut on text alone).
size_t FindElementEnd(std::string_view html, size_t pos, std::string_view name) {
  int depth = 0;
  size_t i = pos;
  while (true) {
    const void* hit = std::memchr(html.data() + i, '<', html.size() - i);
    if (hit == nullptr) return std::string_view::npos;
    i = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (OpensTag(html, i, name)) {
      ++depth;
    } else if (i + 1 < html.size() && html[i + 1] == '/' &&
               OpensTag(html.substr(i + 1), 0, name)) {
      if (--depth == 0) {
        const size_t end = html.find('>', i);
        return end == std::string_view::npos ? end : end + 1;
      }
    } else if (OpensTag(html, i, "article") || OpensTag(html, i, "main") ||
               OpensTag(html, i, "body")) {
      return std::string_view::npos;
    }
    ++i;
  }
}

// Attributes the metadata reader and the content extractor look at; the
// rest (data-*, srcset, onclick, inline JSON) is most of a tag's bytes.
bool KeepAttribute(std::string_view name, std::string_view tag) {
  static constexpr std::string_view kKeep[] = {
      "class", "id", "itemprop", "itemtype", "property", "name", "content", "rel", "lang",
      "datetime", "type", "hidden", "aria-hidden", "style", "charset", "http-equiv"};
  for (std::string_view k : kKeep) {
    if (name.size() == k.size() && base::StartsWithIgnoreCase(name, k)) return true;
  }
  // Only <link rel=canonical href=...> needs its href.
  return base::EqualsIgnoreCase(name, "href") && base::EqualsIgnoreCase(tag, "link");
}

// Copies the start tag at html[pos] ('<' then a letter) to *out with only the
// attributes worth keeping, following the HTML5 tokenizer's rules for names
// and quoted values. Returns the position after '>', or npos when the tag
// does not end (then nothing is written).
size_t CopyStartTag(std::string_view html, size_t pos, std::string* out) {
  const size_t n = html.size();
  size_t i = pos + 1;
  while (i < n && !base::IsAsciiSpace(html[i]) && html[i] != '/' && html[i] != '>') ++i;
  const std::string_view tag = html.substr(pos + 1, i - pos - 1);
  const size_t mark = out->size();
  out->push_back('<');
  out->append(tag);
  while (true) {
    while (i < n && (base::IsAsciiSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= n) {
      out->resize(mark);
      return std::string_view::npos;
    }
    if (html[i] == '>') {
      if (html[i - 1] == '/') out->push_back('/');
      out->push_back('>');
      return i + 1;
    }
    const size_t name_begin = i;
    ++i;  // a name may start with '='
    while (i < n && !base::IsAsciiSpace(html[i]) && html[i] != '/' && html[i] != '>' &&
           html[i] != '=') {
      ++i;
    }
    const std::string_view name = html.substr(name_begin, i - name_begin);
    size_t j = i;
    while (j < n && base::IsAsciiSpace(html[j])) ++j;
    if (j < n && html[j] == '=') {
      ++j;
      while (j < n && base::IsAsciiSpace(html[j])) ++j;
      if (j < n && (html[j] == '"' || html[j] == '\'')) {
        const size_t close = html.find(html[j], j + 1);
        if (close == std::string_view::npos) {
          out->resize(mark);
          return std::string_view::npos;
        }
        j = close + 1;
      } else {
        while (j < n && !base::IsAsciiSpace(html[j]) && html[j] != '>') ++j;
      }
      i = j;
    }
    if (KeepAttribute(name, tag)) {
      out->push_back(' ');
      out->append(html.substr(name_begin, i - name_begin));
    }
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
    if (pos + 1 >= html.size() || !base::IsAsciiAlpha(html[pos + 1])) {
      ++pos;
      continue;
    }
    std::string_view name;
    if (OpensTag(html, pos, "script")) name = "script";
    else if (OpensTag(html, pos, "style")) name = "style";
    else if (OpensTag(html, pos, "svg")) name = "svg";
    else if (OpensTag(html, pos, "noscript")) name = "noscript";
    if (name.empty()) {
      // Navigation, asides and footers are never body text, and neither
      // reader looks inside them.
      bool cut = false;
      for (std::string_view furniture : {"nav", "aside", "footer"}) {
        if (!OpensTag(html, pos, furniture)) continue;
        const size_t end = FindElementEnd(html, pos, furniture);
        if (end == std::string_view::npos) break;
        out->append(html.substr(copied, pos - copied));
        pos = end;
        copied = end;
        cut = true;
        break;
      }
      if (cut) continue;
      out->append(html.substr(copied, pos - copied));
      const size_t next = CopyStartTag(html, pos, out);
      if (next == std::string_view::npos) {
        copied = pos;
        break;
      }
      pos = next;
      copied = pos;
      continue;
    }
    const size_t tag_end = html.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    const std::string_view open_tag = html.substr(pos, tag_end + 1 - pos);
    if (open_tag.size() >= 2 && open_tag[open_tag.size() - 2] == '/' && name == "svg") {
      pos = tag_end + 1;  // <svg ... /> has no body
      continue;
    }
    const size_t close = FindClose(html, tag_end + 1, name);
    if (close == std::string_view::npos) break;
    // JSON-LD carries the metadata: keep it whole. Elsewhere keep the open
    // tag (the extractor may look at it) and drop the body.
    if (name == "script" && base::FindIgnoreCase(open_tag, "ld+json") != std::string_view::npos) {
      pos = close;
      continue;
    }
    out->append(html.substr(copied, tag_end + 1 - copied));
    pos = close;
    copied = pos;
  }
  out->append(html.substr(copied));
}

}  // namespace newsfuse::ingest
