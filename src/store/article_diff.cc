#include "store/article_diff.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/quantity_finder.h"
#include "extract/quote_finder.h"
#include "store/article_codec.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace newsfuse::store {
namespace {

// Before/after texts are shown to readers: a sentence, not a whole article.
constexpr size_t kMaxShownBytes = 300;

std::string Shorten(std::string_view s) {
  if (s.size() <= kMaxShownBytes) return std::string(s);
  size_t cut = kMaxShownBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return std::string(s.substr(0, cut)) + "…";
}

struct Figure {
  std::string key;   // noun + unit: what is counted
  double value;
  text::Span span;
};

std::vector<Figure> Figures(std::string_view body) {
  std::vector<text::Span> tokens;
  text::Tokenize(body, &tokens);
  std::vector<Figure> out;
  for (const extract::Quantity& q : extract::FindQuantities(body, tokens)) {
    // A bare number ("12") says nothing about what it counts: pairing two of
    // them would invent a correction.
    if (q.noun.empty() && q.unit.empty()) continue;
    out.push_back({q.noun + "|" + q.unit, q.value, q.span});
  }
  return out;
}

std::unordered_set<std::string_view> WordSet(std::string_view s) {
  std::unordered_set<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) words.insert(s.substr(i, j - i));
    i = j;
  }
  return words;
}

double WordOverlap(std::string_view a, std::string_view b) {
  auto wa = WordSet(a);
  auto wb = WordSet(b);
  if (wa.empty() || wb.empty()) return 0;
  size_t shared = 0;
  for (std::string_view w : wa) shared += wb.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::max(wa.size(), wb.size()));
}

// Marks the sentences (by index) that hold byte `offset`.
size_t SentenceOf(const std::vector<text::Span>& sentences, uint32_t offset) {
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (offset < sentences[i].end) return i;
  }
  return sentences.empty() ? 0 : sentences.size() - 1;
}

void DiffBody(std::string_view old_body, std::string_view new_body, const std::string& id,
              int64_t at, std::vector<ArticleChange>* out) {
  const std::vector<text::Span> old_sentences = text::SplitSentences(old_body);
  const std::vector<text::Span> new_sentences = text::SplitSentences(new_body);
  // Sentences explained by a figure or quote change are not reported again
  // as a text change.
  std::vector<bool> old_explained(old_sentences.size(), false);
  std::vector<bool> new_explained(new_sentences.size(), false);

  // Figures: per thing counted, the values only one side has, paired in order.
  {
    std::map<std::string, std::vector<const Figure*>> old_by_key, new_by_key;
    const std::vector<Figure> old_figures = Figures(old_body);
    const std::vector<Figure> new_figures = Figures(new_body);
    for (const Figure& f : old_figures) old_by_key[f.key].push_back(&f);
    for (const Figure& f : new_figures) new_by_key[f.key].push_back(&f);
    for (auto& [key, olds] : old_by_key) {
      auto it = new_by_key.find(key);
      if (it == new_by_key.end()) continue;
      std::vector<const Figure*> news = it->second;
      std::vector<const Figure*> old_only;
      for (const Figure* f : olds) {
        auto same = std::find_if(news.begin(), news.end(),
                                 [&](const Figure* g) { return g->value == f->value; });
        if (same != news.end()) {
          news.erase(same);
        } else {
          old_only.push_back(f);
        }
      }
      for (size_t i = 0; i < old_only.size() && i < news.size(); ++i) {
        out->push_back({id, at, "figure", Shorten(old_only[i]->span.In(old_body)),
                        Shorten(news[i]->span.In(new_body))});
        if (!old_sentences.empty()) old_explained[SentenceOf(old_sentences, old_only[i]->span.begin)] = true;
        if (!new_sentences.empty()) new_explained[SentenceOf(new_sentences, news[i]->span.begin)] = true;
      }
    }
  }

  // Quotes: words only one side has, paired by speaker or by shared words.
  {
    const std::vector<extract::Quote> old_quotes = extract::FindQuotes(old_body);
    const std::vector<extract::Quote> new_quotes = extract::FindQuotes(new_body);
    std::unordered_set<std::string_view> old_texts, new_texts;
    for (const auto& q : old_quotes) old_texts.insert(q.quote.In(old_body));
    for (const auto& q : new_quotes) new_texts.insert(q.quote.In(new_body));
    std::vector<bool> used(new_quotes.size(), false);
    for (const auto& oq : old_quotes) {
      const std::string_view ot = oq.quote.In(old_body);
      if (new_texts.count(ot) || oq.kind == extract::QuoteKind::kScare) continue;
      size_t best = new_quotes.size();
      double best_score = 0.4;  // half the words or so in common: an edit, not a new quote
      for (size_t i = 0; i < new_quotes.size(); ++i) {
        const std::string_view nt = new_quotes[i].quote.In(new_body);
        if (used[i] || old_texts.count(nt)) continue;
        double score = WordOverlap(ot, nt);
        if (!oq.speaker.empty() && oq.speaker == new_quotes[i].speaker) score += 0.3;
        if (score > best_score) {
          best_score = score;
          best = i;
        }
      }
      if (best == new_quotes.size()) continue;
      used[best] = true;
      out->push_back({id, at, "quote", Shorten(ot), Shorten(new_quotes[best].quote.In(new_body))});
      if (!old_sentences.empty()) old_explained[SentenceOf(old_sentences, oq.quote.begin)] = true;
      if (!new_sentences.empty()) new_explained[SentenceOf(new_sentences, new_quotes[best].quote.begin)] = true;
    }
  }

  // Anything else: the first sentence that only one side has.
  std::unordered_set<std::string_view> old_set, new_set;
  for (const auto& s : old_sentences) old_set.insert(s.In(old_body));
  for (const auto& s : new_sentences) new_set.insert(s.In(new_body));
  std::string_view before, after;
  bool found = false;
  for (size_t i = 0; i < old_sentences.size(); ++i) {
    const std::string_view s = old_sentences[i].In(old_body);
    if (!old_explained[i] && !new_set.count(s)) {
      before = s;
      found = true;
      break;
    }
  }
  for (size_t i = 0; i < new_sentences.size(); ++i) {
    const std::string_view s = new_sentences[i].In(new_body);
    if (!new_explained[i] && !old_set.count(s)) {
      after = s;
      found = true;
      break;
    }
  }
  if (found) out->push_back({id, at, "text", Shorten(before), Shorten(after)});
}

void DiffField(const char* field, const std::optional<std::string>& before,
               const std::optional<std::string>& after, const std::string& id, int64_t at,
               std::vector<ArticleChange>* out) {
  if (before == after) return;
  out->push_back({id, at, field, before.value_or(""), after.value_or("")});
}

}  // namespace

std::vector<ArticleChange> DiffArticles(const Article& before, const Article& after,
                                        int64_t at_unix) {
  std::vector<ArticleChange> out;
  DiffField("title", before.title, after.title, after.id, at_unix, &out);
  DiffField("published", OptionalDateString(before.published), OptionalDateString(after.published),
            after.id, at_unix, &out);
  DiffField("outlet", before.outlet, after.outlet, after.id, at_unix, &out);
  const std::string old_body = BodyText(before);
  const std::string new_body = BodyText(after);
  if (old_body != new_body) DiffBody(old_body, new_body, after.id, at_unix, &out);
  return out;
}

}  // namespace newsfuse::store
