// File: extract/tagged_entity_source.h
//
// The NER tagger as a fingerprint::EntitySource: story similarity compares
// the names the tagger finds instead of the capitalised-word proxy, which
// also takes sentence-initial words, headline words and titles for names.
//
//   TaggedEntitySource names(*tagger);
//   FingerprintOptions options;
//   options.entity_source = &names;
#ifndef NEWSFUSE_EXTRACT_TAGGED_ENTITY_SOURCE_H_
#define NEWSFUSE_EXTRACT_TAGGED_ENTITY_SOURCE_H_

#include "extract/entity_tagger.h"
#include "fingerprint/entities.h"

namespace newsfuse::extract {

class TaggedEntitySource : public fingerprint::EntitySource {
 public:
  // `tagger` is not owned and must outlive this. Mentions in the first
  // `lead_sentences` sentences of the body count `lead_weight`, the rest 1
  // (the fingerprinter's weighting of words). `persons_only` reports PERSON
  // mentions alone: who the event happened to, what tells twin events of
  // one kind apart.
  TaggedEntitySource(const EntityTagger& tagger, bool persons_only, int lead_sentences = 5,
                     float lead_weight = 2.0f)
      : tagger_(tagger), persons_only_(persons_only), lead_sentences_(lead_sentences), lead_weight_(lead_weight) {}

  // Tags the body (not the headline: Title Case headlines mislead the
  // tagger as they do the proxy). Thread-safe.
  void ForEachEntity(const Article& article,
                     const std::function<void(std::string_view name, float weight)>& on_entity) const override;

 private:
  const EntityTagger& tagger_;
  bool persons_only_;
  int lead_sentences_;
  float lead_weight_;
};

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_TAGGED_ENTITY_SOURCE_H_
