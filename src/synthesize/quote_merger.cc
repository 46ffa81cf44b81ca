#include "synthesize/quote_merger.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/strings.h"
#include "synthesize/section_text.h"

namespace newsfuse::synthesize {

namespace {

using Articles = std::vector<const extract::ArticleAnalysis*>;

// The merged entity a quote's resolved speaker names in article `ai`.
std::string CanonicalSpeaker(const extract::ArticleAnalysis& a, size_t ai, const std::string& speaker,
                             const MergedEntities& merged) {
  if (speaker.empty()) return speaker;
  const auto& linked = a.entities.entities;
  const std::string cleaned = extract::CleanName(speaker);
  for (size_t e = 0; e < linked.size(); ++e) {
    bool match = linked[e].name == cleaned;
    for (const auto& f : linked[e].surface_forms) match |= f == cleaned;
    if (!match) {
      // "Sen. Ted Cruz" / "Netanyahu" against "Benjamin Netanyahu".
      const auto words = base::SplitWords(cleaned);
      const auto name_words = base::SplitWords(linked[e].name);
      match = !words.empty() && !name_words.empty() && words.back() == name_words.back() &&
              linked[e].type == extract::EntityType::kPerson;
    }
    if (match) {
      const int idx = merged.entity_index[ai][e];
      if (idx >= 0) return merged.entities[idx].name;
      return linked[e].name;
    }
  }
  return cleaned;
}

// Speakers compared loosely: "the joint statement" = "the statement" =
// "statement"; case folded.
std::string SpeakerKey(const std::string& speaker) {
  std::string k = base::AsciiLower(speaker);
  for (std::string_view prefix : {"the ", "a ", "joint "}) {
    if (k.rfind(prefix, 0) == 0) k.erase(0, prefix.size());
  }
  return k;
}

}  // namespace

std::vector<BriefQuote> MergeQuotes(const Articles& articles, const MergedEntities& merged,
                                    std::vector<std::string>* notes, size_t max_candidates) {
  size_t candidates = 0;
  struct Entry {
    BriefQuote quote;
    std::set<std::string> stems;
    std::map<std::string, std::vector<std::string>> speaker_votes;  // key -> names as given
  };
  std::vector<Entry> entries;
  Stemmer stemmer;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& a = *articles[ai];
    const std::string& id = a.article->id;
    for (const auto& q : a.quotes) {
      if (q.kind == extract::QuoteKind::kScare) continue;
      const std::string text = base::CollapseWhitespace(q.quote.In(a.doc.text));
      if (base::SplitWords(text).size() < 3) continue;
      if (++candidates > max_candidates) continue;
      const std::string speaker = CanonicalSpeaker(a, ai, q.speaker, merged);
      std::set<std::string> stems = ContentStems(text, stemmer);
      // One statement quoted by several outlets: the same words (allowing
      // for translation and trimming), whoever each outlet names as speaker;
      // a looser match when the speakers agree.
      Entry* match = nullptr;
      for (auto& e : entries) {
        const bool same_speaker = SpeakerKey(e.quote.speaker) == SpeakerKey(speaker) ||
                                  e.quote.speaker.empty() || speaker.empty();
        if (Containment(e.stems, stems) >= (same_speaker ? 0.5 : 0.75)) {
          match = &e;
          break;
        }
      }
      if (!match) {
        Entry e;
        e.quote.text = text;
        e.quote.speaker = speaker;
        e.quote.sources.push_back(id);
        e.stems = std::move(stems);
        e.speaker_votes[SpeakerKey(speaker)].push_back(speaker);
        entries.push_back(std::move(e));
        continue;
      }
      match->speaker_votes[SpeakerKey(speaker)].push_back(speaker);
      AddSource(&match->quote.sources, id);
      if (text == match->quote.text) continue;
      bool placed = false;
      for (auto& v : match->quote.variants) {
        if (v.text == text) {
          AddSource(&v.sources, id);
          placed = true;
        }
      }
      if (!placed) match->quote.variants.push_back(QuoteVariant{text, {id}});
    }
  }
  if (candidates > max_candidates && notes) {
    notes->push_back("quotes: " + extract::GroupThousands(candidates) + " quotations, merged the first " +
                     extract::GroupThousands(max_candidates));
  }
  std::vector<BriefQuote> out;
  for (auto& e : entries) {
    // The speaker most outlets name (a named speaker over none).
    size_t best = 0;
    for (const auto& [key, names] : e.speaker_votes) {
      if (!key.empty() && names.size() > best) {
        best = names.size();
        e.quote.speaker = names.front();
      }
    }
    // A quotation no outlet attributes (a film's title, speech the finder
    // found no speaker for) tells the reader nobody's words.
    if (e.quote.speaker.empty()) continue;
    out.push_back(std::move(e.quote));
  }
  std::stable_sort(out.begin(), out.end(), [](const BriefQuote& a, const BriefQuote& b) {
    return a.sources.size() > b.sources.size();
  });
  return out;
}

}  // namespace newsfuse::synthesize
