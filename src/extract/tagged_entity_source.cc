#include "extract/tagged_entity_source.h"

#include <algorithm>
#include <vector>

#include "text/document.h"
#include "text/tokenizer.h"

namespace newsfuse::extract {

void TaggedEntitySource::ForEachEntity(
    const Article& article, const std::function<void(std::string_view name, float weight)>& on_entity) const {
  const text::Document doc = text::BuildDocument(article);
  std::vector<text::Span> tokens;
  std::vector<uint32_t> sentence_ends;
  for (const text::DocSentence& s : doc.sentences) {
    text::TokenizeRange(doc.text, s.span, &tokens);
    sentence_ends.push_back(static_cast<uint32_t>(tokens.size()));
  }
  std::vector<EntityMention> mentions;
  tagger_.TagDocument(doc.text, tokens, sentence_ends, &mentions);
  for (const EntityMention& m : mentions) {
    if (persons_only_ && m.type != EntityType::kPerson) continue;
    // The sentence of the mention's first token: sentence_ends is ascending.
    const auto sentence = std::upper_bound(sentence_ends.begin(), sentence_ends.end(), m.token_begin) -
                          sentence_ends.begin();
    on_entity(doc.Text(m.span), sentence < lead_sentences_ ? lead_weight_ : 1.0f);
  }
}

}  // namespace newsfuse::extract
