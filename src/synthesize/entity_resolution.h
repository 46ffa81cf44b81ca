// File: synthesize/entity_resolution.h
//
// Cross-document entity resolution: one entity per real person, organisation
// or place across the articles of a story. Its input is what the extract
// stage found in each article (tagger mentions, chained within the article
// by extract/entity_linker: full name -> surname, acronym -> expansion); its
// steps, in order:
//   1. candidates: each article's linked entities, their names cleaned of
//      what the tagger took along (a trailing title or weekday, ", in X"),
//      leaving out what is not an entity of the story: bylines and reporter
//      credits ("KYW's Pat Loeb reports"), the outlet's own name, names seen
//      only in title-case headlines, and common words that the story writes
//      in lower case as often as capitalised ("Strategic", "Office") unless
//      capitalised around a kind of organisation ("Federal Bureau of
//      Investigation"), and days the tagger took for names (every mention
//      inside one of the article's time expressions: "Christmas", "EDT May");
//   2. one cluster per folded name ("U.N." = "UN", "TMZ.com" = "TMZ");
//   3. types by vote of the tagger's mentions, corrected by a name's head
//      word ("... Center", "... Foods" -> organisation; "... Boulevard" ->
//      place), the GeoNames place list and speech ("the White House said");
//   4. joins: the same person with or without a middle name or initial;
//      an acronym and its expansion; a short form of an organisation or place
//      ("Kraft" / "Kraft Foods", "Betty Ford" / "Betty Ford Center"); a
//      surname and the one full name that ends with it; a spelling a letter
//      or two off ("Latoya" / "Latonya Brown", "Schnectady") when no article
//      uses both spellings (two spellings side by side are two names);
//   5. recall: an article that writes a resolved name (or a person's surname
//      that only one person of the story has) without the tagger tagging it
//      still mentions the entity.
#ifndef NEWSFUSE_SYNTHESIZE_ENTITY_RESOLUTION_H_
#define NEWSFUSE_SYNTHESIZE_ENTITY_RESOLUTION_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "extract/place_gazetteer.h"

namespace newsfuse::synthesize {

struct ResolvedEntity {
  extract::EntityType type = extract::EntityType::kOther;
  // Every spelling and the articles (indices into the input) that use it.
  std::map<std::string, std::vector<uint32_t>> spellings;
  std::vector<std::string> titles;
  std::vector<uint32_t> articles;  // sorted, unique: every article that mentions it
  int mentions = 0;
};

// The numbers the joins and the typing turn on. Defaults chosen by
// leave-one-topic-out cross-validation over the ECB+ train topics and kept
// only where they held on ECB+ dev and MEANTIME too (`newsfuse eval entities
// --cv` prints the search; models/README.md has no part in it).
struct ResolutionOptions {
  // An acronym joins its most reported expansion only when that expansion is
  // in at least this many times as many articles as all others together.
  double acronym_dominance = 3;
  // A one-word known place joins a longer organisation name it opens
  // ("Jamaica" / "Jamaica Hospital") only when at least this share of the
  // articles that write it also write the longer name.
  double place_short_form_together = 0.5;
  // A one-word name not typed person joins the person whose surname it is
  // only when at least this share of its articles also name that person.
  double surname_together = 0.5;
  // Person spelling variants: at most this many edits in the one word that
  // differs; surnames shorter than person_spelling_min_letters never vary.
  int person_spelling_edits = 2;
  int person_spelling_min_letters = 4;
  // Place or organisation spelling variants: one-word names of at least this
  // many letters, one edit apart.
  int other_spelling_min_letters = 6;
  // A word is a common word, not a name, when the story writes it in lower
  // case at least this many times per capitalised use mid-sentence.
  double common_word_ratio = 1;
  // A "place" that opens a speech verb in at least this share of its
  // mentions is an organisation ("Kraft said").
  double speaking_place_share = 0.2;
};

struct EntityResolution {
  std::vector<ResolvedEntity> entities;
  // Per article, per linked entity of that article: index into `entities`,
  // or -1 when it was left out (not an entity of the story).
  std::vector<std::vector<int>> entity_of_linked;
};

EntityResolution ResolveEntities(const std::vector<const extract::ArticleAnalysis*>& articles,
                                 const extract::PlaceGazetteer& places, const ResolutionOptions& options = {});

// The fullest spelling ("Joe Biden" over "Biden"); among those, the one most
// articles use; then the longer.
std::string BestSpelling(const std::map<std::string, std::vector<uint32_t>>& spellings);

// Levenshtein distance, capped: returns cap + 1 once the distance exceeds cap.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ENTITY_RESOLUTION_H_
