// File: extract/quote_finder.h
//
// Finds direct quotes (words between quotation marks) in one article and the
// speaker each is attributed to, by rules over the surface text: no parser,
// no model. A quote is
//   - full:    a sentence or more in quotation marks ("We will win," she said.),
//   - partial: a fragment embedded in the writer's sentence
//              (warned an invasion would be a "mistake," citing ...),
//   - scare:   a partial quote of one or two words with no speech cue of its
//              own ("SCG"); a briefing should leave these out.
// Quotes may span paragraphs: an opening mark with no closing mark before the
// paragraph ends continues when the next paragraph opens with a quote mark.
// Straight (") and curly (“ ”) double quotes are both understood; unbalanced
// marks never make the finder fail (an unclosed quote ends with its paragraph).
//
// The speaker is looked for, in order:
//   1. after the quote in its sentence: ", she said." / ", said Smith." /
//      ", the statement said." / ", according to Smith." / ", Smith, the
//      mayor, said in a statement.";
//   2. before the quote in its sentence: "Smith said: ..." / "Smith warned an
//      invasion would be a ..." / "..., saying that it is ..." (the subject of
//      the sentence);
//   3. the previous quote when this one opens a sentence or paragraph with no
//      cue of its own (a quote continued after "he said."), or a speech verb
//      in the previous sentence ("Smith spoke to reporters on Tuesday.").
// Pronouns and surnames are resolved to the longest full name seen before:
// "she" -> the last person (of that gender when a first name tells it),
// "Jean-Pierre" -> "Karine Jean-Pierre". Organisations and documents speak
// too: "the White House said", "the statement read", "a readout of the
// meeting from the White House read" (speaker: "the White House").
//
// Named-entity spans from a tagger may be passed in; without them capitalised
// word runs and a small title/first-name lexicon stand in.
//
//   std::vector<Quote> quotes = FindQuotes(article_text);
//   for (const Quote& q : quotes)
//     if (q.kind != QuoteKind::kScare) Use(q.quote.In(article_text), q.speaker);
//
// Thread-safe: free functions, no shared mutable state. Robust on any bytes
// (invalid UTF-8, NULs, unbalanced marks); texts of 4 GiB or more are cut to
// the first 4 GiB - 1 bytes because spans are 32-bit.
#ifndef NEWSFUSE_EXTRACT_QUOTE_FINDER_H_
#define NEWSFUSE_EXTRACT_QUOTE_FINDER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsfuse::extract {

// An entity mention from a named-entity tagger, as far as the quote finder
// needs it. `type` is 'P' (person) or 'O' (organisation); other types are
// ignored. Spans are byte spans into the same text as FindQuotes().
struct NamedSpan {
  text::Span span;
  char type = 'P';
};

enum class QuoteKind : uint8_t { kFull, kPartial, kScare };

// Returns "full", "partial" or "scare".
std::string_view QuoteKindName(QuoteKind kind);

struct Quote {
  // The quoted words without the quotation marks, trimmed of white space. A
  // quote spanning paragraphs covers the paragraph breaks and the
  // continuation marks between them.
  text::Span quote;
  // The words naming the speaker where the attribution is made: a name
  // ("Smith", "Sen. Ted Cruz"), a pronoun ("she") or a noun phrase ("the
  // statement"). Empty when no speaker was found.
  text::Span speaker_mention;
  // The resolved speaker: the longest full name seen for a surname or a
  // pronoun ("Karine Jean-Pierre"), else the mention's own words. Empty when
  // no speaker was found (or a pronoun could not be resolved: then the
  // mention is set and this is the pronoun itself).
  std::string speaker;
  QuoteKind kind = QuoteKind::kFull;
  // The speech verb ("said", "told", "according to"); empty when the speaker
  // was carried over from a previous quote or sentence without one.
  text::Span cue;
};

// A pair of matching quotation marks (or an unclosed opening mark).
struct QuotedRegion {
  text::Span inner;   // between the marks, trimmed of white space
  text::Span outer;   // from the opening mark to the end of the closing mark
  bool closed = true; // false when the paragraph (or text) ended first
};

// Pairs quotation marks in `text`. Regions are in text order and do not
// overlap. Allocates only the result.
std::vector<QuotedRegion> FindQuotedRegions(std::string_view text);

// Finds the quotes in `text` (one article, UTF-8, paragraphs separated by
// line breaks) and attributes them. `names`, when given, are entity mentions
// in `text` in any order; spans out of range are ignored. Returns quotes in
// text order; every span lies inside `text`.
std::vector<Quote> FindQuotes(std::string_view text, std::span<const NamedSpan> names = {});

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_QUOTE_FINDER_H_
