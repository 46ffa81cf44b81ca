// File: ingest/boilerplate.h
//
// Line-level recognisers for what news pages wrap around a story: photo
// captions and credits, newsletter prompts, promos, section headers. The
// plain-text reader combines them with block context (a caption is the whole
// block around a credit line); these functions judge one line alone.
#ifndef NEWSFUSE_INGEST_BOILERPLATE_H_
#define NEWSFUSE_INGEST_BOILERPLATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "newsfuse/article.h"

namespace newsfuse::ingest {

// The kind of boilerplate `line` is on its own, or nullopt for story text.
// Recognises: "PHOTO: …" captions; credit lines ("Getty Images",
// "Mohammed Abed/AFP via Getty Images", "(credit: X/REUTERS)", "AP");
// captions that end in a credit ("… Gaza Strip. AFP", "… Photo: X/Pool/AFP");
// "Subscribe to …", "Stay updated …"; "Live updates: …", "Go deeper",
// "Powered by automated translation", "Advertisement"; and bare section
// headers such as "What You Need To Know".
std::optional<BoilerplateKind> ClassifyLine(std::string_view line);

// True when the line carries a photo credit anywhere (used to mark its whole
// block as a caption).
bool HasPhotoCredit(std::string_view line);

// The outlet a newsletter or copyright line names: "Subscribe to The
// Jerusalem Post Newsletter" -> "The Jerusalem Post"; "© 2024 Reuters" ->
// "Reuters". nullopt when the line names none.
std::optional<std::string> OutletFromSignoff(std::string_view line);

// An outlet named as the one reported to, in story text: "officials told
// Axios." -> "Axios"; "a U.S. official confirmed to ABC News." -> "ABC News".
// Only at the end of a clause, so "told Netanyahu several times" is not one;
// "first reported by X" names another outlet and is never taken.
std::optional<std::string> OutletFromAttribution(std::string_view sentence);

// A house-style signpost at the start of a paragraph ("Why it matters: ",
// "The big picture: "): returns the label length including ": ", or 0.
size_t SignpostLength(std::string_view paragraph);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_BOILERPLATE_H_
