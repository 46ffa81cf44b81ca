#include "extract/ner_types.h"

namespace newsfuse::extract {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrganization:
      return "ORGANIZATION";
    case EntityType::kLocation:
      return "LOCATION";
    case EntityType::kOther:
      return "OTHER";
  }
  return "OTHER";
}

}  // namespace newsfuse::extract
