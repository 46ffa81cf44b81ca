#include "ingest/html_dom.h"

#include <strings.h>

#include <cctype>
#include <cstring>
#include <iterator>
#include <memory>
#include <vector>

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
                                              "breadcrumbs", "tags", "tag", "keywords", "foot",
                                              "cookie", "cookies", "consent", "gdpr", "subscribe",
                                              "signup", "outbrain", "taboola", "sponsored",
                                              "sponsor", "recommended", "recommendations",
                                              "trending", "popular", "mostread", "recirc",
                                              "toolbar", "tools", "pagination",
                                              "pager", "print", "modal", "popup", "banner",
                                              "masthead", "skip", "disqus", "follow", "cta",
                                              "teaser", "teasers", "links",
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
                                               "label"};
constexpr const char* kPositiveSubstrings[] = {"article", "content", "entry", "post", "text",
                                               "story", "body", "main", "blog", "prose",
                                               "richtext", "rich-text", "paragraph", "copy"};

// The word lists above, matched in one pass over the lowered class/id text:
// every pattern is filed under its first byte, so each position of the text
// is compared only with the patterns that start with its byte. (Calling find()
// once per word cost a hundred scans of the text per element, an eighth of
// the whole extraction.)
enum MatchGroup : uint32_t {
  kGroupPositive = 1u << 0,
  kGroupComment = 1u << 1,
  kGroupCaption = 1u << 2,
  kGroupByline = 1u << 3,
  kGroupDate = 1u << 4,
  kGroupPopup = 1u << 5,
  kGroupBoilerplate = 1u << 6,
  kGroupNegative = 1u << 7,
  kGroupEmbed = 1u << 8,
  // Whole-token lists.
  kGroupBoilerplateToken = 1u << 9,
  kGroupDateToken = 1u << 10,
};

struct Pattern {
  std::string_view text;
  uint32_t groups;
};

class PatternTable {
 public:
  PatternTable() {
    auto add_all = [](std::vector<Pattern>* table, const char* const* words, size_t n,
                      uint32_t group) {
      for (size_t i = 0; i < n; ++i) {
        const std::string_view w(words[i]);
        // A word in two lists is one pattern with both groups.
        bool merged = false;
        for (Pattern& p : *table) {
          if (p.text == w) {
            p.groups |= group;
            merged = true;
            break;
          }
        }
        if (!merged) table->push_back(Pattern{w, group});
      }
    };
    std::vector<Pattern> substrings;
    auto add = [&](const auto& words, uint32_t group) {
      add_all(&substrings, words, std::size(words), group);
    };
    add(kPositiveSubstrings, kGroupPositive);
    add(kCommentSubstrings, kGroupComment);
    add(kCaptionSubstrings, kGroupCaption);
    add(kBylineSubstrings, kGroupByline);
    add(kDateSubstrings, kGroupDate);
    add(kPopupSubstrings, kGroupPopup);
    add(kBoilerplateSubstrings, kGroupBoilerplate);
    add(kNegativeSubstrings, kGroupNegative);
    static constexpr const char* kEmbedSubstrings[] = {"embed", "tweet"};
    add(kEmbedSubstrings, kGroupEmbed);
    std::vector<Pattern> tokens;
    add_all(&tokens, kBoilerplateTokens, std::size(kBoilerplateTokens), kGroupBoilerplateToken);
    add_all(&tokens, kDateTokens, std::size(kDateTokens), kGroupDateToken);
    for (const Pattern& p : substrings) {
      substrings_[static_cast<unsigned char>(p.text[0])].push_back(p);
    }
    for (const Pattern& p : tokens) tokens_[static_cast<unsigned char>(p.text[0])].push_back(p);
  }

  // The groups of every substring pattern found anywhere in `s`, and of every
  // token pattern equal to a whole token of `s`.
  uint32_t Match(std::string_view s) const {
    uint32_t groups = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const std::vector<Pattern>& bucket = substrings_[static_cast<unsigned char>(s[i])];
      if (bucket.empty()) continue;
      const size_t left = s.size() - i;
      const char second = left > 1 ? s[i + 1] : '\0';
      for (const Pattern& p : bucket) {
        // The second byte rules out most patterns before the rest is compared.
        if (p.text.size() > left || (p.text.size() > 1 && p.text[1] != second)) continue;
        bool same = true;
        for (size_t k = 2; k < p.text.size(); ++k) {
          if (s[i + k] != p.text[k]) {
            same = false;
            break;
          }
        }
        if (same) groups |= p.groups;
      }
    }
    size_t pos = 0;
    while (pos < s.size()) {
      while (pos < s.size() && !IsWordChar(s[pos])) ++pos;
      size_t end = pos;
      while (end < s.size() && IsWordChar(s[end])) ++end;
      if (end > pos) {
        const std::string_view token = s.substr(pos, end - pos);
        for (const Pattern& p : tokens_[static_cast<unsigned char>(token[0])]) {
          if (p.text == token) groups |= p.groups;
        }
      }
      pos = end;
    }
    return groups;
  }

 private:
  static constexpr const char* kDateTokens[] = {"date", "time", "pubdate", "datetime", "dateline"};
  std::vector<Pattern> substrings_[256];
  std::vector<Pattern> tokens_[256];
};

// Appends `part` lowered (ASCII) to `buf[*n...]`, stopping short of `cap`.
void AppendLowered(std::string_view part, char* buf, size_t cap, size_t* n) {
  for (char c : part) {
    if (*n + 1 >= cap) return;
    buf[(*n)++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

// Blog engines print the post's own metadata into its wrapper's class:
// WordPress's post_class() gives "post type-post status-publish hentry
// category-for-discussion tag-comments", Movable Type "entry
// entry-author-jane_roe entry-category-sport". Such a token names the post's
// category, tags or author, not the element's role. "category-*" and "tag-*"
// are only read that way beside a post_class() marker ("hentry", "type-post",
// "status-publish"), since "tag-list" alone is a list of tags.
bool IsTaxonomyToken(std::string_view token, bool post_class) {
  static constexpr std::string_view kAlways[] = {"entry-author-", "entry-category-",
                                                 "entry-type-", "entry-tag-", "postid-"};
  static constexpr std::string_view kInPostClass[] = {"tag-", "category-"};
  for (std::string_view prefix : kAlways) {
    if (base::StartsWithIgnoreCase(token, prefix)) return true;
  }
  if (!post_class) return false;
  for (std::string_view prefix : kInPostClass) {
    if (base::StartsWithIgnoreCase(token, prefix)) return true;
  }
  return false;
}

bool HasToken(std::string_view cls, std::string_view token) {
  for (size_t at = cls.find(token); at != std::string_view::npos; at = cls.find(token, at + 1)) {
    const size_t end = at + token.size();
    if ((at == 0 || base::IsAsciiSpace(cls[at - 1])) &&
        (end == cls.size() || base::IsAsciiSpace(cls[end]))) {
      return true;
    }
  }
  return false;
}

// `cls` lowered, without its taxonomy tokens, then `id` lowered, into `buf`;
// returns the length, or 0 when no token was left out.
size_t WithoutTaxonomy(std::string_view cls, std::string_view id, char* buf, size_t cap) {
  const bool post_class =
      HasToken(cls, "hentry") || HasToken(cls, "type-post") || HasToken(cls, "status-publish");
  size_t n = 0;
  bool dropped = false;
  size_t pos = 0;
  while (pos < cls.size()) {
    while (pos < cls.size() && base::IsAsciiSpace(cls[pos])) ++pos;
    size_t end = pos;
    while (end < cls.size() && !base::IsAsciiSpace(cls[end])) ++end;
    const std::string_view token = cls.substr(pos, end - pos);
    if (IsTaxonomyToken(token, post_class)) {
      dropped = true;
    } else {
      AppendLowered(token, buf, cap, &n);
      AppendLowered(" ", buf, cap, &n);
    }
    pos = end;
  }
  if (!dropped) return 0;
  AppendLowered(id, buf, cap, &n);
  AppendLowered(" ", buf, cap, &n);
  return n;
}

uint32_t MatchClassIdHints(std::string_view cls, std::string_view id) {
  char buf[512];
  size_t n = 0;
  for (std::string_view part : {cls, std::string_view(" "), id}) {
    AppendLowered(part, buf, sizeof(buf), &n);
  }
  static const PatternTable* const table = new PatternTable();
  const uint32_t g = table->Match(std::string_view(buf, n));
  uint32_t hints = 0;
  if (g & kGroupPositive) hints |= kHintPositive;
  if (g & kGroupComment) {
    // A comment word inside the post's own category or tag names
    // ("category-for-discussion") does not make the post a comment section.
    char bare[512];
    const size_t bare_n = WithoutTaxonomy(cls, id, bare, sizeof(bare));
    if (bare_n == 0 || (table->Match(std::string_view(bare, bare_n)) & kGroupComment)) {
      hints |= kHintComment;
    }
  }
  if (g & kGroupCaption) hints |= kHintCaption;
  if (g & kGroupByline) hints |= kHintByline;
  if (g & kGroupDate) hints |= kHintDate;
  if (g & kGroupDateToken) hints |= kHintDateLine;
  if (g & kGroupPopup) hints |= kHintPopup | kHintBoilerplate;
  // Embedded posts (a tweet quoted in the story) are content even inside a
  // "social" wrapper; share bars are not.
  if (!(g & kGroupEmbed) && (g & (kGroupBoilerplateToken | kGroupBoilerplate))) {
    hints |= kHintBoilerplate;
  }
  if (g & kGroupNegative) hints |= kHintNegative;
  return hints;
}

// The hints of the class/id pairs seen last, per thread. A page repeats its
// class names (every comment, every teaser, every list item of a menu), and
// the metadata reader and both passes of the content extractor ask for the
// same element's hints: matching the word lists cost ~1,500 instructions an
// element, a look-up here a tenth of that. Direct-mapped on a hash of the
// pair; a pair longer than a slot is matched every time.
class HintCache {
 public:
  uint32_t Get(std::string_view cls, std::string_view id) {
    if (cls.size() + id.size() + 1 > kKeyBytes) return MatchClassIdHints(cls, id);
    uint64_t h = 1469598103934665603ull;  // FNV-1a over cls, a separator, id
    for (char c : cls) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xFFu) * 1099511628211ull;
    for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    Slot& slot = slots_[h & (kSlots - 1)];
    const uint8_t cls_size = static_cast<uint8_t>(cls.size());
    const uint8_t id_size = static_cast<uint8_t>(id.size());
    const std::string_view key(slot.key, slot.cls_size + slot.id_size);
    if (slot.used && slot.cls_size == cls_size && slot.id_size == id_size &&
        key.substr(0, cls.size()) == cls && key.substr(cls.size()) == id) {
      return slot.hints;
    }
    slot.hints = MatchClassIdHints(cls, id);
    slot.used = true;
    slot.cls_size = cls_size;
    slot.id_size = id_size;
    cls.copy(slot.key, cls.size());
    id.copy(slot.key + cls.size(), id.size());
    return slot.hints;
  }

 private:
  static constexpr size_t kKeyBytes = 116;
  static constexpr size_t kSlots = 1024;
  struct Slot {
    char key[kKeyBytes];
    uint8_t cls_size = 0;
    uint8_t id_size = 0;
    bool used = false;
    uint32_t hints = 0;
  };
  Slot slots_[kSlots];
};

}  // namespace

uint32_t ClassIdHints(const GumboNode* node) {
  const std::string_view cls = Attr(node, "class");
  const std::string_view id = Attr(node, "id");
  if (cls.empty() && id.empty()) return 0;
  thread_local std::unique_ptr<HintCache> cache;
  if (cache == nullptr) cache = std::make_unique<HintCache>();
  return cache->Get(cls, id);
}

bool IsHidden(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  // One pass over the attributes (most elements have none of the three);
  // like gumbo_get_attribute, the first attribute of a name counts.
  const GumboVector& attrs = node->v.element.attributes;
  const char* aria = nullptr;
  const char* style = nullptr;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const GumboAttribute* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const char* name = a->name;
    if (name == nullptr) continue;
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    if (first == 'h' && strcasecmp(name, "hidden") == 0) return true;
    if (first == 'a' && aria == nullptr && strcasecmp(name, "aria-hidden") == 0) {
      aria = a->value != nullptr ? a->value : "";
    } else if (first == 's' && style == nullptr && strcasecmp(name, "style") == 0) {
      style = a->value != nullptr ? a->value : "";
    }
  }
  if (aria != nullptr && std::strcmp(aria, "true") == 0) return true;
  if (style != nullptr && *style != '\0') {
    // Spaces removed and lowered: "Display: None" is "display:none".
    char compact[256];
    size_t n = 0;
    for (const char* c = style; *c != '\0'; ++c) {
      if (*c == ' ' || *c == '\t' || *c == '\n') continue;
      if (n == sizeof(compact)) break;
      compact[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    }
    if (n < sizeof(compact)) {
      const std::string_view v(compact, n);
      return v.find("display:none") != std::string_view::npos ||
             v.find("visibility:hidden") != std::string_view::npos;
    }
    // A long style: the general path.
    std::string all;
    for (const char* c = style; *c != '\0'; ++c) {
      if (*c != ' ' && *c != '\t' && *c != '\n') {
        all.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*c))));
      }
    }
    return all.find("display:none") != std::string::npos ||
           all.find("visibility:hidden") != std::string::npos;
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string* out) {
  // Runs of other bytes are appended whole; only the spaces are looked at one
  // by one.
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !base::IsAsciiSpace(*p) &&
           !(*p == '\xC2' && p + 1 < end && p[1] == '\xA0')) {
      ++p;
    }
    out->append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    p += *p == '\xC2' ? 2 : 1;  // U+00A0 or an ASCII space
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
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
