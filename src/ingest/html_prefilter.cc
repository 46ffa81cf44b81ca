#include "ingest/html_prefilter.h"

#include <cstring>
#include <optional>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/html_metadata.h"

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

// HTML's white space (the tokenizer's set: no vertical tab).
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The value of the first id attribute of the start tag `tag` ('<' to '>'),
// raw, read as the tokenizer reads attributes; empty when there is none or
// the tag is not tidy (a '<' inside, a quote left open).
std::string_view IdOf(std::string_view tag) {
  if (tag.find('<', 1) != std::string_view::npos) return {};
  const size_t n = tag.size() - 1;  // the closing '>'
  size_t i = 1;
  while (i < n && !IsHtmlSpace(tag[i]) && tag[i] != '/') ++i;
  while (i < n) {
    while (i < n && (IsHtmlSpace(tag[i]) || tag[i] == '/')) ++i;
    const size_t name_begin = i;
    ++i;  // a name may start with '='
    while (i < n && !IsHtmlSpace(tag[i]) && tag[i] != '/' && tag[i] != '=') ++i;
    const std::string_view name = tag.substr(name_begin, i - name_begin);
    std::string_view value;
    size_t j = i;
    while (j < n && IsHtmlSpace(tag[j])) ++j;
    if (j < n && tag[j] == '=') {
      ++j;
      while (j < n && IsHtmlSpace(tag[j])) ++j;
      if (j < n && (tag[j] == '"' || tag[j] == '\'')) {
        const size_t close = tag.find(tag[j], j + 1);
        if (close == std::string_view::npos || close >= n) return {};
        value = tag.substr(j + 1, close - j - 1);
        j = close + 1;
      } else {
        const size_t begin = j;
        while (j < n && !IsHtmlSpace(tag[j])) ++j;
        value = tag.substr(begin, j - begin);
      }
      i = j;
    }
    if (name.size() == 2 && base::EqualsIgnoreCase(name, "id")) return value;
  }
  return {};
}

// A comment thread that the content extractor prunes in both of its passes
// (html_content_extractor.cc: a block whose id is the anchor a post's "12
// Comments" link jumps to) and that the metadata reader must not take an
// author or a date from. On blogs the thread is often most of the page: a
// third of what the parser got on the Dragnet pages. Returns the tag name
// when html[pos] opens one.
std::string_view CommentThreadAt(std::string_view html, size_t pos) {
  static constexpr std::string_view kTags[] = {"div", "section", "ol", "ul"};
  for (std::string_view name : kTags) {
    if (!OpensTag(html, pos, name)) continue;
    const size_t gt = html.find('>', pos);
    if (gt == std::string_view::npos) return {};
    const std::string_view id = IdOf(html.substr(pos, gt + 1 - pos));
    return id == "comments" || id == "respond" || id == "disqus_thread" ? name
                                                                          : std::string_view();
  }
  return {};
}


enum class TagName { kOther, kMeta, kLink, kHtml, kScript, kUnread };

TagName NameOf(std::string_view tag) {
  if (base::EqualsIgnoreCase(tag, "meta")) return TagName::kMeta;
  if (base::EqualsIgnoreCase(tag, "link")) return TagName::kLink;
  if (base::EqualsIgnoreCase(tag, "html")) return TagName::kHtml;
  if (base::EqualsIgnoreCase(tag, "script")) return TagName::kScript;
  // Void elements that neither reader looks at: pictures and form fields.
  if (base::EqualsIgnoreCase(tag, "img") || base::EqualsIgnoreCase(tag, "input")) {
    return TagName::kUnread;
  }
  return TagName::kOther;
}

// A style attribute matters only when it hides its element (html::IsHidden
// looks for "display:none" and "visibility:hidden"); a value that cannot say
// so ("color:red", "width:300px": most of them) goes. One with a '&' (an
// entity the parser would decode) stays.
bool StyleMayHide(std::string_view value) {
  return value.find('&') != std::string_view::npos ||
         base::FindIgnoreCase(value, "none") != std::string_view::npos ||
         base::FindIgnoreCase(value, "hidden") != std::string_view::npos;
}

// Attributes the metadata reader and the content extractor look at; the
// rest (data-*, srcset, onclick, inline JSON) is most of a tag's bytes.
// Some matter on one element only: the <meta> keys, <link rel=canonical
// href>, <html lang>.
bool KeepAttribute(std::string_view name, TagName tag) {
  static constexpr std::string_view kKeep[] = {"class", "id", "itemprop", "content", "datetime",
                                               "hidden", "aria-hidden", "style"};
  for (std::string_view k : kKeep) {
    if (name.size() == k.size() && base::EqualsIgnoreCase(name, k)) return true;
  }
  switch (tag) {
    case TagName::kMeta:
      return base::EqualsIgnoreCase(name, "property") || base::EqualsIgnoreCase(name, "name") ||
             base::EqualsIgnoreCase(name, "http-equiv");
    case TagName::kLink:
      return base::EqualsIgnoreCase(name, "rel") || base::EqualsIgnoreCase(name, "href");
    case TagName::kHtml:
      return base::EqualsIgnoreCase(name, "lang");
    case TagName::kScript:
      return base::EqualsIgnoreCase(name, "type");
    case TagName::kOther:
    case TagName::kUnread:
      return false;
  }
  return false;
}

// What decides whether a <meta> or <link> is kept: the first value of each
// attribute, as the parser keeps the first of duplicates. Values are raw (no
// entities decoded), so one with a '&' keeps its element.
struct KeyAttributes {
  std::optional<std::string_view> property, name, itemprop, rel;
};

void NoteKeyAttribute(std::string_view name, std::string_view value, KeyAttributes* keys) {
  auto note = [&](std::optional<std::string_view>& slot, std::string_view attr) {
    if (!slot && name.size() == attr.size() && base::EqualsIgnoreCase(name, attr)) slot = value;
  };
  note(keys->property, "property");
  note(keys->name, "name");
  note(keys->itemprop, "itemprop");
  note(keys->rel, "rel");
}

// A <link> other than rel=canonical, and a <meta> whose key the metadata
// reader ignores (viewport, og:image, twitter:card, ...), are dropped whole:
// both are void elements that neither reader looks at.
bool DropElement(TagName tag, const KeyAttributes& keys) {
  if (tag == TagName::kUnread) return true;
  auto has_entity = [](const std::optional<std::string_view>& v) {
    return v && v->find('&') != std::string_view::npos;
  };
  if (tag == TagName::kLink) {
    if (has_entity(keys.rel)) return false;
    return !keys.rel || !base::EqualsIgnoreCase(*keys.rel, "canonical");
  }
  if (tag == TagName::kMeta) {
    if (has_entity(keys.property) || has_entity(keys.name) || has_entity(keys.itemprop)) {
      return false;
    }
    // The reader's key: property, else name, else itemprop (the first non-empty).
    std::string_view key;
    for (const auto* v : {&keys.property, &keys.name, &keys.itemprop}) {
      if (*v && !(*v)->empty()) {
        key = **v;
        break;
      }
    }
    return !key.empty() && !IsMetaKeyRead(base::AsciiLower(key));
  }
  return false;
}

// Copies the start tag at html[pos] ('<' then a letter) to *out with only the
// attributes worth keeping, following the HTML5 tokenizer's rules for names
// and quoted values. Returns the position after '>', or npos when the tag
// does not end (then nothing is written). `*dropped` says the element was
// left out whole (then nothing is written either).
size_t CopyStartTag(std::string_view html, size_t pos, std::string* out, bool* dropped) {
  *dropped = false;
  const size_t n = html.size();
  size_t i = pos + 1;
  while (i < n && !base::IsAsciiSpace(html[i]) && html[i] != '/' && html[i] != '>') ++i;
  const std::string_view tag = html.substr(pos + 1, i - pos - 1);
  const TagName tag_name = NameOf(tag);
  KeyAttributes keys;
  bool odd_value = false;
  bool seen_style = false;  // the parser keeps the first of duplicate attributes
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
      // Only a tidy tag is dropped: in a damaged one ('<' or a quote inside,
      // a quote left open that ran on into the next tag) this scan and the
      // parser's may not agree on where it ends.
      const std::string_view whole = html.substr(pos + 1, i - pos - 1);
      const bool tidy = whole.find('<') == std::string_view::npos && !odd_value;
      if (tidy && DropElement(tag_name, keys)) {
        out->resize(mark);
        *dropped = true;
        return i + 1;
      }
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
    std::string_view value;
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
        value = html.substr(j + 1, close - j - 1);
        j = close + 1;
      } else {
        const size_t begin = j;
        while (j < n && !base::IsAsciiSpace(html[j]) && html[j] != '>') ++j;
        value = html.substr(begin, j - begin);
      }
      i = j;
    }
    if (tag_name == TagName::kMeta || tag_name == TagName::kLink) {
      NoteKeyAttribute(name, value, &keys);
      // '=' after white space too: a quote left open swallows the next
      // attributes into a value ("dns-prefetch href="). A URL with a query
      // ("style.css?ver=1.0", no white space) is an ordinary value.
      const size_t space = value.find_first_of(" \t\n\r\f");
      if (value.find_first_of("\"'<>") != std::string_view::npos ||
          (space != std::string_view::npos &&
           value.find('=', space) != std::string_view::npos) ||
          name.find_first_of("\"'<=") != std::string_view::npos) {
        odd_value = true;
      }
    }
    if (KeepAttribute(name, tag_name)) {
      if (name.size() == 5 && base::EqualsIgnoreCase(name, "style")) {
        const bool first = !seen_style;
        seen_style = true;
        if (!first || !StyleMayHide(value)) continue;
      }
      out->push_back(' ');
      out->append(html.substr(name_begin, i - name_begin));
    }
  }
}

// The length of the end tag at html[pos] when it is a plain "</name>"
// (letters and digits, then '>'); 0 otherwise.
size_t PlainEndTagLength(std::string_view html, size_t pos) {
  if (pos + 3 >= html.size() || html[pos + 1] != '/' || !base::IsAsciiAlpha(html[pos + 2])) {
    return 0;
  }
  size_t i = pos + 3;
  while (i < html.size() && (base::IsAsciiAlpha(html[i]) || base::IsAsciiDigit(html[i]))) ++i;
  return i < html.size() && html[i] == '>' ? i + 1 - pos : 0;
}

// The text of a script body as the HTML parser delivers it: its input stream
// turns CR LF and CR into LF and the code points HTML calls invalid (C0 and
// C1 controls but tab, LF, FF, CR; noncharacters) into U+FFFD, and script
// data turns NUL into U+FFFD. `body` is valid UTF-8.
std::string ScriptText(std::string_view body) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string text;
  text.reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c >= 0x20 && c < 0x7F) {
      const size_t start = i;
      while (i < body.size() && static_cast<unsigned char>(body[i]) >= 0x20 &&
             static_cast<unsigned char>(body[i]) < 0x7F) {
        ++i;
      }
      text.append(body.substr(start, i - start));
      continue;
    }
    if (c == '\r') {
      text.push_back('\n');
      i += i + 1 < body.size() && body[i + 1] == '\n' ? 2 : 1;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\f') {
      text.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c < 0x80) {  // NUL, other C0 controls, DEL
      text.append(kReplacement);
      ++i;
      continue;
    }
    size_t next = i;
    const char32_t cp = base::DecodeUtf8(body, &next);
    const bool invalid = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
                         (cp & 0xFFFE) == 0xFFFE;
    if (invalid) {
      text.append(kReplacement);
    } else {
      text.append(body.substr(i, next - i));
    }
    i = next;
  }
  return text;
}

bool AllHtmlSpace(std::string_view s) {
  for (char c : s) {
    if (!IsHtmlSpace(c)) return false;
  }
  return true;
}

}  // namespace

namespace {

// A <title> that is never closed makes the parser read the rest of the page
// as the title (its text runs to the end of the input), and the page comes
// out empty; 50 of the 621 L3S-GN1 captures are such pages. Writes to
// `*repaired` the page with the title ended at the end of its line (or at the
// next '<') and returns true; returns false when the title is closed.
bool CloseUnclosedTitle(std::string_view html, std::string* repaired) {
  const size_t open = base::FindIgnoreCase(html, "<title");
  if (open == std::string_view::npos) return false;
  const size_t gt = html.find('>', open);
  if (gt == std::string_view::npos) return false;
  if (base::FindIgnoreCase(html.substr(gt), "</title") != std::string_view::npos) return false;
  const size_t end = html.find_first_of("\n<", gt + 1);
  if (end == std::string_view::npos) return false;
  repaired->reserve(html.size() + 8);
  repaired->assign(html.substr(0, end));
  repaired->append("</title>");
  repaired->append(html.substr(end));
  return true;
}

}  // namespace

void PrefilterHtml(std::string_view html, std::string* out, std::vector<LiftedJsonLd>* json_ld,
                   PageRegions regions) {
  std::string repaired;
  if (CloseUnclosedTitle(html, &repaired)) html = repaired;
  out->clear();
  if (json_ld != nullptr) json_ld->clear();
  out->reserve(html.size() / 2);
  size_t copied = 0;  // html[0, copied) is already in *out
  // Where the last tag written whole ended: white space from there to the
  // next tag is a node of its own, and one space of it says as much as many
  // (every reader collapses white space; white-space-only nodes are never
  // measured). Indentation is a sixth of what is left after the cuts.
  size_t tag_end = std::string_view::npos;
  // Appends html[copied, pos), shortened to its first byte when it is such a
  // run of white space and `tag_follows` (a tag that is kept starts at pos).
  auto append_text = [&](size_t pos, bool tag_follows) {
    const std::string_view text = html.substr(copied, pos - copied);
    if (tag_follows && copied == tag_end && text.size() > 1 && AllHtmlSpace(text)) {
      out->push_back(text[0]);
    } else {
      out->append(text);
    }
  };
  std::string scratch;  // where a start tag is re-read only to find its end
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
    if (const size_t end_tag = PlainEndTagLength(html, pos); end_tag > 0) {
      append_text(pos, true);
      out->append(html.substr(pos, end_tag));
      pos += end_tag;
      copied = pos;
      tag_end = pos;
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
      // Navigation, asides, footers and drop-down menus (an archive's
      // <select> of months) are never body text, and neither reader looks
      // inside them.
      bool cut = false;
      for (std::string_view furniture : {"nav", "aside", "footer", "select"}) {
        if (!OpensTag(html, pos, furniture)) continue;
        if (regions == PageRegions::kKeep && furniture != "select") break;
        const size_t end = FindElementEnd(html, pos, furniture);
        if (end == std::string_view::npos) break;
        out->append(html.substr(copied, pos - copied));
        pos = end;
        copied = end;
        cut = true;
        break;
      }
      if (const std::string_view thread = CommentThreadAt(html, pos); !cut && !thread.empty()) {
        const size_t end = FindElementEnd(html, pos, thread);
        if (end != std::string_view::npos) {
          out->append(html.substr(copied, pos - copied));
          pos = end;
          copied = end;
          cut = true;
        }
      }
      if (cut) continue;
      const size_t mark = out->size();
      append_text(pos, true);
      bool dropped = false;
      const size_t next = CopyStartTag(html, pos, out, &dropped);
      if (next == std::string_view::npos) {
        out->resize(mark);
        out->append(html.substr(copied, pos - copied));
        copied = pos;
        break;
      }
      if (dropped) {
        // The text on both sides now meets: keep all of it, as it was.
        out->resize(mark);
        out->append(html.substr(copied, pos - copied));
        tag_end = std::string_view::npos;
      } else {
        tag_end = next;
      }
      pos = next;
      copied = pos;
      continue;
    }
    // The start tag ends where the tokenizer ends it: a '>' inside a quoted
    // value (src="...SW>Security/...") does not end it.
    scratch.clear();
    bool start_dropped = false;
    const size_t start_end = CopyStartTag(html, pos, &scratch, &start_dropped);
    if (start_end == std::string_view::npos) break;
    const size_t open_end = start_end - 1;
    const std::string_view open_tag = html.substr(pos, open_end + 1 - pos);
    if (open_tag.size() >= 2 && open_tag[open_tag.size() - 2] == '/' && name == "svg") {
      pos = open_end + 1;  // <svg ... /> has no body
      continue;
    }
    const size_t close = FindClose(html, open_end + 1, name);
    if (close == std::string_view::npos) break;
    // JSON-LD carries the metadata: keep it whole. Elsewhere keep the open
    // tag without its attributes (src, async, ...: nothing reads them) and
    // drop the body.
    if (name == "script" && base::FindIgnoreCase(open_tag, "ld+json") != std::string_view::npos) {
      // Lifted out: the start tag (with its type) stays, the body goes to
      // `json_ld`, keyed by where the tag is. Only when the body is plain
      // script data (no "<!--", which switches the tokenizer's script
      // states) and ends at a real "</script"; otherwise it stays here.
      const size_t mark = out->size();
      if (json_ld != nullptr) {
        append_text(pos, true);
        const size_t tag_at = out->size();
        bool dropped = false;
        const size_t body = CopyStartTag(html, pos, out, &dropped);
        const size_t body_end =
            body == std::string_view::npos ? body : FindClose(html, body, "script");
        const size_t after = body_end + 8;  // past "</script"
        if (body == open_end + 1 && body_end != std::string_view::npos && !dropped &&
            after < html.size() &&
            (IsHtmlSpace(html[after]) || html[after] == '/' || html[after] == '>') &&
            html.substr(body, body_end - body).find("<!--") == std::string_view::npos) {
          json_ld->push_back(LiftedJsonLd{tag_at, ScriptText(html.substr(body, body_end - body))});
          pos = body_end;
          copied = pos;
          tag_end = pos;
          continue;
        }
        out->resize(mark);
      }
      pos = close;
      continue;
    }
    // With a plain end tag ("</script>") the element goes whole: an empty
    // script or style is a node that no reader looks at, and each one is two
    // tokens and an element for the parser (dozens a page). The text on both
    // sides now meets: it is kept as it was.
    const size_t after_name = close + 2 + name.size();
    if (after_name < html.size() && html[after_name] == '>') {
      out->append(html.substr(copied, pos - copied));
      pos = after_name + 1;
      copied = pos;
      tag_end = std::string_view::npos;
      continue;
    }
    append_text(pos, true);
    out->push_back('<');
    out->append(name);
    out->push_back('>');
    pos = close;
    copied = pos;
    tag_end = pos;
  }
  out->append(html.substr(copied));
}

}  // namespace newsfuse::ingest
