// File: ingest/dateline.h
//
// Recognises a line that is only a publication date, in the forms news sites
// print at the top or bottom of a story:
//
//   "April 1, 2024, 5:29 PM"        "Mar 31, 2024 - World"
//   "Updated: April 02, 2024, 4:09 AM"   "Published 1 April 2024 09:15 GMT"
//   "Monday, April 1, 2024"         "2024-04-01"
//
// A line that says anything else ("Tents in Rafah, Mar. 30, 2024." is a photo
// caption) is not a dateline: the whole line must be the date, an optional
// time and zone, an optional label ("Updated:") and an optional short section
// tag ("- World"). That strictness is what keeps caption dates out.
#ifndef NEWSFUSE_INGEST_DATELINE_H_
#define NEWSFUSE_INGEST_DATELINE_H_

#include <optional>
#include <string_view>

#include "base/civil_date.h"

namespace newsfuse::ingest {

enum class DatelineKind { kPublished, kUpdated };

struct Dateline {
  base::CivilDate date;
  DatelineKind kind = DatelineKind::kPublished;
};

std::optional<Dateline> ParseDateline(std::string_view line);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_DATELINE_H_
