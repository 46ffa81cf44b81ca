// File: eval/polnear_reader.h
//
// Reads PolNeAR (Newell, Margolin & Ruths, LREC 2018) attribution
// annotations: brat standoff `.ann` files over plain-text articles.
//
//   <split>/text/<article>.txt
//   <split>/attributions/<article>_<annotator>.ann
//
// In an `.ann` file, `T` lines are labelled spans ("T3<TAB>Content 115 290;300
// 310<TAB>words") with Unicode code-point offsets into the article text,
// possibly in several fragments; `E` lines tie the parts of one attribution
// relation together ("E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1").
// The annotated words may run over several lines of the file. This reader
// converts the offsets to byte spans into the UTF-8 text and keeps, for each
// relation, its source, cue and content fragments (Content2 joins content).
//
// Thread-safe: free functions without shared state.
#ifndef NEWSFUSE_EVAL_POLNEAR_READER_H_
#define NEWSFUSE_EVAL_POLNEAR_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/result.h"
#include "text/span.h"

namespace newsfuse::extract {

// One attribution relation; each part is a list of byte-span fragments in
// text order (empty when the relation lacks that part).
struct PolnearAttribution {
  std::vector<text::Span> source;
  std::vector<text::Span> cue;
  std::vector<text::Span> content;
};

struct PolnearDocument {
  std::string name;  // the .ann file stem, e.g. "nyt_2016-09-01_slug_4b22"
  std::string text;  // the article, UTF-8
  std::vector<PolnearAttribution> attributions;
};

// Parses the `.ann` content `ann` against the article `text`. `source` names
// the annotation file in errors. Fails with DataLoss when a T line is
// malformed, an offset lies beyond the text, or an E line names an unknown T.
Result<PolnearDocument> ParsePolnearAnn(std::string_view source, std::string text, std::string_view ann);

// Reads every `.ann` file under `dir`/attributions with its article from
// `dir`/text. Articles annotated by several annotators are read once, with
// the first annotation file in name order, so each article counts once.
// Fails with NotFound naming the folder when either folder is missing, and
// with the first file's error when a file cannot be read or parsed.
Result<std::vector<PolnearDocument>> ReadPolnearDir(const std::string& dir);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_POLNEAR_READER_H_
