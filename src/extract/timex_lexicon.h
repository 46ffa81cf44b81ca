// File: extract/timex_lexicon.h
//
// The time-expression recognizer's vocabulary: number and ordinal words, time
// units, tense cues, parts of the day, seasons and the words that can open a
// pattern. Pure functions of one lower-cased word (a letter run of
// text/char_runs.h); internal to extract (time_expressions.h is the API).
#ifndef NEWSFUSE_EXTRACT_TIMEX_LEXICON_H_
#define NEWSFUSE_EXTRACT_TIMEX_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace newsfuse::extract::timex {

enum class Tense : uint8_t { kNone, kPast, kFuture };

enum class Unit : uint8_t { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter,
                            kYear, kDecade, kCentury };

// Small cardinals spelled out in news text.
int WordNumber(std::string_view w);

int Ordinal(std::string_view w);

Unit ParseUnit(std::string_view w, bool* plural);

bool IsPastVerb(std::string_view w);

bool IsFutureCue(std::string_view w);

bool IsAbbreviation(std::string_view w);

// Parts of the day: "morning" -> "MO".
const char* PartOfDay(std::string_view w);

// Words that can open a core pattern (besides numbers, month and weekday
// names): a sorted table, so that most words are rejected by one binary search.
bool CanStartCore(std::string_view w);

const char* Season(std::string_view w);
// The direction of a word that opens a relative period: -1 for "last",
// "past", "previous"; 1 for "next", "coming", "following"; 0 for "this",
// "current", "latest", "same"; nullopt for any other word.
std::optional<int> PeriodDirection(std::string_view w);

}  // namespace newsfuse::extract::timex

#endif  // NEWSFUSE_EXTRACT_TIMEX_LEXICON_H_
