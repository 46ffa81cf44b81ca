// File: synthesize/figure_subject.h
//
// What a figure in a sentence is about, so that only figures about the same
// thing are compared across outlets: "15 years" that Hiller worked and
// "30 years" that Andy Ryan worked are not one figure given twice, nor are
// "3 percent" of one thing and "6 percent of national" income.
//
// A figure is described by
//   measure   what it counts or is a share of: its counted noun, the noun of
//             its "of" phrase ("90 days of treatment", "6 percent of national
//             income"), or for a bare share or amount the nearest content
//             word before it ("unemployment rose 3 percent");
//   context   the content stems of the few words around it (its clause,
//             roughly), the measure set aside;
//   person    the person the sentence names nearest before it (after it
//             when none before): whose figure it is.
#ifndef NEWSFUSE_SYNTHESIZE_FIGURE_SUBJECT_H_
#define NEWSFUSE_SYNTHESIZE_FIGURE_SUBJECT_H_

#include <set>
#include <string>

#include "extract/article_analysis.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

struct FigureSubject {
  std::set<std::string> measure;  // stems
  std::set<std::string> context;  // stems, measure excluded
  std::set<std::string> person;   // lower-cased name words; empty when none
  bool share_or_amount = false;   // "%" or "$"
};

FigureSubject DescribeFigure(const extract::ArticleAnalysis& a, const extract::Quantity& q, size_t sentence,
                             Stemmer& stemmer);

// Two figures are about the same thing when they measure the same thing
// (shares and amounts: a common measure stem), their clauses share a context
// stem, and they are not the figures of two different people.
bool SameFigureSubject(const FigureSubject& a, const FigureSubject& b);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_FIGURE_SUBJECT_H_
