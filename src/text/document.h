// File: text/document.h
//
// The text of one article laid out for analysis: its body paragraphs joined
// into one string (so that every later annotation is a byte span into it),
// with the paragraph and sentence boundaries. The extract stage tokenizes
// and tags these sentences; synthesis cites them.
#ifndef NEWSFUSE_TEXT_DOCUMENT_H_
#define NEWSFUSE_TEXT_DOCUMENT_H_

#include <string>
#include <vector>

#include "newsfuse/article.h"
#include "text/span.h"

namespace newsfuse::text {

struct DocParagraph {
  Span span;
  bool is_heading = false;
  bool is_list_item = false;
  bool is_subtitle = false;  // the standfirst under the headline
};

struct DocSentence {
  Span span;
  uint32_t paragraph = 0;  // index into Document::paragraphs
};

struct Document {
  // Paragraphs joined by "\n\n". The standfirst, when the article has one,
  // is paragraph 0 (marked is_subtitle): it is the outlet's own summary line.
  std::string text;
  std::vector<DocParagraph> paragraphs;
  std::vector<DocSentence> sentences;

  std::string_view Text(Span s) const { return s.In(text); }
};

// Lays out `article` and splits its paragraphs into sentences.
Document BuildDocument(const Article& article);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_DOCUMENT_H_
