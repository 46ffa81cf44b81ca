// File: ingest/html_content_extractor.h
//
// Finds the main text of a news page in gumbo's DOM: the article body as
// paragraphs in order (headings inside the body kept as paragraphs), without
// navigation, ads, share bars, related links, comments, cookie banners,
// captions and credits.
//
// How (a readability-style scorer with a pruning pass in front):
//  1. One walk turns the DOM into text blocks (the inline text of each
//     block-level element), skipping what a reader never sees and subtrees
//     whose tag (nav, aside, footer, figure, form controls, ...) or class/id
//     words (share, related, comment, promo, ad, caption, ...) mark them as
//     page furniture. A subtree holding most of the page's paragraph text is
//     never pruned on a class word alone.
//  2. Each paragraph-like block scores its parent and grandparents by length
//     and commas; scores are scaled by the container's link density. The best
//     container wins; siblings that look like more of the same body join it;
//     when several good candidates share an ancestor, the ancestor wins; other
//     containers with the winner's exact class (a body split around a picture
//     or an ad) join it. The container of the story's first paragraph (the
//     one after the heading that the page's <title> repeats) gains as much as
//     a positive class word, so a long disclaimer or author box elsewhere does
//     not outscore a short post.
//  3. Blocks under the winner are kept in order, minus link lists and
//     headings that are all link (teasers), short furniture lines
//     ("Advertisement", "Continue reading"), summaries of other stories that
//     end in a "Full Story" link, blog-engine lines ("This entry was posted
//     ..."), and what closes the body: trailing headings, lead-ins ending in
//     ':' and copyright notices. A comment-thread title ("12 Comments",
//     "Leave a Reply") ends the body. Embedded posts (a quoted tweet) count as
//     body; hover pop-ups and captions do not.
//  4. Steps 1-3 run twice: strict (class words prune as in step 1) and
//     relaxed (class words prune comment sections only; the scorer still
//     weighs them, and the #comments thread is pruned however long it is).
//     Class words are a guess: blog themes name the post's own
//     wrapper "entry-author-...", "hentry meta", so the strict pass can lose
//     the post and settle on a footer, a sidebar or a newsletter box. The
//     strict result stands when it is the relaxed one minus furniture (at
//     least half its text, and 95% of its own text found in it); otherwise
//     the relaxed result is taken. Held-out F1 with the two ratios chosen on
//     the other three sets (leave one set out, grid 0.3-0.7 x 0.8-1.0):
//     articlebody 0.983, cleanportaleval 0.907, l3s-gn1 0.962, dragnet-train
//     0.910 (strict alone: 0.978, 0.819, 0.957, 0.774). With the headline's
//     container bonus, the "foot" furniture word and the reader's second
//     look at empty pages (html_reader.cc), "more" no longer a furniture token:
//     0.983, 0.908, 0.964, 0.915. What each set's gold allows at best: scripts/extract_ceiling;
//     what was tried and not kept: README.md.
//
// Thread-safety: stateless; safe from any thread on distinct outputs.
#ifndef NEWSFUSE_INGEST_HTML_CONTENT_EXTRACTOR_H_
#define NEWSFUSE_INGEST_HTML_CONTENT_EXTRACTOR_H_

#include <gumbo.h>

#include <string>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse::ingest {

struct MainContent {
  std::vector<Paragraph> paragraphs;
  // Captions, credits and furniture lines seen inside the body area.
  std::vector<DroppedLine> dropped;
};

// REQUIRES: `root` is the root of a gumbo parse (GumboOutput::root).
// `open_regions`: walk <aside>, <header>, <footer> and <nav> like any block
// (for a second look at a page where nothing else held a body).
MainContent ExtractMainContent(const GumboNode* root, bool open_regions = false);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_CONTENT_EXTRACTOR_H_
