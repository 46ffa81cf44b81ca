#include "newsfuse/status.h"

#include <gtest/gtest.h>

#include "newsfuse/result.h"

namespace newsfuse {
namespace {

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, JoinsSubjectAndMessage) {
  Status s = Status::DataLoss("a.jsonl", "line 12: not valid JSON");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.ToString(), "a.jsonl: line 12: not valid JSON");
  Status copy = s;
  EXPECT_EQ(copy.ToString(), s.ToString());
}

Status FailsThenNeverReached(bool* reached) {
  NEWSFUSE_RETURN_IF_ERROR(Status::NotFound("x"));
  *reached = true;
  return Status::Ok();
}

TEST(StatusTest, ReturnIfErrorReturnsEarly) {
  bool reached = false;
  EXPECT_EQ(FailsThenNeverReached(&reached).code(), StatusCode::kNotFound);
  EXPECT_FALSE(reached);
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::InvalidArgument("flag", "not a number");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "flag: not a number");
}

}  // namespace
}  // namespace newsfuse
