#include "synthesize/story_builder.h"

#include <algorithm>

#include "base/strings.h"
#include "synthesize/entity_merger.h"
#include "synthesize/story_sections.h"

namespace newsfuse::synthesize {

namespace {

struct Unit {
  uint32_t article;
  uint32_t sentence;  // index into the article's doc.sentences
  std::string text;
};

size_t CountWords(std::string_view s) { return base::SplitWords(s).size(); }

// A sentence worth stating as a fact or a summary line: a whole clause, not a
// heading, a label, or a fragment left by the page ("Go deeper").
bool IsStatement(std::string_view s) {
  if (CountWords(s) < 5) return false;
  const char last = s.back();
  const bool closes = last == '.' || last == '!' || last == '"' || last == ')' || last == '\'' ||
                      (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D");
  return closes || CountWords(s) >= 12;
}

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

}  // namespace

Story BuildStory(const std::string& story_id,
                 const std::vector<const extract::ArticleAnalysis*>& articles,
                 const StoryOptions& options) {
  Story story;
  story.id = story_id;
  for (const auto* a : articles) {
    const Article& art = *a->article;
    SourceInfo s;
    s.id = art.id;
    s.outlet = art.outlet;
    s.published = art.published;
    s.title = art.title;
    s.url = art.url;
    s.dropped = art.dropped;
    story.sources.push_back(std::move(s));
  }

  // Units: every statement sentence of every article.
  std::vector<Unit> units;
  std::vector<SummaryUnit> summary_units;
  std::vector<uint32_t> article_of;
  TermSpace space;
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const text::Document& doc = articles[ai]->doc;
    const size_t count = doc.sentences.size();
    for (uint32_t si = 0; si < count; ++si) {
      const auto& sent = doc.sentences[si];
      const text::DocParagraph& para = doc.paragraphs[sent.paragraph];
      if (para.is_heading) continue;
      const std::string_view text = doc.Text(sent.span);
      if (!IsStatement(text)) continue;
      units.push_back(Unit{ai, si, std::string(text)});
      SummaryUnit su;
      su.article = ai;
      su.position = count > 1 ? static_cast<float>(si) / static_cast<float>(count - 1) : 0.0f;
      su.words = static_cast<uint32_t>(CountWords(text));
      // A standfirst restates the story in the outlet's words: good evidence
      // of support, but the summary quotes body sentences.
      su.eligible = !para.is_subtitle;
      summary_units.push_back(su);
      article_of.push_back(ai);
      space.Add(text);
    }
  }
  const std::vector<SparseVector> vectors = space.Vectors();
  const std::vector<FactGroup> groups = AlignFacts(article_of, vectors, options.align);

  // Facts: one per group, its representative's wording, every source.
  const size_t consensus_floor = std::max<size_t>(2, (articles.size() + 1) / 2);
  for (const FactGroup& g : groups) {
    Fact f;
    f.text = units[g.representative].text;
    f.sources = SourceIds(articles, g.articles);
    for (uint32_t art : g.articles) {
      f.source_sentences.push_back(units[OwnWording(g, art, g.representative, article_of, vectors)].text);
    }
    f.consensus = articles.size() > 1 && g.articles.size() >= consensus_floor;
    story.facts.push_back(std::move(f));
  }

  // What each outlet alone adds, and which consensus facts it leaves out.
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    OutletContribution c;
    c.source = articles[ai]->article->id;
    for (const Fact& f : story.facts) {
      const bool has = std::find(f.sources.begin(), f.sources.end(), c.source) != f.sources.end();
      if (has && f.sources.size() == 1 && articles.size() > 1) c.unique_facts.push_back(f.text);
      if (!has && f.consensus) c.missing_consensus.push_back(f.text);
    }
    story.contributions.push_back(std::move(c));
  }

  // Summary.
  std::vector<uint32_t> group_of(units.size(), 0);
  for (uint32_t g = 0; g < groups.size(); ++g) {
    for (uint32_t m : groups[g].members) group_of[m] = g;
  }
  for (uint32_t u : ChooseSummary(summary_units, vectors, groups, articles.size(), options.summary)) {
    const FactGroup& g = groups[group_of[u]];
    CitedText line;
    line.text = units[u].text;
    line.sources = SourceIds(articles, g.articles);
    for (uint32_t art : g.articles) {
      line.source_sentences.push_back(units[OwnWording(g, art, u, article_of, vectors)].text);
    }
    story.summary.push_back(std::move(line));
  }

  // Entities, quotes, timeline, discrepancies.
  MergedEntities merged = MergeEntities(articles);
  story.quotes = MergeQuotes(articles, merged);
  story.timeline = BuildTimeline(articles);
  story.discrepancies = FindNumberDiscrepancies(articles);
  for (auto& d : merged.spelling) story.discrepancies.push_back(std::move(d));
  for (auto& d : FindTitleDiscrepancies(articles, merged)) story.discrepancies.push_back(std::move(d));
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
  return story;
}

}  // namespace newsfuse::synthesize
