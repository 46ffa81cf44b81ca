// File: synthesize/stem_overlap.h
//
// Word overlap between two wordings, shared by the sections that group
// sentences or quotes of several outlets (quotes, timeline, numbers): the
// content-word stems of a text and the share of the smaller set that the
// other holds.
#ifndef NEWSFUSE_SYNTHESIZE_STEM_OVERLAP_H_
#define NEWSFUSE_SYNTHESIZE_STEM_OVERLAP_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

// The stems of the words of `text` that are not stop words.
std::set<std::string> ContentStems(std::string_view text, Stemmer& stemmer);

// Shared share of the smaller set: 1 when one wording contains the other.
double Containment(const std::set<std::string>& a, const std::set<std::string>& b);

// The same, for sorted ids (a merge rather than a lookup per stem).
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Appends `id` unless `sources` has it.
void AddSource(std::vector<std::string>* sources, const std::string& id);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_STEM_OVERLAP_H_
