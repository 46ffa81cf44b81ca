#include "ingest/html_metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "base/civil_date.h"
#include "base/strings.h"
#include "ingest/html_dom.h"

namespace newsfuse::ingest {
namespace {

using base::AsciiLower;
using base::EqualsIgnoreCase;
using base::Trim;

constexpr int kMaxDepth = 400;

bool IsArticleType(std::string_view type) {
  return type == "NewsArticle" || type == "Article" || type == "ReportageNewsArticle" ||
         type == "BlogPosting" || type == "AnalysisNewsArticle" || type == "OpinionNewsArticle" ||
         type == "LiveBlogPosting" || type == "ReviewNewsArticle" || type == "BackgroundNewsArticle" ||
         type == "Report" || type == "TechArticle" || type == "ScholarlyArticle" ||
         type == "SocialMediaPosting" || type == "WebPage" || type == "Blog";
}

// What the walk collects before choosing.
struct Found {
  std::optional<std::string> og_title, og_site, og_url, og_description, description;
  std::optional<std::string> meta_date, itemprop_date, time_date, visible_date;
  std::optional<std::string> canonical, html_lang, meta_lang, og_locale;
  std::optional<std::string> h1, title_tag;
  std::vector<std::string> meta_authors, itemprop_authors;
  // JSON-LD, first article-typed object wins (WebPage only when nothing better).
  std::optional<std::string> ld_headline, ld_date, ld_publisher, ld_body, ld_lang, ld_url;
  std::vector<std::string> ld_authors;
  int ld_rank = 0;  // 2 = a real article type, 1 = WebPage/Blog
  // JSON-LD bodies the prefilter lifted out of `page` (see LiftedJsonLd).
  std::string_view page;
  const std::vector<LiftedJsonLd>* lifted = nullptr;
};

// The lifted body of the script `node`, or nullptr when it was not lifted.
const std::string* LiftedBody(const GumboNode* node, const Found& f) {
  if (f.lifted == nullptr || f.lifted->empty()) return nullptr;
  const char* tag = node->v.element.original_tag.data;
  if (tag == nullptr || tag < f.page.data() || tag >= f.page.data() + f.page.size()) {
    return nullptr;
  }
  const size_t offset = static_cast<size_t>(tag - f.page.data());
  const auto it = std::lower_bound(
      f.lifted->begin(), f.lifted->end(), offset,
      [](const LiftedJsonLd& l, size_t at) { return l.offset < at; });
  return it != f.lifted->end() && it->offset == offset ? &it->text : nullptr;
}

void SetOnce(std::optional<std::string>& field, std::string_view value) {
  const std::string_view v = Trim(value);
  if (!field && !v.empty()) field = std::string(v);
}

std::string CollapsedText(const GumboNode* node, size_t max_bytes = 4096) {
  std::string text;
  html::AppendVisibleText(node, &text, max_bytes);
  return std::string(Trim(text));
}

std::string_view StringOf(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

// "author": "Jane Roe" | {"name": ...} | [{...}, ...]
void CollectNames(simdjson::dom::element e, std::vector<std::string>* out) {
  if (e.is_string()) {
    const std::string_view s = Trim(StringOf(e));
    if (!s.empty() && s.find("://") == std::string_view::npos) out->emplace_back(s);
  } else if (e.is_object()) {
    simdjson::dom::element name;
    if (e["name"].get(name) == simdjson::SUCCESS) CollectNames(name, out);
  } else if (e.is_array()) {
    for (simdjson::dom::element item : e.get_array()) CollectNames(item, out);
  }
}

void VisitJsonLd(simdjson::dom::element e, Found* f, int depth) {
  if (depth > 8) return;
  if (e.is_array()) {
    for (simdjson::dom::element item : e.get_array()) VisitJsonLd(item, f, depth + 1);
    return;
  }
  if (!e.is_object()) return;
  simdjson::dom::element graph;
  if (e["@graph"].get(graph) == simdjson::SUCCESS) VisitJsonLd(graph, f, depth + 1);
  simdjson::dom::element type;
  if (e["@type"].get(type) != simdjson::SUCCESS) return;
  int rank = 0;
  auto rank_of = [](std::string_view t) {
    if (t == "WebPage" || t == "Blog") return 1;
    return IsArticleType(t) ? 2 : 0;
  };
  if (type.is_string()) {
    rank = rank_of(StringOf(type));
  } else if (type.is_array()) {
    for (simdjson::dom::element t : type.get_array()) rank = std::max(rank, rank_of(StringOf(t)));
  }
  if (rank == 0 || rank <= f->ld_rank) return;
  f->ld_rank = rank;
  f->ld_headline.reset();
  f->ld_date.reset();
  f->ld_publisher.reset();
  f->ld_body.reset();
  f->ld_lang.reset();
  f->ld_url.reset();
  f->ld_authors.clear();
  simdjson::dom::element v;
  if (e["headline"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_headline, StringOf(v));
  if (e["datePublished"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_date, StringOf(v));
  if (e["dateCreated"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_date, StringOf(v));
  if (e["articleBody"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_body, StringOf(v));
  if (e["inLanguage"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_lang, StringOf(v));
  if (e["url"].get(v) == simdjson::SUCCESS) SetOnce(f->ld_url, StringOf(v));
  if (e["author"].get(v) == simdjson::SUCCESS) CollectNames(v, &f->ld_authors);
  if (e["publisher"].get(v) == simdjson::SUCCESS) {
    std::vector<std::string> names;
    CollectNames(v, &names);
    if (!names.empty()) f->ld_publisher = names[0];
  }
}

void ParseJsonLd(std::string_view text, Found* f) {
  // One parser per thread: simdjson reuses its buffers across documents.
  thread_local simdjson::dom::parser parser;
  const simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc) != simdjson::SUCCESS) return;
  VisitJsonLd(doc, f, 0);
}

std::string LanguageCode(std::string_view tag) {
  std::string code;
  for (char c : Trim(tag)) {
    if (c == '-' || c == '_') break;
    if (!base::IsAsciiAlpha(c)) return {};
    code.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (code.size() < 2 || code.size() > 3) return {};
  return code;
}

// What a <meta> key (property, else name, else itemprop; lower-cased) feeds.
enum class MetaField {
  kNone, kTitle, kSite, kUrl, kOgDescription, kDescription, kLocale, kLanguage,
  kItempropDate, kDate, kAuthor,
};

MetaField FieldOfMetaKey(std::string_view key) {
  if (key == "og:title" || key == "twitter:title") return MetaField::kTitle;
  if (key == "og:site_name" || key == "application-name") return MetaField::kSite;
  if (key == "og:url") return MetaField::kUrl;
  if (key == "og:description") return MetaField::kOgDescription;
  if (key == "description") return MetaField::kDescription;
  if (key == "og:locale") return MetaField::kLocale;
  if (key == "language" || key == "dc.language") return MetaField::kLanguage;
  if (key == "datepublished") return MetaField::kItempropDate;
  if (key == "article:published_time" || key == "og:article:published_time" ||
      key == "article.published" || key == "pubdate" || key == "publishdate" ||
      key == "publish-date" || key == "publish_date" || key == "date" ||
      key == "dc.date" || key == "dc.date.issued" || key == "dcterms.created" ||
      key == "dcterms.date" || key == "sailthru.date" || key == "parsely-pub-date" ||
      key == "article.created" || key == "originalpublicationdate" ||
      key == "cxenseparse:recs:publishtime" || key == "datecreated") {
    return MetaField::kDate;
  }
  if (key == "author" || key == "article:author" || key == "dc.creator" ||
      key == "sailthru.author" || key == "parsely-author") {
    return MetaField::kAuthor;
  }
  return MetaField::kNone;
}

void Walk(const GumboNode* node, Found* f, int depth, bool in_body) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_HTML:
      SetOnce(f->html_lang, html::Attr(node, "lang"));
      break;
    case GUMBO_TAG_BODY:
      in_body = true;
      break;
    case GUMBO_TAG_TITLE:
      if (!f->title_tag) SetOnce(f->title_tag, CollapsedText(node));
      return;
    case GUMBO_TAG_SCRIPT: {
      if (!EqualsIgnoreCase(Trim(html::Attr(node, "type")), "application/ld+json")) return;
      if (const std::string* body = LiftedBody(node, *f)) {
        // The parser would have made no text node for an empty body.
        if (!body->empty()) ParseJsonLd(*body, f);
        return;
      }
      if (node->v.element.children.length > 0) {
        const GumboNode* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA ||
            text->type == GUMBO_NODE_WHITESPACE) {
          ParseJsonLd(text->v.text.text, f);
        }
      }
      return;
    }
    case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
      return;
    case GUMBO_TAG_META: {
      const std::string key = AsciiLower(!html::Attr(node, "property").empty()
                                             ? html::Attr(node, "property")
                                             : !html::Attr(node, "name").empty()
                                                   ? html::Attr(node, "name")
                                                   : html::Attr(node, "itemprop"));
      const std::string_view content = html::Attr(node, "content");
      if (key.empty() || content.empty()) {
        if (EqualsIgnoreCase(html::Attr(node, "http-equiv"), "content-language")) {
          SetOnce(f->meta_lang, content);
        }
        return;
      }
      switch (FieldOfMetaKey(key)) {
        case MetaField::kTitle: SetOnce(f->og_title, content); break;
        case MetaField::kSite: SetOnce(f->og_site, content); break;
        case MetaField::kUrl: SetOnce(f->og_url, content); break;
        case MetaField::kOgDescription: SetOnce(f->og_description, content); break;
        case MetaField::kDescription: SetOnce(f->description, content); break;
        case MetaField::kLocale: SetOnce(f->og_locale, content); break;
        case MetaField::kLanguage: SetOnce(f->meta_lang, content); break;
        case MetaField::kItempropDate: SetOnce(f->itemprop_date, content); break;
        case MetaField::kDate: SetOnce(f->meta_date, content); break;
        case MetaField::kAuthor: {
          const std::string_view a = Trim(content);
          if (!a.empty() && a.find("://") == std::string_view::npos) {
            f->meta_authors.emplace_back(a);
          }
          break;
        }
        case MetaField::kNone: break;
      }
      return;
    }
    case GUMBO_TAG_LINK: {
      const std::string rel = AsciiLower(html::Attr(node, "rel"));
      if (rel == "canonical") SetOnce(f->canonical, html::Attr(node, "href"));
      return;
    }
    default:
      break;
  }
  if (in_body) {
    const uint32_t hints = html::ClassIdHints(node);
    // Teasers, captions and related-story lists carry other stories' dates and titles.
    if (hints & (html::kHintBoilerplate | html::kHintCaption | html::kHintComment)) return;
    const std::string_view itemprop = html::Attr(node, "itemprop");
    if (itemprop == "datePublished") {
      std::string_view v = html::Attr(node, "content");
      if (v.empty()) v = html::Attr(node, "datetime");
      if (!v.empty()) SetOnce(f->itemprop_date, v);
      else SetOnce(f->itemprop_date, CollapsedText(node, 200));
    } else if (itemprop == "author" || itemprop == "creator") {
      std::string name = CollapsedText(node, 200);
      if (!name.empty() && name.size() < 100) f->itemprop_authors.push_back(std::move(name));
    }
    if (tag == GUMBO_TAG_TIME && !f->time_date) {
      const std::string_view dt = html::Attr(node, "datetime");
      if (!dt.empty()) {
        if (auto d = NormalizeHtmlDate(dt)) f->time_date = *d;
      } else if (auto d = NormalizeHtmlDate(CollapsedText(node, 200))) {
        f->time_date = *d;
      }
    } else if (tag == GUMBO_TAG_H1 && !f->h1) {
      std::string h = CollapsedText(node, 1000);
      if (!h.empty()) f->h1 = std::move(h);
    } else if ((hints & (html::kHintDate | html::kHintByline)) && !f->visible_date) {
      std::string text = CollapsedText(node, 300);
      if (!text.empty() && text.size() < 200) {
        if (auto d = NormalizeHtmlDate(text)) f->visible_date = *d;
      }
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Walk(static_cast<const GumboNode*>(children.data[i]), f, depth + 1, in_body);
  }
}

// Parses up to `max_digits` digits at `*pos`.
int ReadNumber(std::string_view s, size_t* pos, int max_digits, int* digits) {
  int value = 0;
  *digits = 0;
  while (*pos < s.size() && *digits < max_digits && base::IsAsciiDigit(s[*pos])) {
    value = value * 10 + (s[*pos] - '0');
    ++*pos;
    ++*digits;
  }
  return value;
}

std::optional<std::string> Format(int y, int m, int d, int hh, int mm) {
  base::CivilDate date;
  date.year = y;
  date.month = m;
  date.day = d;
  if (y < 1990 || y > 2100 || !date.valid()) return std::nullopt;
  if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60) {
    date.hour = hh;
    date.minute = mm;
  }
  return date.ToString();
}

// "T10:04" / " 10:04" / " 10.04" right after a date.
void ReadTime(std::string_view s, size_t pos, int* hh, int* mm) {
  *hh = *mm = -1;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) ++pos;
  int digits = 0;
  const int h = ReadNumber(s, &pos, 2, &digits);
  if (digits == 0 || pos >= s.size() || (s[pos] != ':' && s[pos] != '.')) return;
  ++pos;
  const int m = ReadNumber(s, &pos, 2, &digits);
  if (digits != 2) return;
  *hh = h;
  *mm = m;
}

}  // namespace

bool IsMetaKeyRead(std::string_view key) { return FieldOfMetaKey(key) != MetaField::kNone; }

std::optional<std::string> NormalizeHtmlDate(std::string_view text) {
  text = Trim(text);
  // ISO-like numeric forms: 2019-11-19, 2019/11/19, 2019.11.19, 20191119.
  for (size_t i = 0; i + 8 <= text.size(); ++i) {
    if (!base::IsAsciiDigit(text[i]) || (i > 0 && base::IsAsciiDigit(text[i - 1]))) continue;
    size_t pos = i;
    int digits = 0;
    const int y = ReadNumber(text, &pos, 4, &digits);
    if (digits != 4 || pos >= text.size()) continue;
    const char sep = text[pos];
    if (sep != '-' && sep != '/' && sep != '.') continue;
    ++pos;
    const int m = ReadNumber(text, &pos, 2, &digits);
    if (digits == 0 || pos >= text.size() || text[pos] != sep) continue;
    ++pos;
    const int d = ReadNumber(text, &pos, 2, &digits);
    if (digits == 0) continue;
    int hh, mm;
    ReadTime(text, pos, &hh, &mm);
    if (auto r = Format(y, m, d, hh, mm)) return r;
  }
  // Month-name forms: "November 19, 2019", "Nov. 19 2019", "19 November 2019".
  const std::vector<std::string_view> words = base::SplitWords(text);
  auto clean = [](std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == '|')) w.remove_suffix(1);
    return w;
  };
  auto number = [&](std::string_view w, int max_digits) {
    w = clean(w);
    // "19th", "1st"
    size_t pos = 0;
    int digits = 0;
    const int v = ReadNumber(w, &pos, max_digits, &digits);
    if (digits == 0) return -1;
    const std::string_view rest = w.substr(pos);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return -1;
    return v;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const int month = base::ParseMonthName(clean(words[i]));
    if (month == 0) continue;
    // Month Day, Year
    if (i + 2 < words.size()) {
      const int d = number(words[i + 1], 2);
      const int y = number(words[i + 2], 4);
      if (d > 0 && y >= 1990) {
        if (auto r = Format(y, month, d, -1, -1)) return r;
      }
    }
    // Day Month Year
    if (i >= 1 && i + 1 < words.size()) {
      const int d = number(words[i - 1], 2);
      const int y = number(words[i + 1], 4);
      if (d > 0 && y >= 1990) {
        if (auto r = Format(y, month, d, -1, -1)) return r;
      }
    }
  }
  return std::nullopt;
}

std::string StripSiteFromTitle(std::string_view title, std::string_view site) {
  title = Trim(title);
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ",
                                                     " · ", " « ", " » ", " • "};
  size_t best = std::string_view::npos;
  size_t sep_len = 0;
  for (std::string_view sep : kSeparators) {
    const size_t at = title.rfind(sep);
    if (at != std::string_view::npos && at > 0 && (best == std::string_view::npos || at > best)) {
      best = at;
      sep_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return std::string(title);
  const std::string_view head = Trim(title.substr(0, best));
  const std::string_view tail = Trim(title.substr(best + sep_len));
  if (!site.empty()) {
    if (base::FindIgnoreCase(tail, site) != std::string_view::npos ||
        base::FindIgnoreCase(site, tail) != std::string_view::npos) {
      return StripSiteFromTitle(head, site);
    }
    if (base::FindIgnoreCase(head, site) != std::string_view::npos && head.size() < tail.size()) {
      return std::string(tail);
    }
  }
  // Without a site name: the shorter side of the last separator is the site,
  // when it is short (a name, not half a headline).
  if (tail.size() < head.size() && base::SplitWords(tail).size() <= 4) return std::string(head);
  return std::string(title);
}

HtmlMetadata ExtractHtmlMetadata(const GumboNode* root) {
  return ExtractHtmlMetadata(root, {}, {});
}

HtmlMetadata ExtractHtmlMetadata(const GumboNode* root, std::string_view page,
                                 const std::vector<LiftedJsonLd>& json_ld) {
  Found f;
  f.page = page;
  f.lifted = &json_ld;
  Walk(root, &f, 0, false);
  HtmlMetadata m;
  m.outlet = f.og_site ? f.og_site : f.ld_publisher;
  const std::string site = m.outlet.value_or("");
  if (f.og_title) m.title = StripSiteFromTitle(*f.og_title, site);
  else if (f.ld_headline) m.title = f.ld_headline;
  else if (f.h1) m.title = f.h1;
  else if (f.title_tag) m.title = StripSiteFromTitle(*f.title_tag, site);
  if (m.title && m.title->empty()) m.title.reset();
  m.description = f.og_description ? f.og_description : f.description;
  for (const auto* candidate : {&f.ld_date, &f.meta_date, &f.itemprop_date, &f.time_date,
                                &f.visible_date}) {
    if (!*candidate) continue;
    if (auto d = NormalizeHtmlDate(**candidate)) {
      m.published = ParseIsoDate(*d);
      break;
    }
  }
  m.url = f.canonical ? f.canonical : f.og_url ? f.og_url : f.ld_url;
  for (const auto* candidate : {&f.html_lang, &f.ld_lang, &f.meta_lang, &f.og_locale}) {
    if (!*candidate) continue;
    std::string code = LanguageCode(**candidate);
    if (!code.empty()) {
      m.language = std::move(code);
      break;
    }
  }
  std::vector<std::string>& authors = !f.ld_authors.empty()     ? f.ld_authors
                                      : !f.meta_authors.empty() ? f.meta_authors
                                                                : f.itemprop_authors;
  for (std::string& a : authors) {
    if (std::find(m.authors.begin(), m.authors.end(), a) == m.authors.end()) {
      m.authors.push_back(std::move(a));
    }
  }
  m.json_ld_body = f.ld_body;
  return m;
}

}  // namespace newsfuse::ingest
