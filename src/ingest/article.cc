#include "newsfuse/article.h"

namespace newsfuse {

const char* BoilerplateKindName(BoilerplateKind kind) {
  switch (kind) {
    case BoilerplateKind::kPhotoCaption: return "photo caption";
    case BoilerplateKind::kCredit: return "credit";
    case BoilerplateKind::kNewsletter: return "newsletter prompt";
    case BoilerplateKind::kPromo: return "promo";
    case BoilerplateKind::kHeader: return "section header";
    case BoilerplateKind::kDateline: return "dateline";
    case BoilerplateKind::kOther: return "other";
  }
  return "other";
}

}  // namespace newsfuse
