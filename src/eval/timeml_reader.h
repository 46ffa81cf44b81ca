// File: eval/timeml_reader.h
//
// Reads TimeML documents (the TempEval-3 TimeBank / AQUAINT format) into the
// plain text of their <TEXT> element, the document creation time (DCT) and the
// gold TIMEX3 annotations as byte spans into that plain text. Only what the
// time-expression evaluation needs is kept: EVENT, TLINK and the other tags
// are dropped with their markup (their words stay in the text).
//
//   Result<TimeMlDocument> doc = ReadTimeMlFile("TimeBank/wsj_0006.tml");
//   if (!doc.ok()) return doc.status();
//   FindTimeExpressions(doc->text, doc->creation_time);
//
// Thread-safe: free functions without shared state.
#ifndef NEWSFUSE_EVAL_TIMEML_READER_H_
#define NEWSFUSE_EVAL_TIMEML_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "newsfuse/result.h"
#include "text/span.h"

namespace newsfuse::extract {

// One gold <TIMEX3> inside <TEXT>.
struct GoldTimex {
  text::Span span;    // into TimeMlDocument::text
  std::string type;   // "DATE", "TIME", "DURATION" or "SET"
  std::string value;  // TIMEX3 value attribute, verbatim
};

struct TimeMlDocument {
  std::string id;  // <DOCID>, or the file stem when absent
  // The DCT (day, and time when the DCT value carries one); nullopt when the
  // document has no parseable DCT.
  std::optional<base::CivilDate> creation_time;
  std::string text;  // <TEXT> content, tags removed, entities decoded
  std::vector<GoldTimex> timexes;
};

// Parses one TimeML document held in `xml`; `source` names it in errors.
// Fails with DataLoss when there is no <TEXT> element or a TIMEX3 is not closed.
Result<TimeMlDocument> ParseTimeMl(std::string_view source, std::string_view xml);

// Reads and parses the file at `path` (at most 16 MiB).
Result<TimeMlDocument> ReadTimeMlFile(const std::string& path);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EVAL_TIMEML_READER_H_
