// File: ingest/html_metadata.h
//
// Reads a news page's metadata from gumbo's DOM, in order of trust:
//   headline:  og:title, JSON-LD (NewsArticle...) headline, the first <h1>,
//              <title> minus the site suffix (" | Outlet", " - Outlet");
//   published: JSON-LD datePublished, article:published_time and similar
//              <meta>, itemprop=datePublished, <time datetime>, then a visible
//              dateline in a date/byline element. Captions, "related" teasers
//              and other furniture are never read, and no date is ever made
//              up (no "today").
//   outlet:    og:site_name, JSON-LD publisher.name;
//   authors, canonical URL, language (ISO 639-1), and the JSON-LD
//   articleBody when the page carries one.
//
// Thread-safety: stateless; safe from any thread.
#ifndef NEWSFUSE_INGEST_HTML_METADATA_H_
#define NEWSFUSE_INGEST_HTML_METADATA_H_

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_prefilter.h"
#include "newsfuse/date.h"

namespace newsfuse::ingest {

struct HtmlMetadata {
  std::optional<std::string> title;
  std::optional<std::string> description;  // og:description / meta description
  std::optional<CivilDate> published;
  std::optional<std::string> outlet;
  std::optional<std::string> url;          // canonical, else og:url
  std::optional<std::string> language;     // "en", "de", ...
  std::vector<std::string> authors;
  std::optional<std::string> json_ld_body;  // JSON-LD articleBody
};

// REQUIRES: `root` is the root of a gumbo parse.
HtmlMetadata ExtractHtmlMetadata(const GumboNode* root);

// The same for a page filtered by PrefilterHtml with its JSON-LD lifted out:
// `page` is the filtered page the parse was made from, and a JSON-LD script
// whose start tag sits at a lifted offset is read from `json_ld`.
HtmlMetadata ExtractHtmlMetadata(const GumboNode* root, std::string_view page,
                                 const std::vector<LiftedJsonLd>& json_ld);

// True when ExtractHtmlMetadata reads a <meta> element whose key (its
// `property`, else `name`, else `itemprop` attribute, lower-cased) is `key`.
// The prefilter drops the others (viewport, og:image, twitter:card, ...).
bool IsMetaKeyRead(std::string_view key);

// Normalises a date as pages write it ("2019-11-19T10:04:00Z",
// "2019/11/19", "November 19, 2019", "19 Nov 2019 10:04") to "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM" (time as written, no zone conversion). nullopt when no
// plausible date (years 1990-2100) is found.
std::optional<std::string> NormalizeHtmlDate(std::string_view text);

// Removes a site suffix or prefix from a <title>: "Storm hits coast | The
// Daily" -> "Storm hits coast". `site` (may be empty) helps decide which part
// is the site's name.
std::string StripSiteFromTitle(std::string_view title, std::string_view site);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_METADATA_H_
