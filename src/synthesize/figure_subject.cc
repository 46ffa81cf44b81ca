#include "synthesize/figure_subject.h"

#include <algorithm>

#include "base/strings.h"
#include "extract/entity_linker.h"

namespace newsfuse::synthesize {

namespace {

// Words either side of a figure that stand for its clause: wide enough to
// reach the subject of "Rafah, a city in southern Gaza where more than one
// million civilians", narrow enough to leave out the rest of a long sentence.
constexpr size_t kContextWords = 8;

bool IsWordToken(std::string_view t) {
  return !t.empty() && std::any_of(t.begin(), t.end(), [](char c) { return base::IsAsciiAlpha(c); });
}

// The stem of a content word, or "" for stopwords, numbers and scale words
// (which say how big a figure is, not what it is about).
std::string ContentStem(std::string_view token, Stemmer& stemmer) {
  if (!IsWordToken(token)) return "";
  const std::string lower = base::AsciiLower(token);
  if (IsStopword(lower) || lower == "million" || lower == "billion" || lower == "thousand" ||
      lower == "percent" || lower == "per" || lower == "cent") {
    return "";
  }
  return std::string(stemmer.Stem(lower));
}

}  // namespace

FigureSubject DescribeFigure(const extract::ArticleAnalysis& a, const extract::Quantity& q, size_t sentence,
                             Stemmer& stemmer) {
  FigureSubject out;
  out.share_or_amount = q.unit == "%" || q.unit == "$";
  const text::Span sent = a.doc.sentences[sentence].span;
  const std::string_view text = a.doc.text;
  if (!q.noun.empty()) {
    const std::string stem = ContentStem(q.noun, stemmer);
    if (!stem.empty()) out.measure.insert(stem);
  }
  // Tokens of the sentence before and after the figure.
  const auto& tokens = a.tokens;
  auto first = std::lower_bound(tokens.begin(), tokens.end(), sent.begin,
                                [](const text::Span& t, uint32_t pos) { return t.begin < pos; });
  std::vector<std::string_view> before, inside, after;
  for (auto it = first; it != tokens.end() && it->begin < sent.end; ++it) {
    if (it->end <= q.span.begin) before.push_back(it->In(text));
    else if (it->begin >= q.span.end) after.push_back(it->In(text));
    else inside.push_back(it->In(text));
  }
  // "of" after the figure names what it is a part of ("6 percent of the
  // workforce"); the figure's span may already hold the "of".
  std::vector<std::string_view> of_phrase;
  bool of_seen = false;
  for (auto* part : {&inside, &after}) {
    for (size_t k = 0; k < part->size(); ++k) {
      if (of_seen) of_phrase.push_back((*part)[k]);
      else if (base::AsciiLower((*part)[k]) == "of") of_seen = true;
      else if (part == &after) break;  // "of" must follow the figure at once
    }
  }
  for (size_t k = 0, words = 0; k < of_phrase.size() && k < 4 && words < 2; ++k) {
    const std::string stem = ContentStem(of_phrase[k], stemmer);
    if (!stem.empty()) out.measure.insert(stem), ++words;
  }
  if (out.share_or_amount && out.measure.empty()) {
    for (size_t k = before.size(); k-- > 0 && before.size() - k <= 3;) {
      const std::string stem = ContentStem(before[k], stemmer);
      if (!stem.empty()) {
        out.measure.insert(stem);
        break;
      }
    }
  }
  auto add_context = [&](std::string_view token) {
    const std::string stem = ContentStem(token, stemmer);
    if (!stem.empty() && !out.measure.count(stem)) out.context.insert(stem);
  };
  size_t taken = 0;
  for (size_t k = before.size(); k-- > 0 && taken < kContextWords;) {
    if (IsWordToken(before[k])) ++taken, add_context(before[k]);
  }
  taken = 0;
  for (size_t k = 0; k < after.size() && taken < kContextWords; ++k) {
    if (IsWordToken(after[k])) ++taken, add_context(after[k]);
  }
  // Whose figure: the nearest person named before it in the sentence, else after.
  const extract::EntityMention* person = nullptr;
  for (const auto& m : a.mentions) {
    if (m.type != extract::EntityType::kPerson || m.span.begin < sent.begin || m.span.end > sent.end) continue;
    if (m.span.end <= q.span.begin) person = &m;
    else if (!person && m.span.begin >= q.span.end) {
      person = &m;
      break;
    }
  }
  if (person) {
    const std::string name = extract::CleanName(person->span.In(text));
    ForEachWord(name, [&](std::string_view w) {
      if (w.size() > 1) out.person.insert(std::string(w));
    });
  }
  return out;
}

bool SameFigureSubject(const FigureSubject& a, const FigureSubject& b) {
  auto meet = [](const std::set<std::string>& x, const std::set<std::string>& y) {
    for (const auto& s : x) {
      if (y.count(s)) return true;
    }
    return false;
  };
  if (a.share_or_amount && !meet(a.measure, b.measure)) return false;
  if (!a.person.empty() && !b.person.empty() && !meet(a.person, b.person)) return false;
  std::set<std::string> ca = a.context, cb = b.context;
  // What one counts is not context for the other ("treatment" in "90 days of treatment").
  for (const auto& s : b.measure) ca.erase(s);
  for (const auto& s : a.measure) cb.erase(s);
  return meet(ca, cb);
}

}  // namespace newsfuse::synthesize
