#include "synthesize/entity_resolution.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "synthesize/discrepancies.h"
#include "synthesize/entity_merger.h"
#include "text/tokenizer.h"

namespace newsfuse::synthesize {
namespace {

using extract::EntityType;

// A story of hand-written articles whose "tagger" marks exactly the given
// names wherever they occur (so each test says what the tagger saw).
class Story {
 public:
  Story& Add(const std::string& text, const std::vector<std::pair<std::string, EntityType>>& tagged,
             const std::string& outlet = "") {
    Article& art = articles_.emplace_back();
    art.id = "a" + std::to_string(articles_.size());
    if (!outlet.empty()) art.outlet = outlet;
    size_t start = 0;
    while (start <= text.size()) {
      const size_t nl = text.find('\n', start);
      Paragraph p;
      p.text = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      art.paragraphs.push_back(p);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    extract::ArticleAnalysis& a = analyses_.emplace_back();
    a.article = &art;
    a.doc = text::BuildDocument(art);
    for (const auto& s : a.doc.sentences) {
      text::TokenizeRange(a.doc.text, s.span, &a.tokens);
      a.sentence_token_end.push_back(static_cast<uint32_t>(a.tokens.size()));
    }
    for (const auto& [name, type] : tagged) {
      for (size_t at = a.doc.text.find(name); at != std::string::npos; at = a.doc.text.find(name, at + 1)) {
        extract::EntityMention m;
        m.span = text::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
        m.type = type;
        a.mentions.push_back(m);
      }
    }
    std::sort(a.mentions.begin(), a.mentions.end(),
              [](const extract::EntityMention& x, const extract::EntityMention& y) { return x.span.begin < y.span.begin; });
    a.entities = extract::LinkEntities(a.doc.text, a.tokens, a.mentions);
    return *this;
  }

  // Marks every occurrence of `phrase` in the last article as a time
  // expression (what extract/time_expressions.h would find).
  Story& Time(const std::string& phrase) {
    extract::ArticleAnalysis& a = analyses_.back();
    for (size_t at = a.doc.text.find(phrase); at != std::string::npos; at = a.doc.text.find(phrase, at + 1)) {
      extract::TimeExpression t;
      t.span = text::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
      a.times.push_back(t);
    }
    return *this;
  }

  EntityResolution Resolve(const extract::PlaceGazetteer& places = extract::PlaceGazetteer::FromNames({}),
                           const ResolutionOptions& options = {}) const {
    std::vector<const extract::ArticleAnalysis*> ptrs;
    for (const auto& a : analyses_) ptrs.push_back(&a);
    return ResolveEntities(ptrs, places, options);
  }

  MergedEntities Merge() const { return MergeEntities(Analyses(), extract::PlaceGazetteer::FromNames({})); }

  // Title discrepancies of the merged people.
  std::vector<Discrepancy> Titles() const { return FindTitleDiscrepancies(Analyses(), Merge()); }

  std::vector<const extract::ArticleAnalysis*> Analyses() const {
    std::vector<const extract::ArticleAnalysis*> ptrs;
    for (const auto& a : analyses_) ptrs.push_back(&a);
    return ptrs;
  }

 private:
  std::deque<Article> articles_;  // stable addresses for ArticleAnalysis::article
  std::deque<extract::ArticleAnalysis> analyses_;
};

// The resolved entity that has `spelling`, or null.
const ResolvedEntity* Find(const EntityResolution& r, const std::string& spelling) {
  for (const auto& e : r.entities) {
    if (e.spellings.count(spelling)) return &e;
  }
  return nullptr;
}

TEST(EntityResolutionTest, MiddleNameAndSurnameAreOnePerson) {
  const auto r = Story()
                     .Add("Mark Jay Heller told a judge that the client was settling in.", {{"Mark Jay Heller", EntityType::kPerson}})
                     .Add("Her lawyer Mark Heller spoke to reporters on Thursday.", {{"Mark Heller", EntityType::kPerson}})
                     .Add("The judge listened while Heller argued for an hour.", {{"Heller", EntityType::kPerson}})
                     .Resolve();
  const ResolvedEntity* e = Find(r, "Mark Jay Heller");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e, Find(r, "Mark Heller"));
  EXPECT_EQ(e, Find(r, "Heller"));
  EXPECT_EQ(e->articles.size(), 3u);
}

TEST(EntityResolutionTest, MisspeltFirstNameIsAVariantUnlessTwoOneWordNamesMeet) {
  const auto r = Story()
                     .Add("Police named the victim as Latonya Brown of the city.", {{"Latonya Brown", EntityType::kPerson}})
                     .Add("Police named the victim as Latoya Brown of the city.", {{"Latoya Brown", EntityType::kPerson}})
                     .Add("He drove from Schenectady that night, not from Schnectady Falls.",
                          {{"Schenectady", EntityType::kLocation}, {"Schnectady", EntityType::kLocation}})
                     .Resolve();
  EXPECT_EQ(Find(r, "Latonya Brown"), Find(r, "Latoya Brown"));
  // Written side by side in one article: two places.
  EXPECT_NE(Find(r, "Schenectady"), Find(r, "Schnectady"));
}

// A day the tagger took for a name is no entity of the story; names beside
// it are kept.
TEST(EntityResolutionTest, NamesInsideTimeExpressionsAreNoEntities) {
  const auto r = Story()
                     .Add("The shelter opened on Christmas Day for the families.", {{"Christmas Day", EntityType::kOrganization}})
                     .Time("Christmas Day")
                     .Add("Maria Lopez runs the shelter in Camden.", {{"Maria Lopez", EntityType::kPerson}})
                     .Resolve();
  EXPECT_EQ(Find(r, "Christmas Day"), nullptr);
  EXPECT_NE(Find(r, "Maria Lopez"), nullptr);
}

// The cross-validated numbers are the ones the joins use: no edits allowed,
// the misspelt name stays a second person.
TEST(EntityResolutionTest, SpellingVariantsFollowTheOptions) {
  Story story;
  story.Add("Police named the victim as Latonya Brown of the city.", {{"Latonya Brown", EntityType::kPerson}})
      .Add("Police named the victim as Latoya Brown of the city.", {{"Latoya Brown", EntityType::kPerson}});
  ResolutionOptions strict;
  strict.person_spelling_edits = 0;
  const auto apart = story.Resolve(extract::PlaceGazetteer::FromNames({}), strict);
  EXPECT_NE(Find(apart, "Latonya Brown"), Find(apart, "Latoya Brown"));
  const auto joined = story.Resolve();
  EXPECT_EQ(Find(joined, "Latonya Brown"), Find(joined, "Latoya Brown"));
}

// Two spellings one article writes are two people (a father and his son)
// or its own slip, never outlets spelling one name apart.
TEST(EntityResolutionTest, SpellingsOneArticleWritesBothAreNoDiscrepancy) {
  const std::string victim = "Police named the victim as Latonya Brown of the city.";
  const std::string second = "Police named the victim as Latoya Brown of the city.";
  const std::vector<std::pair<std::string, EntityType>> names = {{"Latonya Brown", EntityType::kPerson},
                                                                 {"Latoya Brown", EntityType::kPerson}};
  EXPECT_EQ(Story().Add(victim, names).Add(second, names).Merge().spelling.size(), 1u);
  EXPECT_TRUE(Story().Add(victim, names).Add(victim + " Her son Latoya Brown spoke.", names).Merge().spelling.empty());
}

// Punctuation is no spelling: "Latonya) Brown" is "Latonya Brown" cut out
// of a bracket.
TEST(EntityResolutionTest, NamesOnlyPunctuationApartAreOneSpelling) {
  const std::vector<std::pair<std::string, EntityType>> names = {{"Latonya Brown", EntityType::kPerson},
                                                                 {"Latonya) Brown", EntityType::kPerson}};
  EXPECT_TRUE(Story()
                  .Add("Police named the victim as Latonya Brown of the city.", names)
                  .Add("Police named the victim (known as Latonya) Brown of the city.", names)
                  .Merge()
                  .spelling.empty());
}

// Outlets differ on a title only when none gives both and neither is the
// other shortened ("Lt." / "Lieutenant").
TEST(EntityResolutionTest, TitlesDifferOnlyAcrossOutlets) {
  const std::vector<std::pair<std::string, EntityType>> name = {{"Maria Lopez", EntityType::kPerson}};
  const std::string captain = "The raid was led by Captain Maria Lopez of the navy.";
  const std::string commander = "The raid was led by Commander Maria Lopez of the navy.";
  EXPECT_EQ(Story().Add(captain, name).Add(commander, name).Titles().size(), 1u);
  EXPECT_TRUE(Story().Add(captain, name).Add(captain + " " + commander, name).Titles().empty());
  EXPECT_TRUE(Story()
                  .Add("The raid was led by Lieutenant Maria Lopez of the navy.", name)
                  .Add("The raid was led by Lt. Maria Lopez of the navy.", name)
                  .Titles()
                  .empty());
}

TEST(EntityResolutionTest, AcronymAndShortFormJoinTheirOrganisation) {
  const auto r = Story()
                     .Add("The American Medical Association praised the choice of the board.",
                          {{"American Medical Association", EntityType::kOrganization}})
                     .Add("The AMA praised the choice on its web site.", {{"AMA", EntityType::kOrganization}})
                     .Add("A worker at Kraft Foods was arrested after the shooting.", {{"Kraft Foods", EntityType::kOrganization}})
                     .Add("Kraft closed the plant until further notice.", {{"Kraft", EntityType::kLocation}})
                     .Resolve();
  EXPECT_EQ(Find(r, "AMA"), Find(r, "American Medical Association"));
  const ResolvedEntity* kraft = Find(r, "Kraft Foods");
  ASSERT_NE(kraft, nullptr);
  EXPECT_EQ(kraft, Find(r, "Kraft"));
  EXPECT_EQ(kraft->type, EntityType::kOrganization);
}

TEST(EntityResolutionTest, CreditsAndTheOutletsOwnNameAreNoEntities) {
  const auto r = Story()
                     .Add("KYW's Pat Loeb reports that the plant was closed by Kraft.",
                          {{"Pat Loeb", EntityType::kPerson}, {"Kraft", EntityType::kOrganization}})
                     .Add("NBC Philadelphia learnt that the plant would stay closed, Kraft said.",
                          {{"NBC Philadelphia", EntityType::kOrganization}, {"Kraft", EntityType::kOrganization}},
                          "nbcphiladelphia.com")
                     .Resolve();
  EXPECT_EQ(Find(r, "Pat Loeb"), nullptr);
  EXPECT_EQ(Find(r, "NBC Philadelphia"), nullptr);
  EXPECT_NE(Find(r, "Kraft"), nullptr);
}

TEST(EntityResolutionTest, ALocalStationsReporterIsNoEntityButANetworksOrACompanysPersonIs) {
  const auto r = Story()
                     .Add("\"We heard shots,\" a worker told NBC10\u2019s Rosemary Connors on Thursday night.",
                          {{"Rosemary Connors", EntityType::kPerson}})
                     .Add("The plant manager spoke to WPVI's Tom Reed, and to NBC's Lester Holt, outside the gate.",
                          {{"Tom Reed", EntityType::kPerson}, {"Lester Holt", EntityType::kPerson}})
                     .Add("Kraft's Irene Rosenfeld said the plant would reopen; KYW was told so too.",
                          {{"Irene Rosenfeld", EntityType::kPerson}})
                     .Resolve();
  EXPECT_EQ(Find(r, "Rosemary Connors"), nullptr);
  EXPECT_EQ(Find(r, "Tom Reed"), nullptr);
  EXPECT_NE(Find(r, "Lester Holt"), nullptr) << "a network's anchor may be the news";
  EXPECT_NE(Find(r, "Irene Rosenfeld"), nullptr);
}

TEST(EntityResolutionTest, GazetteerTypesPlacesAndRecallFindsUntaggedMentions) {
  const auto places = extract::PlaceGazetteer::FromNames({"Rancho Mirage", "Newport Beach"});
  const auto r = Story()
                     .Add("She checked into a clinic in Rancho Mirage on Thursday.", {{"Rancho Mirage", EntityType::kPerson}})
                     .Add("She left a facility in Newport Beach for another one.", {{"Newport Beach", EntityType::kLocation}})
                     .Add("Reporters waited outside the clinic in Newport Beach all day.", {})
                     .Resolve(places);
  const ResolvedEntity* rancho = Find(r, "Rancho Mirage");
  ASSERT_NE(rancho, nullptr);
  EXPECT_EQ(rancho->type, EntityType::kLocation);
  const ResolvedEntity* newport = Find(r, "Newport Beach");
  ASSERT_NE(newport, nullptr);
  EXPECT_EQ(newport->articles, (std::vector<uint32_t>{1, 2}));
}

TEST(EntityResolutionTest, CommonWordsAreNoEntities) {
  const auto r = Story()
                     .Add("The Strategic group met on Monday to talk about strategic aims and strategic plans.",
                          {{"Strategic", EntityType::kOrganization}})
                     .Resolve();
  EXPECT_EQ(Find(r, "Strategic"), nullptr);
}

}  // namespace
}  // namespace newsfuse::synthesize
