#include "synthesize/story_builder.h"
#include "synthesize/section_ranks.h"

#include <algorithm>

#include "base/strings.h"
#include "synthesize/attribute_facts.h"
#include "synthesize/claims.h"
#include "synthesize/entity_merger.h"
#include "synthesize/name_variants.h"
#include "synthesize/record_claims.h"
#include "synthesize/count_claims.h"
#include "synthesize/discrepancies.h"
#include "synthesize/story_sections.h"
#include "synthesize/timeline.h"
#include "synthesize/value_discrepancies.h"
#include "text/page_furniture.h"
#include "text/wire_dateline.h"

namespace newsfuse::synthesize {

namespace {

struct Unit {
  uint32_t article;
  uint32_t sentence;  // index into the article's doc.sentences
  std::string text;
};

std::vector<std::string> SourceIds(const std::vector<const extract::ArticleAnalysis*>& articles,
                                   const std::vector<uint32_t>& indices) {
  std::vector<std::string> ids;
  for (uint32_t i : indices) ids.push_back(articles[i]->article->id);
  return ids;
}

// Article `art`'s own wording of the fact in group `g`: `target` itself when
// it is from that article, else that article's member closest to `target`.
uint32_t OwnWording(const FactGroup& g, uint32_t art, uint32_t target,
                    const std::vector<uint32_t>& article_of, const std::vector<SparseVector>& vectors) {
  if (article_of[target] == art) return target;
  uint32_t best = target;
  float best_sim = -1;
  for (uint32_t m : g.members) {
    if (article_of[m] != art) continue;
    const float s = Cosine(vectors[m], vectors[target]);
    if (s > best_sim) {
      best_sim = s;
      best = m;
    }
  }
  return best;
}

// The articles that state a group's fact (its members' and those ExtendSupport
// adds), sorted, and per article its own sentence: for a member article its
// member closest to `target`, for an added one the sentence that states it.
struct Backing {
  std::vector<uint32_t> articles;
  std::vector<uint32_t> units;  // same order
  uint32_t wording = 0;         // the unit whose words state the fact
};

// Keeps the articles whose own sentence states the claim of unit `claim`: a
// citation is evidence (fact_support.h, StatesClaim).
void KeepStating(Backing* b, uint32_t claim, const std::vector<Evidence>& evidence, float min_overlap) {
  Backing kept;
  kept.wording = claim;
  for (size_t k = 0; k < b->units.size(); ++k) {
    if (b->units[k] == claim || StatesClaim(evidence[claim], evidence[b->units[k]], min_overlap)) {
      kept.articles.push_back(b->articles[k]);
      kept.units.push_back(b->units[k]);
    }
  }
  *b = std::move(kept);
}

Backing BackingOf(const FactGroup& g, const std::vector<uint32_t>& added, uint32_t target,
                  const std::vector<uint32_t>& article_of, const std::vector<SparseVector>& vectors) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (article, unit)
  for (uint32_t art : g.articles) pairs.emplace_back(art, OwnWording(g, art, target, article_of, vectors));
  for (uint32_t u : added) pairs.emplace_back(article_of[u], u);
  std::sort(pairs.begin(), pairs.end());
  Backing b;
  b.wording = target;
  for (const auto& [art, u] : pairs) {
    b.articles.push_back(art);
    b.units.push_back(u);
  }
  return b;
}

// Outlets that contradict each other on one aligned fact: the first member
// from another article that negates (or states the antonym of) the
// representative's claim splits the group's members into two versions.
void AddClaimConflicts(const std::vector<FactGroup>& groups, const std::vector<Unit>& units,
                       const std::vector<uint32_t>& article_of, const std::vector<SparseVector>& vectors,
                       const std::vector<const extract::ArticleAnalysis*>& articles,
                       std::vector<Discrepancy>* out) {
  // A fact group joins wordings by average link at 0.22; two sentences that
  // state one claim share more than that. Below this they may be two claims
  // about one thing ("Chile insisted he had immunity" / "Britain said he did not").
  constexpr float kSameClaim = 0.5f;
  Stemmer stemmer;
  for (const FactGroup& g : groups) {
    if (g.articles.size() < 2) continue;
    const uint32_t rep = g.representative;
    ClaimContrast first;
    std::vector<uint32_t> affirm{rep}, deny;
    std::vector<std::string> deny_values;
    for (uint32_t m : g.members) {
      if (m == rep || article_of[m] == article_of[rep]) continue;
      if (Cosine(vectors[rep], vectors[m]) < kSameClaim) {
        affirm.push_back(m);
        continue;
      }
      ClaimContrast c = CompareClaims(units[rep].text, units[m].text, stemmer);
      if (!c.contradicts) {
        affirm.push_back(m);
        continue;
      }
      if (!first.contradicts) first = c;
      deny.push_back(m);
      deny_values.push_back(c.value_b);
    }
    if (deny.empty()) continue;
    Discrepancy d;
    d.kind = "claim";
    d.label = "conflict";
    const auto words = base::SplitWords(units[rep].text);
    std::string subject;
    for (size_t i = 0; i < words.size() && i < 12; ++i) subject += (i ? " " : "") + std::string(words[i]);
    if (words.size() > 12) subject += " …";
    d.subject = "claim: " + subject;
    auto version = [&](const std::vector<uint32_t>& ms, const std::string& value) {
      DiscrepancyVariant v;
      v.value = value;
      v.text = units[ms.front()].text;
      std::vector<uint32_t> arts;
      for (uint32_t m : ms) arts.push_back(article_of[m]);
      std::sort(arts.begin(), arts.end());
      arts.erase(std::unique(arts.begin(), arts.end()), arts.end());
      v.sources = SourceIds(articles, arts);
      return v;
    };
    d.variants.push_back(version(affirm, first.value_a));
    d.variants.push_back(version(deny, deny_values.front()));
    out->push_back(std::move(d));
  }
}

}  // namespace

bool StandsAlone(std::string_view s) {
  // A quotation first: the words before who said them.
  if (s.rfind("``", 0) == 0 || s.rfind("\"", 0) == 0 || s.rfind("\xE2\x80\x9C", 0) == 0 || s.rfind("'", 0) == 0) return false;
  size_t end = 0;
  while (end < s.size() && base::IsAsciiAlpha(s[end])) ++end;
  const std::string_view first = s.substr(0, end);
  for (std::string_view w : {"And", "But", "So", "Yet", "Or", "Also", "That", "This", "These", "Those", "It", "Its",
                             "He", "She", "They", "His", "Her", "Their", "Him", "Them", "Such", "Still", "Then"}) {
    if (first == w) return false;
  }
  return true;
}

bool IsStatement(std::string_view s) {
  const size_t words = base::CountWords(s);
  if (words < 5) return false;
  const char last = s.back();
  const bool closes = last == '.' || last == '!' || last == '"' || last == ')' || last == '\'' ||
                      (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D");
  return closes || words >= 12;
}

std::vector<StatementSentence> StatementSentences(const std::vector<const extract::ArticleAnalysis*>& articles) {
  std::vector<StatementSentence> out;
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const text::Document& doc = articles[ai]->doc;
    bool first = true;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const auto& sent = doc.sentences[si];
      if (doc.paragraphs[sent.paragraph].is_heading) continue;
      std::string_view text = doc.Text(sent.span);
      // Page furniture (a link, a date stamp, a call to the reader) is no
      // statement of the story; a trailing "(see related story)" no part of one.
      if (text::FurnitureOf(text, doc.Text(doc.paragraphs[sent.paragraph].span)) != text::Furniture::kNone) continue;
      text = text.substr(0, text::WithoutCrossReference(text));
      if (!IsStatement(text)) continue;
      StatementSentence st;
      st.article = ai;
      st.sentence = si;
      st.text = text;
      if (first) st.dateline = text::WireDatelineLength(text);
      first = false;
      out.push_back(st);
    }
  }
  return out;
}

std::vector<SummaryUnit> SummaryUnits(const std::vector<const extract::ArticleAnalysis*>& articles,
                                      const std::vector<StatementSentence>& sentences, StemIds& stems) {
  std::vector<SummaryUnit> out;
  out.reserve(sentences.size());
  for (const StatementSentence& st : sentences) {
    const text::Document& doc = articles[st.article]->doc;
    const size_t count = doc.sentences.size();
    const std::string_view said = st.text.substr(st.dateline);
    SummaryUnit su;
    su.sentence.article = st.article;
    su.sentence.index = st.sentence;
    su.sentence.position = count > 1 ? static_cast<float>(st.sentence) / static_cast<float>(count - 1) : 0.0f;
    // Word by word, so that a cut after any word knows its stems (ROUGE
    // cuts at white space too).
    const std::vector<std::string_view> words = base::SplitWords(said);
    for (std::string_view word : words) {
      su.stems_before_word.push_back(static_cast<uint32_t>(su.sentence.stems.size()));
      stems.Add(word, &su.sentence.stems);
    }
    su.words = static_cast<uint32_t>(words.size());
    su.eligible = !doc.paragraphs[doc.sentences[st.sentence].paragraph].is_subtitle;
    su.stands_alone = StandsAlone(said);
    out.push_back(std::move(su));
  }
  return out;
}

Story BuildStory(const std::string& story_id,
                 const std::vector<const extract::ArticleAnalysis*>& articles,
                 const std::vector<std::optional<size_t>>& copy_of, const StoryOptions& options) {
  Story story;
  story.id = story_id;
  for (const auto* a : articles) {
    const Article& art = *a->article;
    SourceInfo s;
    s.id = art.id;
    s.outlet = art.outlet;
    s.published = OptionalDateString(art.published);
    s.title = art.title;
    s.url = art.url;
    s.dropped = art.dropped;
    story.sources.push_back(std::move(s));
  }
  // Reprints and near-copies count once: marked on the source, and a fact's
  // support counts originals. Per article, the article it reprints, or itself.
  std::vector<uint32_t> original(articles.size());
  for (uint32_t i = 0; i < articles.size(); ++i) {
    original[i] = i < copy_of.size() && copy_of[i] ? static_cast<uint32_t>(*copy_of[i]) : i;
    if (original[i] != i) story.sources[i].duplicate_of = articles[original[i]]->article->id;
  }
  auto independent = [&](const std::vector<uint32_t>& arts) {
    std::vector<uint32_t> roots;
    for (uint32_t a : arts) roots.push_back(original[a]);
    std::sort(roots.begin(), roots.end());
    return static_cast<size_t>(std::unique(roots.begin(), roots.end()) - roots.begin());
  };
  size_t originals = 0;
  for (uint32_t i = 0; i < articles.size(); ++i) originals += original[i] == i;

  // Units: every statement sentence of every article.
  const std::vector<StatementSentence> statements = StatementSentences(articles);
  std::vector<Unit> units;
  std::vector<uint32_t> article_of;
  TermSpace space;
  for (const StatementSentence& st : statements) {
    units.push_back(Unit{st.article, st.sentence, std::string(st.text)});
    article_of.push_back(st.article);
    space.Add(st.text);
  }
  StemIds stems;
  const std::vector<SummaryUnit> summary_units = SummaryUnits(articles, statements, stems);
  const std::vector<SparseVector> vectors = space.Vectors();
  AlignStats align_stats;
  const std::vector<FactGroup> groups = AlignFacts(article_of, vectors, options.align, &align_stats);
  std::vector<std::string_view> unit_texts;
  for (const Unit& u : units) unit_texts.push_back(u.text);
  const std::vector<std::vector<uint32_t>> added = ExtendSupport(groups, unit_texts, article_of, vectors, options.support);
  std::vector<Evidence> evidence;
  evidence.reserve(units.size());
  ClaimTerms claim_terms;
  for (const Unit& unit : units) {
    std::vector<uint32_t> quoted;
    for (std::string_view part : QuotedParts(unit.text)) {
      const std::vector<uint32_t> terms = claim_terms.Of(part, /*names=*/false);
      quoted.insert(quoted.end(), terms.begin(), terms.end());
    }
    evidence.push_back(EvidenceOf(unit.text, claim_terms.Of(unit.text), quoted));
  }
  // A member whose outlet does not state its group's claim (aligned for a
  // shared name or place, it says something else) is a fact of its own:
  // dropped from the group's citations, it would otherwise be in no fact at
  // all, and "what each outlet adds" would leave it out. Such members that
  // state one another are one fact ("Dermer and Hanegbi are going to lead
  // the talks" / "The talks will be led by Dermer and Hanegbi").
  std::vector<Backing> backing;
  std::vector<Backing> own_claims;
  for (uint32_t g = 0; g < groups.size(); ++g) {
    Backing all = BackingOf(groups[g], added[g], groups[g].representative, article_of, vectors);
    backing.push_back(all);
    KeepStating(&backing.back(), groups[g].representative, evidence, options.support.min_overlap);
    const Backing& kept = backing.back();
    Backing left;  // the members whose outlet the group no longer cites
    for (size_t k = 0; k < all.articles.size(); ++k) {
      if (std::binary_search(kept.articles.begin(), kept.articles.end(), all.articles[k])) continue;
      if (!std::binary_search(groups[g].members.begin(), groups[g].members.end(), all.units[k])) continue;
      left.articles.push_back(all.articles[k]);
      left.units.push_back(all.units[k]);
    }
    while (!left.units.empty()) {
      Backing own = left;
      KeepStating(&own, left.units.front(), evidence, options.support.min_overlap);
      Backing rest;
      for (size_t k = 0; k < left.units.size(); ++k) {
        if (std::find(own.units.begin(), own.units.end(), left.units[k]) != own.units.end()) continue;
        rest.articles.push_back(left.articles[k]);
        rest.units.push_back(left.units[k]);
      }
      own_claims.push_back(std::move(own));
      left = std::move(rest);
    }
  }
  backing.insert(backing.end(), own_claims.begin(), own_claims.end());
  for (const auto* a : articles) story.notes.insert(story.notes.end(), a->notes.begin(), a->notes.end());
  if (align_stats.compared_units < align_stats.units) {
    story.notes.push_back("facts: " + extract::GroupThousands(align_stats.units) +
                          " statement sentences, aligned the first " +
                          extract::GroupThousands(align_stats.compared_units) + " (pair budget)");
  }

  // Facts: one per group, its representative's wording, every source;
  // consensus when most independent outlets report it, and those first.
  const size_t consensus_floor = std::max<size_t>(2, (originals + 1) / 2);
  std::vector<size_t> fact_order(backing.size());
  std::vector<size_t> backing_support(backing.size());  // counted once, not per comparison
  for (size_t i = 0; i < backing.size(); ++i) {
    fact_order[i] = i;
    backing_support[i] = independent(backing[i].articles);
  }
  std::stable_sort(fact_order.begin(), fact_order.end(),
                   [&](size_t x, size_t y) { return backing_support[x] > backing_support[y]; });
  std::vector<const Backing*> fact_backing;
  for (size_t i : fact_order) {
    const Backing& b = backing[i];
    Fact f;
    f.text = units[b.wording].text;
    f.sources = SourceIds(articles, b.articles);
    for (uint32_t u : b.units) f.source_sentences.push_back(units[u].text);
    f.consensus = originals > 1 && independent(b.articles) >= consensus_floor;
    story.facts.push_back(std::move(f));
    fact_backing.push_back(&b);
  }

  // One attribute of one person ("Yvonne Hiller is 43.") with every outlet
  // that states it, however its sentence runs (attribute_facts.h).
  const SentenceClaims value_claims = ReadValueClaims(articles);
  const std::vector<AttributeFact> attributes = FindAttributeFacts(articles, value_claims);
  // A fact read apart from the aligned groups: its wording, its outlets
  // (sorted) and each one's stating sentence; `backing` outlives the facts.
  auto add_fact = [&](const std::string& text, const std::vector<uint32_t>& arts, std::vector<std::string> sentences,
                      Backing* back) {
    back->articles = arts;
    Fact f;
    f.text = text;
    f.sources = SourceIds(articles, arts);
    f.source_sentences = std::move(sentences);
    f.consensus = originals > 1 && independent(arts) >= consensus_floor;
    story.facts.push_back(std::move(f));
    fact_backing.push_back(back);
  };
  std::vector<Backing> attribute_backing(attributes.size());
  for (size_t i = 0; i < attributes.size(); ++i) {
    add_fact(attributes[i].text, attributes[i].articles, attributes[i].sentences, &attribute_backing[i]);
  }
  // Claims shorter than a sentence, with every outlet that states them
  // (clause_facts.h): more outlets than the fact that cites their sentence.
  std::vector<uint32_t> cited_articles(units.size(), 0);
  for (const Backing& b : backing) {
    for (uint32_t u : b.units) cited_articles[u] = std::max<uint32_t>(cited_articles[u], b.articles.size());
  }
  const std::vector<ClauseFact> clause_facts = FindClauseFacts(unit_texts, article_of, cited_articles, options.clauses);
  std::vector<Backing> clause_backing(clause_facts.size());
  for (size_t i = 0; i < clause_facts.size(); ++i) {
    std::vector<std::string> sentences;
    for (uint32_t u : clause_facts[i].units) sentences.push_back(units[u].text);
    add_fact(clause_facts[i].text, clause_facts[i].articles, std::move(sentences), &clause_backing[i]);
  }
  // All facts by support, the attributes among the others.
  {
    std::vector<size_t> order(story.facts.size());
    std::vector<size_t> support(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
      support[i] = independent(fact_backing[i]->articles);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return support[x] > support[y]; });
    std::vector<Fact> facts;
    std::vector<const Backing*> backs;
    for (size_t i : order) {
      facts.push_back(std::move(story.facts[i]));
      backs.push_back(fact_backing[i]);
    }
    story.facts = std::move(facts);
    fact_backing = std::move(backs);
  }

  // What each outlet alone adds (facts no independent outlet shares: its
  // reprints do not count), and which consensus facts it leaves out.
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    OutletContribution c;
    c.source = articles[ai]->article->id;
    for (size_t fi = 0; fi < story.facts.size(); ++fi) {
      const Fact& f = story.facts[fi];
      const auto& arts = fact_backing[fi]->articles;
      const bool has = std::binary_search(arts.begin(), arts.end(), ai);
      bool alone = has && originals > 1;
      for (uint32_t other : arts) alone &= other == ai || original[other] == ai;
      if (alone) c.unique_facts.push_back(f.text);
      if (!has && f.consensus) c.missing_consensus.push_back(f.text);
    }
    story.contributions.push_back(std::move(c));
  }

  // Summary.
  std::vector<uint32_t> group_of(units.size(), 0);
  for (uint32_t g = 0; g < groups.size(); ++g) {
    for (uint32_t m : groups[g].members) group_of[m] = g;
  }
  for (uint32_t u : ChooseSummary(summary_units, stems, groups, options.summary)) {
    Backing b = BackingOf(groups[group_of[u]], added[group_of[u]], u, article_of, vectors);
    KeepStating(&b, u, evidence, options.support.min_overlap);
    CitedText line;
    line.text = std::string(statements[u].text.substr(statements[u].dateline));
    line.sources = SourceIds(articles, b.articles);
    for (uint32_t v : b.units) line.source_sentences.push_back(units[v].text);
    story.summary.push_back(std::move(line));
  }

  // Entities, quotes, timeline, discrepancies.
  static const extract::PlaceGazetteer kNoPlaces;
  MergedEntities merged = MergeEntities(articles, options.places != nullptr ? *options.places : kNoPlaces);
  story.quotes = MergeQuotes(articles, merged, &story.notes);
  // The timeline joins one day's sentences that the aligner put in one fact.
  std::vector<std::vector<int>> fact_of(articles.size());
  for (uint32_t ai = 0; ai < articles.size(); ++ai) fact_of[ai].assign(articles[ai]->doc.sentences.size(), -1);
  for (uint32_t g = 0; g < groups.size(); ++g) {
    for (uint32_t m : groups[g].members) fact_of[units[m].article][units[m].sentence] = static_cast<int>(g);
  }
  story.timeline = BuildTimeline(articles, &fact_of);
  story.discrepancies = FindNumberDiscrepancies(articles, &story.notes);
  for (auto& d : FindDateDiscrepancies(articles, &story.notes)) story.discrepancies.push_back(std::move(d));
  AddClaimConflicts(groups, units, article_of, vectors, articles, &story.discrepancies);
  for (auto& d : merged.spelling) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindTitleDiscrepancies(articles, merged)) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindValueDiscrepancies(articles, value_claims)) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindCountDiscrepancies(articles)) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindNameVariants(articles)) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindRecordDiscrepancies(articles)) story.discrepancies.push_back(std::move(d));
  story.entities = std::move(merged.entities);

  // Headline: the title closest to what the summary says.
  float best = -1;
  TermSpace title_space;
  std::string summary_text;
  for (const auto& s : story.summary) summary_text += s.text + " ";
  title_space.Add(summary_text);
  std::vector<const std::string*> titles;
  for (const auto* a : articles) {
    if (a->article->title) {
      titles.push_back(&*a->article->title);
      title_space.Add(*a->article->title);
    }
  }
  const auto title_vectors = title_space.Vectors();
  for (size_t t = 0; t < titles.size(); ++t) {
    const float s = Cosine(title_vectors[0], title_vectors[t + 1]);
    if (s > best) {
      best = s;
      story.headline = *titles[t];
    }
  }
  if (story.headline.empty() && !story.summary.empty()) story.headline = story.summary.front().text;
  AssignRanks(&story);
  return story;
}

}  // namespace newsfuse::synthesize
