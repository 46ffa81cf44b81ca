#include "extract/article_analysis.h"

#include <algorithm>
#include <exception>

#include "base/parallel_for.h"
#include "text/tokenizer.h"

namespace newsfuse::extract {

size_t ArticleAnalysis::SentenceAt(uint32_t offset) const {
  const auto& s = doc.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset,
                             [](uint32_t o, const text::DocSentence& d) { return o < d.span.begin; });
  return it == s.begin() ? 0 : static_cast<size_t>(it - s.begin()) - 1;
}

std::string GroupThousands(size_t n) {
  std::string digits = std::to_string(n);
  for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

namespace {

// Cuts `doc` to its first `limits.max_sentences` sentences and its first
// `limits.max_text_bytes` bytes (at a UTF-8 character boundary), with a note
// for each bound that cut something.
void BoundDocument(const AnalysisLimits& limits, const std::string& id, text::Document* doc,
                   std::vector<std::string>* notes) {
  size_t cut = doc->text.size();
  if (cut > limits.max_text_bytes) {
    cut = limits.max_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(doc->text[cut]) & 0xC0) == 0x80) --cut;
    notes->push_back("article " + id + ": " + GroupThousands(doc->text.size()) +
                     " bytes of text, analysed the first " + GroupThousands(cut));
  }
  auto& sentences = doc->sentences;
  size_t long_sentences = 0;
  for (const auto& s : sentences) long_sentences += s.span.size() > limits.max_sentence_bytes;
  if (long_sentences > 0) {
    std::vector<text::DocSentence> pieces;
    for (const auto& s : sentences) {
      uint32_t begin = s.span.begin;
      while (s.span.end - begin > limits.max_sentence_bytes) {
        // The last space in the allowed length, else a character boundary.
        uint32_t end = begin + static_cast<uint32_t>(limits.max_sentence_bytes);
        uint32_t space = end;
        while (space > begin + 1 && doc->text[space - 1] != ' ') --space;
        if (space > begin + 1) {
          end = space;
        } else {
          while (end > begin + 1 && (static_cast<unsigned char>(doc->text[end]) & 0xC0) == 0x80) --end;
        }
        pieces.push_back(text::DocSentence{text::Span{begin, end}, s.paragraph});
        begin = end;
      }
      pieces.push_back(text::DocSentence{text::Span{begin, s.span.end}, s.paragraph});
    }
    notes->push_back("article " + id + ": " + GroupThousands(long_sentences) + " sentence(s) longer than " +
                     GroupThousands(limits.max_sentence_bytes) + " bytes, cut into pieces");
    sentences = std::move(pieces);
  }
  while (!sentences.empty() && sentences.back().span.begin >= cut) sentences.pop_back();
  if (!sentences.empty()) sentences.back().span.end = std::min<uint32_t>(sentences.back().span.end, static_cast<uint32_t>(cut));
  if (sentences.size() > limits.max_sentences) {
    notes->push_back("article " + id + ": " + GroupThousands(sentences.size()) +
                     " sentences, analysed the first " + GroupThousands(limits.max_sentences));
    sentences.resize(limits.max_sentences);
    cut = sentences.back().span.end;
  }
  if (cut == doc->text.size()) return;
  auto& paragraphs = doc->paragraphs;
  while (paragraphs.size() > 1 && paragraphs.back().span.begin >= cut) paragraphs.pop_back();
  for (auto& p : paragraphs) {
    p.span.begin = std::min<uint32_t>(p.span.begin, static_cast<uint32_t>(cut));
    p.span.end = std::min<uint32_t>(p.span.end, static_cast<uint32_t>(cut));
  }
  doc->text.resize(cut);
}

}  // namespace

ArticleAnalysis AnalyzeArticle(const Article& article, const AnalysisOptions& options) {
  ArticleAnalysis a;
  a.article = &article;
  a.doc = text::BuildDocument(article);
  BoundDocument(options.limits, article.id, &a.doc, &a.notes);
  // Readers give only real days; a caller's invalid date is no date.
  if (article.published && article.published->valid()) a.published = article.published;
  a.anchor = a.published ? a.published : options.fallback_anchor;

  for (const auto& s : a.doc.sentences) {
    text::TokenizeRange(a.doc.text, s.span, &a.tokens);
    a.sentence_token_end.push_back(static_cast<uint32_t>(a.tokens.size()));
  }
  if (options.tagger) {
    options.tagger->TagDocument(a.doc.text, a.tokens, a.sentence_token_end, &a.mentions);
  }
  a.entities = LinkEntities(a.doc.text, a.tokens, a.mentions);

  std::vector<NamedSpan> names;
  for (const auto& m : a.mentions) {
    if (m.type == EntityType::kPerson) names.push_back(NamedSpan{m.span, 'P'});
    if (m.type == EntityType::kOrganization) names.push_back(NamedSpan{m.span, 'O'});
  }
  a.quotes = FindQuotes(a.doc.text, names);
  a.times = FindTimeExpressions(a.doc.text, a.anchor);
  a.quantities = FindQuantities(a.doc.text, a.tokens);
  return a;
}

std::vector<ArticleAnalysis> AnalyzeArticles(const std::vector<Article>& articles,
                                             const AnalysisOptions& options) {
  std::vector<ArticleAnalysis> out(articles.size());
  base::ParallelFor(articles.size(), options.threads, /*min_items_per_thread=*/1, [&](size_t i) {
    // An article whose analysis fails (std::bad_alloc) is left empty with a
    // note, so the rest of the story goes on (and a worker thread never ends
    // the process by throwing).
    try {
      out[i] = AnalyzeArticle(articles[i], options);
    } catch (const std::exception& e) {
      out[i] = ArticleAnalysis{};
      out[i].article = &articles[i];
      out[i].notes.push_back("article " + articles[i].id + ": not analysed (" + e.what() + ")");
    }
  });
  return out;
}

std::optional<base::CivilDate> MedianPublicationDate(const std::vector<Article>& articles) {
  std::vector<long> days;
  for (const auto& a : articles) {
    if (a.published && a.published->valid()) days.push_back(a.published->DaysSinceEpoch());
  }
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  return base::CivilDate::FromDaysSinceEpoch(days[(days.size() - 1) / 2]);
}

}  // namespace newsfuse::extract
