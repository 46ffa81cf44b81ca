#include "ingest/html_dom.h"

#include <cctype>
#include <cstring>

#include "base/strings.h"

namespace newsfuse::ingest::html {

std::string_view Attr(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  if (attr == nullptr || attr->value == nullptr) return {};
  return attr->value;
}

namespace {

bool IsWordChar(char c) { return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c); }

// Words that must match a whole token of the class/id ("ad" must not match
// "header" or "shadow").
constexpr const char* kBoilerplateTokens[] = {"ad", "ads", "advert", "adv", "advertisement",
                                              "nav", "navbar", "menu", "share", "sharing",
                                              "social", "related", "promo", "promos",
                                              "newsletter", "sidebar", "footer", "breadcrumb",
                                              "breadcrumbs", "tags", "tag", "keywords",
                                              "cookie", "cookies", "consent", "gdpr", "subscribe",
                                              "signup", "outbrain", "taboola", "sponsored",
                                              "sponsor", "recommended", "recommendations",
                                              "trending", "popular", "mostread", "recirc",
                                              "toolbar", "tools", "pagination",
                                              "pager", "print", "modal", "popup", "banner",
                                              "masthead", "skip", "disqus", "follow", "cta",
                                              "teaser", "teasers", "more", "links",
                                              "newsletters", "video", "player", "playlist",
                                              "slideshow", "gallery", "carousel", "partner",
                                              "partners", "topics", "dfp", "aside", "subnav",
                                              "rating", "reactions", "feedback", "infobox"};
constexpr const char* kBoilerplateSubstrings[] = {"share", "social", "related", "newsletter",
                                                  "advert", "sidebar", "breadcrumb", "outbrain",
                                                  "taboola", "sponsor", "recommend", "promo",
                                                  "cookie", "subscri", "signup", "sign-up",
                                                  "most-read", "mostpopular", "most-popular",
                                                  "read-more", "readmore", "more-stories",
                                                  "newsfeed", "footer", "navigation", "nav-",
                                                  "-nav", "teaser", "recirc", "trending",
                                                  "inline-ad", "ad-slot", "ad-container",
                                                  "adslot", "adunit", "ad-unit", "ad-wrapper",
                                                  "gpt-ad", "dfp-", "-ad-", "ad_", "_ad",
                                                  "pagination", "paywall-prompt", "upsell",
                                                  "tag-list", "taglist", "keyword", "popup"};
constexpr const char* kCommentSubstrings[] = {"comment", "disqus", "respond", "replies",
                                              "discussion"};
constexpr const char* kCaptionSubstrings[] = {"caption", "credit", "photo-meta", "image-meta",
                                              "imagemeta", "media-meta", "copyright"};
constexpr const char* kBylineSubstrings[] = {"byline", "author", "contributor", "dateline",
                                             "timestamp", "publish", "posted", "article-meta",
                                             "meta-data", "metadata", "post-meta", "entry-meta",
                                             "story-meta", "article-info", "updated"};
constexpr const char* kPopupSubstrings[] = {"tooltip", "popover", "rollover", "hovercard",
                                            "hover-card", "dropdown", "flyout"};
constexpr const char* kDateSubstrings[] = {"date", "time", "publish", "posted", "updated"};
constexpr const char* kNegativeSubstrings[] = {"header", "meta", "hidden", "hide", "extra",
                                               "secondary", "masthead", "nav", "menu", "widget",
                                               "shoutbox", "sponsor", "community", "tools",
                                               "login", "modal", "overlay", "alert", "banner",
                                               "logo", "icon", "button", "btn", "badge",
                                               "headline", "title", "kicker", "eyebrow",
                                               "label", "dek", "subhead",
                                               "standfirst"};
constexpr const char* kPositiveSubstrings[] = {"article", "content", "entry", "post", "text",
                                               "story", "body", "main", "blog", "prose",
                                               "richtext", "rich-text", "paragraph", "copy"};

bool ContainsAny(std::string_view s, const char* const* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s.find(words[i]) != std::string_view::npos) return true;
  }
  return false;
}

template <size_t N>
bool ContainsAny(std::string_view s, const char* const (&words)[N]) {
  return ContainsAny(s, words, N);
}

template <size_t N>
bool HasToken(std::string_view s, const char* const (&words)[N]) {
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && !IsWordChar(s[pos])) ++pos;
    size_t end = pos;
    while (end < s.size() && IsWordChar(s[end])) ++end;
    const std::string_view token = s.substr(pos, end - pos);
    if (!token.empty()) {
      for (const char* w : words) {
        if (token == w) return true;
      }
    }
    pos = end;
  }
  return false;
}

}  // namespace

uint32_t ClassIdHints(const GumboNode* node) {
  const std::string_view cls = Attr(node, "class");
  const std::string_view id = Attr(node, "id");
  if (cls.empty() && id.empty()) return 0;
  char buf[512];
  size_t n = 0;
  for (std::string_view part : {cls, std::string_view(" "), id}) {
    for (char c : part) {
      if (n + 1 >= sizeof(buf)) break;
      buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  const std::string_view s(buf, n);
  uint32_t hints = 0;
  if (ContainsAny(s, kPositiveSubstrings)) hints |= kHintPositive;
  if (ContainsAny(s, kCommentSubstrings)) hints |= kHintComment;
  if (ContainsAny(s, kCaptionSubstrings)) hints |= kHintCaption;
  if (ContainsAny(s, kBylineSubstrings)) hints |= kHintByline;
  if (ContainsAny(s, kDateSubstrings)) hints |= kHintDate;
  static constexpr const char* kDateTokens[] = {"date", "time", "pubdate", "datetime", "dateline"};
  if (HasToken(s, kDateTokens)) hints |= kHintDateLine;
  if (ContainsAny(s, kPopupSubstrings)) hints |= kHintPopup | kHintBoilerplate;
  // Embedded posts (a tweet quoted in the story) are content even inside a
  // "social" wrapper; share bars are not.
  const bool embed = s.find("embed") != std::string_view::npos ||
                     s.find("tweet") != std::string_view::npos;
  if (!embed && (HasToken(s, kBoilerplateTokens) || ContainsAny(s, kBoilerplateSubstrings))) {
    hints |= kHintBoilerplate;
  }
  if (ContainsAny(s, kNegativeSubstrings)) hints |= kHintNegative;
  return hints;
}

bool IsHidden(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& attrs = node->v.element.attributes;
  if (gumbo_get_attribute(&attrs, "hidden") != nullptr) return true;
  const std::string_view aria = Attr(node, "aria-hidden");
  if (aria == "true") return true;
  const std::string_view style = Attr(node, "style");
  if (!style.empty()) {
    std::string compact;
    for (char c : style) {
      if (c != ' ' && c != '\t' && c != '\n') {
        compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
    }
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool space = base::IsAsciiSpace(c);
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0
      space = true;
      ++i;
    }
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

namespace {

void AppendVisibleTextAt(const GumboNode* node, std::string* out, size_t max_bytes, int depth) {
  if (out->size() >= max_bytes || depth > 256) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    AppendCollapsed(node->v.text.text, out);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_TEMPLATE) {
    return;
  }
  if (tag == GUMBO_TAG_BR && !out->empty() && out->back() != ' ') out->push_back(' ');
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    AppendVisibleTextAt(static_cast<const GumboNode*>(children.data[i]), out, max_bytes,
                        depth + 1);
  }
}

}  // namespace

void AppendVisibleText(const GumboNode* node, std::string* out, size_t max_bytes) {
  AppendVisibleTextAt(node, out, max_bytes, 0);
}

}  // namespace newsfuse::ingest::html
