#include "eval/quote_eval.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace newsfuse::extract {
namespace {

using text::Span;

enum class MarkKind { kNone, kStraight, kOpen, kClose };

// The quotation mark at byte i, and its length.
MarkKind MarkAt(std::string_view t, size_t i, size_t* len) {
  *len = 1;
  if (t[i] == '"') return MarkKind::kStraight;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(t[i + 2]);
    *len = 3;
    if (c == 0x9C || c == 0x9E) return MarkKind::kOpen;
    if (c == 0x9D) return MarkKind::kClose;
  }
  *len = 1;
  return MarkKind::kNone;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Span TrimSpan(std::string_view t, Span s) {
  while (s.begin < s.end && IsSpace(t[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpace(t[s.end - 1])) --s.end;
  // A no-break space (C2 A0) at either edge.
  while (s.end >= s.begin + 2 && static_cast<unsigned char>(t[s.end - 2]) == 0xC2 &&
         static_cast<unsigned char>(t[s.end - 1]) == 0xA0) {
    s.end -= 2;
  }
  return s;
}

// The comparison form of a span: trimmed of white space and a trailing , ; :
Span Normalize(std::string_view t, Span s) {
  if (s.end > t.size() || s.begin > s.end) return {};
  s = TrimSpan(t, s);
  while (s.end > s.begin && (t[s.end - 1] == ',' || t[s.end - 1] == ';' || t[s.end - 1] == ':')) {
    --s.end;
    s = TrimSpan(t, s);
  }
  return s;
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Quoted stretches inside one content fragment [b, e).
void ScanFragment(std::string_view t, Span frag, std::vector<Span>* out) {
  size_t b = frag.begin, e = std::min<size_t>(frag.end, t.size());
  // Does the fragment start inside a quote (the mark just before it)?
  bool inside = false;
  size_t start = b;
  {
    size_t k = b;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t')) --k;
    if (k > 0) {
      size_t len;
      size_t at = k >= 3 ? k - 3 : k - 1;
      MarkKind m = MarkAt(t, at, &len);
      if (m == MarkKind::kOpen && at + len == k) inside = true;
      if (!inside && t[k - 1] == '"' && (k == 1 || IsSpace(t[k - 2]))) inside = true;
    }
  }
  bool seen_mark = false;
  size_t i = b;
  while (i < e) {
    if (t[i] == '\n' && inside) {
      size_t k = i;
      while (k < e && IsSpace(t[k])) ++k;
      size_t len;
      MarkKind m = k < e ? MarkAt(t, k, &len) : MarkKind::kNone;
      if (m == MarkKind::kOpen || m == MarkKind::kStraight) {
        i = k + len;  // the quote continues in the next paragraph
        continue;
      }
      out->push_back(TrimSpan(t, {static_cast<uint32_t>(start), static_cast<uint32_t>(i)}));
      inside = false;
      i = k;
      continue;
    }
    size_t len;
    MarkKind m = MarkAt(t, i, &len);
    if (m == MarkKind::kNone) { ++i; continue; }
    bool closing = m == MarkKind::kClose || (m == MarkKind::kStraight && inside);
    if (m == MarkKind::kStraight && !inside && !seen_mark) {
      // A straight mark glued to the word before it closes a quote that
      // began before the fragment.
      bool glued_before = i > b && !IsSpace(t[i - 1]);
      bool space_after = i + 1 >= e || IsSpace(t[i + 1]);
      if (glued_before && space_after) {
        out->push_back(TrimSpan(t, {static_cast<uint32_t>(b), static_cast<uint32_t>(i)}));
        seen_mark = true;
        i += len;
        continue;
      }
    }
    if (closing) {
      if (inside) {
        out->push_back(TrimSpan(t, {static_cast<uint32_t>(start), static_cast<uint32_t>(i)}));
      } else if (!seen_mark) {
        out->push_back(TrimSpan(t, {static_cast<uint32_t>(b), static_cast<uint32_t>(i)}));
      }
      inside = false;
    } else {
      if (inside) out->push_back(TrimSpan(t, {static_cast<uint32_t>(start), static_cast<uint32_t>(i)}));
      inside = true;
      start = i + len;
    }
    seen_mark = true;
    i += len;
  }
  if (inside) out->push_back(TrimSpan(t, {static_cast<uint32_t>(start), static_cast<uint32_t>(e)}));
}

Span Cover(const std::vector<Span>& frags) {
  if (frags.empty()) return {};
  Span s{frags.front().begin, frags.front().end};
  for (const Span& f : frags) {
    s.begin = std::min(s.begin, f.begin);
    s.end = std::max(s.end, f.end);
  }
  return s;
}

// Tokens (runs of non-space bytes) covered by `a`, by `b`, and by both.
void CountTokens(std::string_view t, const std::vector<Span>& a, const std::vector<Span>& b, uint64_t* in_a,
                 uint64_t* in_b, uint64_t* in_both) {
  std::vector<uint8_t> cover(t.size(), 0);
  for (const Span& s : a) for (uint32_t i = s.begin; i < s.end && i < t.size(); ++i) cover[i] |= 1;
  for (const Span& s : b) for (uint32_t i = s.begin; i < s.end && i < t.size(); ++i) cover[i] |= 2;
  size_t i = 0;
  while (i < t.size()) {
    if (IsSpace(t[i])) { ++i; continue; }
    uint8_t bits = 0;
    while (i < t.size() && !IsSpace(t[i])) bits |= cover[i++];
    if (bits & 1) ++*in_a;
    if (bits & 2) ++*in_b;
    if (bits == 3) ++*in_both;
  }
}

std::string Show(std::string_view t, Span s, size_t max = 70) {
  if (s.empty()) return "-";
  std::string out(t.substr(s.begin, std::min<size_t>(s.size(), max)));
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// A quote running over several paragraphs, cut at the line breaks (without
// the continuation marks): PolNeAR annotates such a quote paragraph by
// paragraph, so both sides are scored that way.
std::vector<Span> SplitParagraphs(std::string_view t, Span s) {
  std::vector<Span> out;
  uint32_t begin = s.begin;
  for (uint32_t i = s.begin; i <= s.end; ++i) {
    if (i < s.end && t[i] != '\n') continue;
    Span piece = TrimSpan(t, {begin, i});
    size_t len;
    if (!piece.empty() && begin != s.begin && MarkAt(t, piece.begin, &len) != MarkKind::kNone) {
      piece.begin += static_cast<uint32_t>(len);
      piece = TrimSpan(t, piece);
    }
    if (!piece.empty()) out.push_back(piece);
    begin = i + 1;
  }
  return out;
}

}  // namespace

std::vector<GoldQuote> GoldQuotes(const PolnearDocument& doc) {
  std::vector<GoldQuote> out;
  for (const PolnearAttribution& a : doc.attributions) {
    std::vector<Span> stretches;
    for (const Span& frag : a.content) ScanFragment(doc.text, frag, &stretches);
    for (const Span& s : stretches) {
      if (s.empty()) continue;
      GoldQuote g;
      g.quote = s;
      g.source = TrimSpan(doc.text, Cover(a.source));
      g.cue = Cover(a.cue);
      out.push_back(g);
    }
  }
  std::sort(out.begin(), out.end(), [](const GoldQuote& x, const GoldQuote& y) { return x.quote.begin < y.quote.begin; });
  return out;
}

void QuoteScores::Add(const QuoteScores& o) {
  documents += o.documents;
  gold_quotes += o.gold_quotes;
  gold_with_source += o.gold_with_source;
  predicted_quotes += o.predicted_quotes;
  predicted_with_speaker += o.predicted_with_speaker;
  quote_exact.Add(o.quote_exact);
  quote_overlap.Add(o.quote_overlap);
  speaker_exact.Add(o.speaker_exact);
  speaker_overlap.Add(o.speaker_overlap);
}

QuoteScores ScoreQuotes(const PolnearDocument& doc, const std::vector<Quote>& all_predicted, std::ostream* log) {
  const std::string_view t = doc.text;
  QuoteScores sc;
  sc.documents = 1;
  std::vector<GoldQuote> gold;
  for (const GoldQuote& g : GoldQuotes(doc)) {
    for (const Span& piece : SplitParagraphs(t, g.quote)) {
      GoldQuote p = g;
      p.quote = piece;
      gold.push_back(p);
    }
  }
  std::vector<Quote> pieces;
  for (const Quote& q : all_predicted) {
    if (q.quote.end > t.size()) continue;
    if (q.kind == QuoteKind::kScare && q.speaker_mention.empty()) continue;
    for (const Span& piece : SplitParagraphs(t, q.quote)) {
      Quote p = q;
      p.quote = piece;
      pieces.push_back(p);
    }
  }
  std::vector<const Quote*> pred;
  for (const Quote& q : pieces) pred.push_back(&q);
  sc.gold_quotes = gold.size();
  sc.predicted_quotes = pred.size();

  auto same = [&](Span a, Span b) { return Normalize(t, a) == Normalize(t, b); };
  // Quote span, exact.
  sc.quote_exact.predicted = pred.size();
  sc.quote_exact.gold = gold.size();
  for (const Quote* p : pred) {
    for (const GoldQuote& g : gold) {
      if (same(p->quote, g.quote)) { ++sc.quote_exact.correct_predicted; break; }
    }
  }
  for (const GoldQuote& g : gold) {
    bool hit = false;
    for (const Quote* p : pred) hit = hit || same(p->quote, g.quote);
    sc.quote_exact.correct_gold += hit;
    if (!hit && log != nullptr) {
      bool overlapped = false;
      for (const Quote* p : pred) overlapped = overlapped || Overlaps(p->quote, g.quote);
      *log << doc.name << ": " << (overlapped ? "BOUNDARY" : "MISSED") << " quote [" << Show(t, g.quote) << "]\n";
    }
  }
  // Quote span, overlap (tokens).
  {
    std::vector<Span> ps, gs;
    for (const Quote* p : pred) ps.push_back(Normalize(t, p->quote));
    for (const GoldQuote& g : gold) gs.push_back(Normalize(t, g.quote));
    uint64_t in_p = 0, in_g = 0, both = 0;
    CountTokens(t, ps, gs, &in_p, &in_g, &both);
    sc.quote_overlap = {both, in_p, both, in_g};
  }
  // Speakers.
  for (const GoldQuote& g : gold) sc.gold_with_source += !g.source.empty();
  for (const Quote* p : pred) sc.predicted_with_speaker += !p->speaker_mention.empty();
  sc.speaker_exact.predicted = sc.speaker_overlap.predicted = sc.predicted_with_speaker;
  sc.speaker_exact.gold = sc.speaker_overlap.gold = sc.gold_with_source;
  for (const Quote* p : pred) {
    if (p->speaker_mention.empty()) continue;
    bool exact = false, overlap = false;
    const GoldQuote* anchor = nullptr;
    for (const GoldQuote& g : gold) {
      if (g.source.empty() || !Overlaps(p->quote, g.quote)) continue;
      anchor = &g;
      exact = exact || same(p->speaker_mention, g.source);
      overlap = overlap || Overlaps(p->speaker_mention, g.source);
    }
    sc.speaker_exact.correct_predicted += exact;
    sc.speaker_overlap.correct_predicted += overlap;
    if (!exact && log != nullptr) {
      *log << doc.name << ": " << (anchor == nullptr ? "SPURIOUS" : "WRONG") << " speaker ["
           << Show(t, p->speaker_mention) << "] gold [" << (anchor ? Show(t, anchor->source) : "-") << "] cue ["
           << Show(t, p->cue) << "] quote [" << Show(t, p->quote, 50) << "]\n";
    }
  }
  for (const GoldQuote& g : gold) {
    if (g.source.empty()) continue;
    bool exact = false, overlap = false, any = false;
    for (const Quote* p : pred) {
      if (p->speaker_mention.empty() || !Overlaps(p->quote, g.quote)) continue;
      any = true;
      exact = exact || same(p->speaker_mention, g.source);
      overlap = overlap || Overlaps(p->speaker_mention, g.source);
    }
    sc.speaker_exact.correct_gold += exact;
    sc.speaker_overlap.correct_gold += overlap;
    if (!any && log != nullptr) {
      *log << doc.name << ": NOSPEAKER gold [" << Show(t, g.source) << "] cue [" << Show(t, g.cue) << "] quote ["
           << Show(t, g.quote, 50) << "]\n";
    }
  }
  return sc;
}

QuoteScores EvaluateQuotes(const std::vector<PolnearDocument>& docs, std::ostream* log) {
  QuoteScores total;
  for (const PolnearDocument& doc : docs) total.Add(ScoreQuotes(doc, FindQuotes(doc.text), log));
  return total;
}

std::string FormatQuoteScores(const QuoteScores& s) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line,
                "documents %llu; gold direct quotes %llu (%llu with a source); predicted %llu (%llu with a speaker)\n",
                static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.gold_quotes),
                static_cast<unsigned long long>(s.gold_with_source),
                static_cast<unsigned long long>(s.predicted_quotes),
                static_cast<unsigned long long>(s.predicted_with_speaker));
  out += line;
  out += "metric                  P       R      F1   peer F1 (citron, PARC 3.0 test)\n";
  auto row = [&](const char* name, const PrfCounts& c, double peer) {
    std::snprintf(line, sizeof line, "%-18s  %6.1f  %6.1f  %6.1f   %4.1f\n", name, 100 * c.Precision(),
                  100 * c.Recall(), 100 * c.F1(), peer);
    out += line;
  };
  row("speaker exact", s.speaker_exact, 82.0);
  row("speaker overlap", s.speaker_overlap, 85.3);
  row("quote span exact", s.quote_exact, 59.3);
  row("quote span overlap", s.quote_overlap, 83.3);
  return out;
}

}  // namespace newsfuse::extract
