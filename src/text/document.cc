#include "text/document.h"

#include "text/sentence_splitter.h"

namespace newsfuse::text {

Document BuildDocument(const Article& article) {
  Document doc;
  auto add = [&](const std::string& text, bool heading, bool list_item, bool subtitle) {
    if (!doc.text.empty()) doc.text += "\n\n";
    DocParagraph p;
    p.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += text;
    p.span.end = static_cast<uint32_t>(doc.text.size());
    p.is_heading = heading;
    p.is_list_item = list_item;
    p.is_subtitle = subtitle;
    doc.paragraphs.push_back(p);
  };
  if (article.subtitle) add(*article.subtitle, false, false, true);
  for (const Paragraph& p : article.paragraphs) add(p.text, p.is_heading, p.is_list_item, false);

  for (uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Span para = doc.paragraphs[i].span;
    for (Span s : SplitSentences(para.In(doc.text))) {
      doc.sentences.push_back(DocSentence{Span{para.begin + s.begin, para.begin + s.end}, i});
    }
  }
  return doc;
}

}  // namespace newsfuse::text
