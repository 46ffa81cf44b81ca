#include "synthesize/record_claims.h"

#include <algorithm>
#include <map>
#include <utility>

#include "base/strings.h"
#include "synthesize/section_text.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {
namespace {

// Where the words of a record's holder may run: "the first woman, first
// African American woman and first person under age 40 to sit on ...".
constexpr size_t kMaxHolderWords = 14;
// A body's name is a noun phrase: "the board of trustees of the American
// Medical Association".
constexpr size_t kMaxBodyWords = 10;

// Words that end a body's noun phrase: a new clause or a time or place
// adjunct ("... Medical Society in the United States", "... board before
// the age of 40").
bool EndsBody(const std::string& w) {
  static const std::set<std::string, std::less<>> kEnd = {
      "and", "but", "or", "before", "after", "since", "from", "for", "with", "when", "while", "who",
      "which", "that", "in", "at", "during", "until", "by", "as", "than", "where"};
  return kEnd.count(w) > 0;
}

bool IsPreposition(const std::string& w) {
  return w == "to" || w == "on" || w == "of" || w == "in" || w == "at" || w == "as" || w == "into";
}

bool IsContent(const std::string& w) {
  return !IsStopword(w) && w != "first" && !std::all_of(w.begin(), w.end(), base::IsAsciiDigit);
}

struct Word {
  SentenceWord word;
  size_t begin = 0, end = 0;  // bytes of the core in the sentence
  bool clause_end = false;    // . ; : ! ? after it: nothing after belongs with it
  bool phrase_end = false;    // also a comma, bracket, quote or dash; not a possessive "'s"
};

std::vector<Word> Words(std::string_view sentence) {
  std::vector<Word> out;
  for (SentenceWord& sw : SentenceWords(sentence)) {
    Word w;
    w.begin = static_cast<size_t>(sw.core.data() - sentence.data());
    w.end = w.begin + sw.core.size();
    w.word = std::move(sw);
    out.push_back(std::move(w));
  }
  for (size_t k = 0; k < out.size(); ++k) {
    const size_t next = k + 1 < out.size() ? out[k + 1].begin : sentence.size();
    std::string_view gap = sentence.substr(out[k].end, next - out[k].end);
    for (std::string_view possessive : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (gap.starts_with(possessive)) gap.remove_prefix(possessive.size());
    }
    out[k].clause_end = k + 1 == out.size() || gap.find_first_of(".;:!?") != std::string_view::npos;
    out[k].phrase_end = out[k].clause_end || !base::CollapseWhitespace(gap).empty();
  }
  return out;
}

// What every sentence of a version says of it, for its value: the first
// claim's value when all of them hold it, else the longest run of its words
// that all hold, one that tells the version from the others (a word no other
// version's body has: "Board of Trustees") before any other run.
std::string VersionValue(const RecordClaim& first, const std::vector<std::string_view>& sentences,
                         const std::set<std::string>& other_bodies) {
  const auto all_hold = [&](std::string_view run) {
    return std::all_of(sentences.begin(), sentences.end(),
                       [&](std::string_view s) { return base::FindIgnoreCase(s, run) != std::string_view::npos; });
  };
  if (all_hold(first.value)) return first.value;
  const std::string_view value = first.value;
  const std::vector<std::string_view> words = base::SplitWords(value);
  std::string_view best;
  bool best_tells = false;
  for (size_t len = words.size(); len > 0; --len) {
    for (size_t b = 0; b + len <= words.size(); ++b) {
      const size_t from = static_cast<size_t>(words[b].data() - value.data());
      const size_t to = static_cast<size_t>(words[b + len - 1].data() - value.data()) + words[b + len - 1].size();
      const std::string_view run = value.substr(from, to - from);
      if (!all_hold(run)) continue;
      bool tells = false;
      for (size_t k = b; k < b + len; ++k) {
        const std::string w = base::AsciiLower(words[k]);
        tells |= IsContent(w) && !other_bodies.count(w);
      }
      if (best.empty() || (tells && !best_tells)) {
        best = run;
        best_tells = tells;
      }
    }
    if (best_tells) break;
  }
  return best.empty() ? first.value : std::string(best);
}

}  // namespace

std::vector<RecordClaim> RecordClaims(std::string_view sentence) {
  if (base::FindIgnoreCase(sentence, "first") == std::string_view::npos) return {};
  const std::vector<Word> words = Words(sentence);
  std::vector<RecordClaim> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].word.lower != "first") continue;
    // "first HOLDER to": the holder's words, within the clause.
    size_t to = i + 1;
    while (to < words.size() && to <= i + kMaxHolderWords && words[to].word.lower != "to" &&
           !words[to - 1].clause_end) {
      ++to;
    }
    if (to >= words.size() || words[to].word.lower != "to" || words[to - 1].clause_end) continue;
    RecordClaim claim;
    for (size_t k = i + 1; k < to; ++k) {
      if (IsContent(words[k].word.lower)) claim.holder.insert(words[k].word.lower);
    }
    i = to;  // a "first" inside the holder ("first woman, first ...") is this claim's
    // "to (be) VERB (PREPOSITION) BODY".
    size_t verb = to + 1;
    if (verb < words.size() && words[verb].word.lower == "be") ++verb;
    if (verb + 1 >= words.size() || words[verb].phrase_end || claim.holder.empty()) continue;
    size_t k = verb + 1;
    if (IsPreposition(words[k].word.lower)) ++k;
    bool named = false;
    size_t last = 0;
    for (size_t n = 0; k < words.size() && n < kMaxBodyWords; ++k, ++n) {
      const Word& w = words[k];
      if (EndsBody(w.word.lower) && w.word.lower != "of") break;
      if (IsContent(w.word.lower)) {
        claim.body.insert(w.word.lower);
        named |= w.word.capital;
      }
      last = k;
      if (w.phrase_end) break;
    }
    if (!named || claim.body.empty()) continue;
    claim.value = std::string(sentence.substr(words[verb].begin, words[last].end - words[verb].begin));
    out.push_back(std::move(claim));
  }
  return out;
}

std::vector<Discrepancy> FindRecordDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles) {
  struct Mention {
    RecordClaim claim;
    size_t article;
    std::string text;
  };
  std::vector<Mention> mentions;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (const auto& sent : doc.sentences) {
      if (doc.paragraphs[sent.paragraph].is_heading) continue;
      const std::string_view text = doc.Text(sent.span);
      for (RecordClaim& c : RecordClaims(text)) {
        if (mentions.size() >= kMaxPairwiseCandidates) break;
        mentions.push_back(Mention{std::move(c), ai, base::CollapseWhitespace(text)});
      }
    }
  }
  const auto holds = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::includes(a.begin(), a.end(), b.begin(), b.end());
  };
  const size_t n = mentions.size();
  DisjointSets sets(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const RecordClaim& a = mentions[i].claim;
      const RecordClaim& b = mentions[j].claim;
      const bool same_holder = std::any_of(a.holder.begin(), a.holder.end(),
                                           [&](const std::string& w) { return b.holder.count(w) > 0; });
      if (same_holder && (holds(a.body, b.body) || holds(b.body, a.body))) sets.Join(i, j);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[sets.Find(i)].push_back(i);
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    std::map<std::set<std::string>, std::vector<size_t>> versions;  // body -> mentions
    std::map<size_t, std::set<std::set<std::string>>> bodies_of_article;
    for (size_t m : members) {
      versions[mentions[m].claim.body].push_back(m);
      bodies_of_article[mentions[m].article].insert(mentions[m].claim.body);
    }
    if (versions.size() < 2) continue;
    if (OneOutletGivesTwo(bodies_of_article)) continue;
    Discrepancy d;
    d.kind = "record";
    d.label = "conflict";
    // The fullest naming of the body says best what the record is about.
    const Mention* fullest = &mentions[members.front()];
    for (size_t m : members) {
      if (mentions[m].claim.body.size() > fullest->claim.body.size()) fullest = &mentions[m];
    }
    d.subject = "first: " + fullest->claim.value;
    // Versions in the order the outlets first give them.
    std::vector<const std::vector<size_t>*> ordered;
    for (const auto& [body, ms] : versions) ordered.push_back(&ms);
    std::sort(ordered.begin(), ordered.end(), [](const auto* x, const auto* y) { return x->front() < y->front(); });
    for (const std::vector<size_t>* version : ordered) {
      const std::vector<size_t>& ms = *version;
      DiscrepancyVariant v;
      std::vector<std::string_view> sentences;
      for (size_t m : ms) sentences.push_back(mentions[m].text);
      std::set<std::string> other_bodies;
      for (const auto& [body, other] : versions) {
        if (&other != version) other_bodies.insert(body.begin(), body.end());
      }
      v.value = VersionValue(mentions[ms.front()].claim, sentences, other_bodies);
      v.text = mentions[ms.front()].text;
      for (size_t m : ms) AddSource(&v.sources, articles[mentions[m].article]->article->id);
      d.variants.push_back(std::move(v));
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace newsfuse::synthesize
