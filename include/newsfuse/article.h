// File: newsfuse/article.h
//
// An Article is one news report as the ingest stage reads it: its metadata
// (only what the text or the input's metadata gives: never guessed), its body
// paragraphs in order, and what was dropped as boilerplate, kept aside so that
// a reader can see what was removed and why.
#ifndef NEWSFUSE_ARTICLE_H_
#define NEWSFUSE_ARTICLE_H_

#include <optional>
#include <string>
#include <vector>

#include "newsfuse/date.h"

namespace newsfuse {

// Why a line was kept out of the body.
enum class BoilerplateKind : int {
  kPhotoCaption,   // "PHOTO: ...", alt text, a caption and its repeat
  kCredit,         // "Getty Images", "REUTERS/...", "(credit: ...)"
  kNewsletter,     // "Subscribe to ...", "Stay updated ..."
  kPromo,          // "Live updates: ...", "Go deeper", "Powered by automated translation"
  kHeader,         // "What You Need To Know" and similar section labels
  kDateline,       // the line the publication date was read from
  kOther,
};
const char* BoilerplateKindName(BoilerplateKind kind);

struct DroppedLine {
  BoilerplateKind kind;
  std::string text;
};

struct Paragraph {
  std::string text;
  // A heading inside the body ("Details of the meeting"): kept for order and
  // rendering, never used as a sentence of the summary.
  bool is_heading = false;
  // A list item ("• ...") or a house-style lead ("Why it matters: ...").
  bool is_list_item = false;
  // The signpost label stripped from the front ("Why it matters"), if any.
  std::string label;
};

struct Article {
  std::string id;       // file name without extension, or the input's id field
  std::string origin;   // where it was read from ("dir/a.txt", "feed.jsonl:12")
  std::optional<std::string> outlet;     // as the text or metadata names it
  std::optional<std::string> url;
  std::optional<std::string> title;      // headline
  std::optional<std::string> subtitle;   // standfirst under the headline
  std::optional<CivilDate> published;    // the day, and the time when the input gives one
  std::optional<std::string> language;   // ISO 639-1 when known
  std::vector<Paragraph> paragraphs;
  std::vector<DroppedLine> dropped;
};

}  // namespace newsfuse

#endif  // NEWSFUSE_ARTICLE_H_
