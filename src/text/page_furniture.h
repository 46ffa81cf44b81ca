// File: text/page_furniture.h
//
// Sentences that a news page wraps around a story rather than story text:
// what a briefing must never state as a fact or a summary line. The HTML
// extractor drops whole blocks of furniture; what is left is found here one
// sentence at a time, from the sentence's shape alone (no list of phrases,
// no outlet names), each sign being one a reported sentence does not show:
//
//   - a link: "Her biography appears at: http: / / www. nlm. nih. gov / …"
//   - a page stamp: a publishing verb and the sentence ending on a date or a
//     clock time: "posted in Pedestrian Accidents on Wednesday, September 18,
//     2013.", "… | Updated on September 14, 2013 11:41am"
//   - the reader addressed, as a call to action: "Women, start making your
//     Moves today!", "Whether you work with an attorney … you get the
//     financial help you need" (outside quoted speech)
//   - a headline in title case, without a closing stop: "Hiller Feuded with
//     Co-Workers Prior to Shooting; Risk Factors and Prevention of …"
//   - a pointer to what follows on the page: "Here is the transcript of the
//     announcement."
//   - advice rather than a report: an indefinite subject, a modal of
//     possibility, and no name, figure or date: "A personal injury attorney
//     might review a hit-and-run accident case …"
//
// A trailing cross-reference is cut, not the sentence: "… among other things
// (see related story)." keeps "… among other things".
#ifndef NEWSFUSE_TEXT_PAGE_FURNITURE_H_
#define NEWSFUSE_TEXT_PAGE_FURNITURE_H_

#include <cstddef>
#include <string_view>

namespace newsfuse::text {

enum class Furniture {
  kNone,
  kLink,
  kPageStamp,
  kReaderAddress,
  kHeadline,
  kPointer,
  kGenericAdvice,
};

// Which sign marks `sentence`, of `paragraph`, as page furniture; kNone for
// story text. The reader is addressed only outside quoted speech: no
// quotation mark in the whole paragraph, as a quotation may run over
// several sentences ("There's nothing more you can do. … ," he said.).
Furniture FurnitureOf(std::string_view sentence, std::string_view paragraph);

// The length of `sentence` without a trailing parenthetical cross-reference
// ("(see related story)", "(See Photos)") and the space before it;
// sentence.size() when it has none.
size_t WithoutCrossReference(std::string_view sentence);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_PAGE_FURNITURE_H_
