#include "ingest/html_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <gumbo.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "base/file_io.h"
#include "ingest/article_body.h"
#include "ingest/charset.h"
#include "ingest/html_gunzip.h"
#include "ingest/html_metadata.h"
#include "ingest/html_prefilter.h"

namespace newsfuse::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Fixture(const std::string& name) {
  Result<std::string> bytes =
      base::ReadFile(std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/html/" + name, 1 << 20);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

std::string Gzip(std::string_view data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(HtmlReaderTest, ExtractsBodyWithoutPageFurniture) {
  Result<Article> a = ReadHtmlArticle("harbor-ferry", "harbor-ferry.html", Fixture("harbor-ferry.html"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const std::string body = ArticleBodyText(*a);
  EXPECT_THAT(body, HasSubstr("The harbor ferry between Port Alder"));
  EXPECT_THAT(body, HasSubstr("publish the full cost breakdown"));
  EXPECT_THAT(body, HasSubstr("Repairs cost more than planned"));
  for (const char* furniture :
       {"cookies", "Home", "Share on", "Photo: Ledger", "Advertisement", "Bridge tolls",
        "Related", "waited all winter", "Copyright", "script text", "By Mara"}) {
    EXPECT_THAT(body, Not(HasSubstr(furniture))) << furniture;
  }
  ASSERT_EQ(a->paragraphs.size(), 5u);
  EXPECT_TRUE(a->paragraphs[2].is_heading);
  EXPECT_EQ(a->title.value_or(""), "Harbor ferry service to resume next month");
  EXPECT_EQ(a->outlet.value_or(""), "The Coastal Ledger");
  EXPECT_EQ(OptionalDateString(a->published).value_or(""), "2024-03-14T08:30");
  EXPECT_EQ(a->url.value_or(""), "https://ledger.example/news/harbor-ferry");
  EXPECT_EQ(a->language.value_or(""), "en");
  EXPECT_EQ(a->id, "harbor-ferry");
}

TEST(HtmlReaderTest, ReadsGzippedPage) {
  Result<Article> plain = ReadHtmlArticle("a", "a.html", Fixture("harbor-ferry.html"));
  Result<Article> gz = ReadHtmlArticle("a", "a.html.gz", Fixture("harbor-ferry.html.gz"));
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE(gz.ok()) << gz.status().ToString();
  EXPECT_EQ(ArticleBodyText(*plain), ArticleBodyText(*gz));
}

TEST(HtmlReaderTest, DecodesMetaCharsetLatin1) {
  Result<Article> a = ReadHtmlArticle("b", "latin1-bridge.html", Fixture("latin1-bridge.html"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title.value_or(""), "Neue Brücke für Mühlbach");
  EXPECT_THAT(ArticleBodyText(*a), HasSubstr("Fußgängerbrücke über den Talbach"));
  EXPECT_THAT(ArticleBodyText(*a), Not(HasSubstr("Veröffentlicht")));  // the dateline
  EXPECT_EQ(a->language.value_or(""), "de");
}

TEST(HtmlReaderTest, ReadsJsonLdMetadata) {
  HtmlExtras extras;
  Result<Article> a = ReadHtmlArticle("c", "jsonld-council.html", Fixture("jsonld-council.html"),
                                      HtmlReaderOptions(), &extras);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title.value_or(""), "Council votes to extend library hours");
  EXPECT_EQ(OptionalDateString(a->published).value_or(""), "2023-11-07T17:45");
  EXPECT_EQ(a->outlet.value_or(""), "Northfield Post");
  EXPECT_EQ(a->language.value_or(""), "en");
  EXPECT_THAT(extras.authors, ::testing::ElementsAre("Dev Okafor", "Lena Brandt"));
  const std::string body = ArticleBodyText(*a);
  EXPECT_THAT(body, HasSubstr("lone vote against"));
  EXPECT_THAT(body, Not(HasSubstr("Most read")));
  EXPECT_THAT(body, Not(HasSubstr("Sign up")));
}

TEST(HtmlReaderTest, UsesJsonLdBodyWhenTheDomHasLittleText) {
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Rendered by script\",\"articleBody\":\"First paragraph of a story that "
      "the page only renders with script, long enough to count.\\nSecond paragraph of it, "
      "also long enough to be worth keeping as the body of the article.\"}</script></head>"
      "<body><div id=app></div></body></html>";
  Result<Article> a = ReadHtmlArticle("d", "d.html", page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_THAT(a->paragraphs[1].text, HasSubstr("Second paragraph"));
}

// A blog theme classes the post's own wrapper with the author's name
// ("entry-author-..."), a word that marks bylines: the class words alone
// would prune the post (its comments hold more text, so it is not "most of
// the page") and leave the newsletter box and the footer note.
TEST(HtmlReaderTest, KeepsPostWhoseWrapperClassLooksLikeFurniture) {
  std::string post;
  std::string comments;
  for (int i = 0; i < 6; ++i) {
    post += "<p>Paragraph " + std::to_string(i) +
            " of the post, which says at some length, with commas, clauses and detail, what "
            "the author found when the village library reopened its reading room.</p>";
    comments += "<div class=\"comment\"><p>Reader " + std::to_string(i) +
                " writes back, at greater length still, with commas, asides and anecdotes, that "
                "the reading room was where they first read the paper, long ago, every "
                "Saturday.</p></div>";
  }
  const std::string page =
      "<html><body><div id=\"pagebody\"><div id=\"alpha\">"
      "<div class=\"entry entry-author-jane_roe entry-type-post\"><h3>Reading room</h3>"
      "<div class=\"entry-body\">" + post + "</div></div><div class=\"comments\">" +
      comments + "</div></div>"
      "<div id=\"beta\"><div class=\"box\"><p>Get our weekly letter in your inbox, free, "
      "with tips, links and news from the blog, every Friday morning.</p></div>"
      "<p>Blog powered by Example Platform, member since 2004, all rights reserved here.</p>"
      "</div></div></body></html>";
  Result<Article> a = ReadHtmlArticle("b", "b.html", page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const std::string body = ArticleBodyText(*a);
  EXPECT_THAT(body, HasSubstr("Paragraph 0 of the post"));
  EXPECT_THAT(body, HasSubstr("Paragraph 5 of the post"));
  EXPECT_THAT(body, Not(HasSubstr("weekly letter")));
  EXPECT_THAT(body, Not(HasSubstr("powered by")));
  EXPECT_THAT(body, Not(HasSubstr("Reader 0 writes")));
}

// `count` paragraphs "<p>{lead} {i}{rest}</p>", i from 0: a body (or a thread)
// long enough for the scorer, each paragraph findable by its number.
std::string NumberedParagraphs(int count, std::string_view lead, std::string_view rest) {
  std::string html;
  for (int i = 0; i < count; ++i) {
    html += "<p>" + std::string(lead) + " " + std::to_string(i) + std::string(rest) + "</p>";
  }
  return html;
}

// The extracted body text of `page` ("" when it cannot be read).
std::string BodyOf(const std::string& page) {
  Result<Article> a = ReadHtmlArticle("p", "p.html", page);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? ArticleBodyText(*a) : std::string();
}

// A short story and, below it, a longer legal notice without links: the notice
// is comma-rich prose, but its class names it a copyright block, and a
// copyright line that closes the story's own container is the page's.
TEST(HtmlReaderTest, PrefersShortStoryOverLongCopyrightNotice) {
  std::string notice;
  for (int i = 0; i < 4; ++i) {
    notice += "Example League and its logos, marks and names are the property of their "
              "owners, reproduced under licence with all rights reserved. ";
  }
  const std::string body = BodyOf(
      "<html><body><div id=\"wide\"><div class=\"articleText\">"
      "<p>The home side scored three times in the third period, with two goals from the "
      "captain, and won the game 5-2 on Sunday night.</p>"
      "<p>The visitors, who had led after the first period, remain last in the division "
      "with ten points from fourteen games.</p>"
      "<p>\xC2\xA9 2012 Example Press. All rights reserved.</p></div></div>"
      "<div id=\"c_copyright\"><p>" + notice + "</p></div></body></html>");
  EXPECT_THAT(body, HasSubstr("scored three times"));
  EXPECT_THAT(body, HasSubstr("remain last in the division"));
  EXPECT_THAT(body, Not(HasSubstr("reproduced under licence")));
  EXPECT_THAT(body, Not(HasSubstr("All rights reserved")));
}

// A short post under its headline (the heading that the <title> repeats)
// against a long, comma-rich notice elsewhere on the page: the story starts
// with the paragraph after the headline.
TEST(HtmlReaderTest, PrefersShortPostUnderTheHeadlineOverLongNotice) {
  std::string notice;
  for (int i = 0; i < 4; ++i) {
    notice += "The author, an independent writer, has no ties, financial or otherwise, to "
              "the makers, sellers, or importers of the products named, reviewed, or shown. ";
  }
  const std::string body = BodyOf(
      "<html><head><title>Camera Notes: New portrait lens is in stock</title></head><body>"
      "<div id=\"main\"><div class=\"postmain\"><h2>New portrait lens is in stock</h2>"
      "<div class=\"entry\">"
      "<p>The new portrait lens is finally in stock at two large shops in the United States "
      "this week.</p>"
      "<p>It ships within a day and costs the same as the older model did at its launch.</p>"
      "<p>Both shops expect the first batch to sell out before the end of the month.</p>"
      "</div></div></div>"
      "<div id=\"right\"><div class=\"box\"><p>" + notice + "</p></div></div></body></html>");
  EXPECT_THAT(body, HasSubstr("finally in stock"));
  EXPECT_THAT(body, HasSubstr("ships within a day"));
  EXPECT_THAT(body, HasSubstr("sell out"));
  EXPECT_THAT(body, Not(HasSubstr("independent writer")));
}

// A page's foot, classed "...-foot" (BBC's "blq-foot") rather than "footer",
// is furniture: its browser notice must not stand in for a short story.
TEST(HtmlReaderTest, DropsThePageFootClassedFoot) {
  const std::string body = BodyOf(
      "<html><body><div class=\"story-body\">"
      "<p>People from all over the world are coming to London to see the games.</p></div>"
      "<div id=\"site-foot\"><p>This page is best viewed in an up-to-date web browser with "
      "style sheets enabled. While you will be able to view the content of this page in your "
      "current browser, you will not get the full visual experience, so please consider "
      "upgrading your browser software or enabling style sheets if you are able to do so.</p>"
      "</div></body></html>");
  EXPECT_THAT(body, HasSubstr("coming to London"));
  EXPECT_THAT(body, Not(HasSubstr("best viewed")));
}

// A blog theme that puts the post in <aside class="blogPost"> and the
// sidebar's boxes in asides too: with every <aside> cut, nothing is left, so
// the page is read again with the asides named like a post opened.
TEST(HtmlReaderTest, FindsThePostInAnAsideWhenNothingElseHoldsABody) {
  const std::string body = BodyOf(
      "<html><head><title>Pageant star says she hates the singer</title></head><body>"
      "<header><a href=\"/\">Celebrity Baby Laundry</a></header>"
      "<section id=\"leftColumn\"><aside class=\"blogPost\">"
      "<h1>Pageant star says she hates the singer</h1><div class=\"blogContent\">"
      "<p>The young star of the reality show, now with a show of her own, told an interviewer "
      "that she does not like the singer at all.</p>"
      "<p>Her mother asked again, and she said it a second time, to general laughter.</p>"
      "</div></aside></section>"
      "<aside class=\"rgtBlock\"><p>Welcome to our little corner of the web, where we write "
      "about celebrity babies, fashion, and family life, every single day of the week.</p>"
      "</aside></body></html>");
  EXPECT_THAT(body, HasSubstr("does not like the singer"));
  EXPECT_THAT(body, HasSubstr("a second time"));
  EXPECT_THAT(body, Not(HasSubstr("little corner")));
}

// Blog engines print the part of a post below its "read more" break in
// <div id="more">: the rest of the post, not a "more stories" box.
TEST(HtmlReaderTest, KeepsThePostBelowItsReadMoreBreak) {
  const std::string body = BodyOf(
      "<html><body><div class=\"content\"><div class=\"entry\">"
      "<p>On Friday the statistics office reported that output grew at a two percent annual "
      "rate during the third quarter, a little below the long-run average.</p>"
      "<p>Nor was there much comfort in the details: housing, trade and business "
      "investment, taken together, subtracted from growth once again.</p>"
      "<div id=\"more\"><p>The largest single boost came from federal spending, which by "
      "itself added most of a percentage point to the annual rate.</p></div>"
      "</div></div></body></html>");
  EXPECT_THAT(body, HasSubstr("two percent annual rate"));
  EXPECT_THAT(body, HasSubstr("Nor was there much comfort"));
  EXPECT_THAT(body, HasSubstr("federal spending"));
}

// Under the story, the same container lists other stories as a summary and a
// "Full Story" link, after a share line and a lead-in: none is the story's text.
TEST(HtmlReaderTest, DropsTeasersEndingInAMoreLinkAndTheirLeadIn) {
  const std::string body = BodyOf(
      "<html><body><div class=\"story\">" +
      NumberedParagraphs(4, "Paragraph",
                         " of the story tells, with commas, names and figures, how the "
                         "council voted on the new bus lanes.") +
      "<p>A sentence of the story that ends with the words read more</p>"
      "<p>Share this page</p>"
      "<p>You may also be interested in:</p>"
      "<div class=\"teaser\">"
      "<p>Another town reopened its swimming pool after a long repair. "
      "<a href=\"/pool\">Full Story \xC2\xBB</a></p>"
      "<p>Tram fares rise in March for the first time in six years. "
      "<a href=\"/fares\">Read more...</a></p></div>"
      "<p>The harbour festival drew a record crowd on Saturday, organisers said. "
      "<a href=\"/festival\">Full Story</a></p>"
      "</div></body></html>");
  EXPECT_THAT(body, HasSubstr("Paragraph 3 of the story"));
  EXPECT_THAT(body, HasSubstr("ends with the words read more"));
  EXPECT_THAT(body, Not(HasSubstr("harbour festival")));
  EXPECT_THAT(body, Not(HasSubstr("Tram fares")));
  EXPECT_THAT(body, Not(HasSubstr("interested in")));
  EXPECT_THAT(body, Not(HasSubstr("Share this page")));
}

TEST(HtmlReaderTest, DropsBlogEngineLinesUnderThePost) {
  const std::string body = BodyOf(
      "<html><body><div class=\"post\"><div class=\"entrytext\">" +
      NumberedParagraphs(4, "Paragraph",
                         " of the post explains, with commas and examples, how the garden "
                         "club grew tomatoes on the roof.") +
      "<p><small>This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed "
      "under Gardening. You can follow any responses to this entry through the RSS 2.0 "
      "feed.</small></p></div></div></body></html>");
  EXPECT_THAT(body, HasSubstr("Paragraph 3 of the post"));
  EXPECT_THAT(body, Not(HasSubstr("This entry was posted")));
}

// A thread longer than the post: #comments holds most of the page's text but is
// still the thread, not the body.
TEST(HtmlReaderTest, DropsCommentThreadLongerThanThePost) {
  const std::string body = BodyOf(
      "<html><body><div id=\"content\"><div class=\"entry\">" +
      NumberedParagraphs(3, "Paragraph",
                         " of the post says, with commas and detail, why the old mill should "
                         "be kept as a museum.") +
      "</div><div id=\"comments\"><dl><dd>" +
      NumberedParagraphs(12, "Reader",
                         " answers at length, with commas, memories and opinions, that the "
                         "mill, the river and the bridge belong together, and that the town "
                         "should say so.") +
      "</dd></dl></div></div></body></html>");
  EXPECT_THAT(body, HasSubstr("Paragraph 2 of the post"));
  EXPECT_THAT(body, Not(HasSubstr("answers at length")));
}

// The thread follows the post in the post's own container, under a title.
// A story section titled "Discussion" is not a thread.
TEST(HtmlReaderTest, EndsThePostAtTheCommentsHeading) {
  const std::string body = BodyOf(
      "<html><body><div class=\"content\">" +
      NumberedParagraphs(4, "Paragraph",
                         " of the post reports, with commas and figures, what the survey of "
                         "cyclists found.") +
      "<h3>Discussion</h3><p>The authors discuss, with care and caveats, what the survey "
      "cannot show about commuting.</p><h2><a id=\"comments\"></a>12 Comments</h2>" +
      NumberedParagraphs(4, "Reader",
                         " replies that the survey, like the last one, asked the wrong "
                         "people.") +
      "</div></body></html>");
  EXPECT_THAT(body, HasSubstr("Paragraph 3 of the post"));
  EXPECT_THAT(body, HasSubstr("what the survey cannot show"));
  EXPECT_THAT(body, Not(HasSubstr("asked the wrong people")));
  EXPECT_THAT(body, Not(HasSubstr("12 Comments")));
}

// WordPress prints the post's categories into its wrapper's class: a category
// named "for-discussion" does not make the post a comment section.
TEST(HtmlReaderTest, KeepsPostWhoseCategoryNameLooksLikeComments) {
  const std::string body = BodyOf(
      "<html><body><div id=\"main\"><div class=\"post type-post status-publish hentry "
      "category-for-discussion tag-comments\"><div class=\"entry-content\">" +
      NumberedParagraphs(2, "Paragraph",
                         " of the post asks, with commas and examples, why the library closes "
                         "at six on weekdays.") +
      "</div></div><div class=\"box\"><p>Our weekly letter brings news, tips and links from "
      "the whole network, every Friday, to your inbox, free of charge.</p></div></div>"
      "</body></html>");
  EXPECT_THAT(body, HasSubstr("Paragraph 1 of the post"));
  EXPECT_THAT(body, Not(HasSubstr("weekly letter")));
}

TEST(HtmlReaderTest, RefusesPageOverTheLimit) {
  HtmlReaderOptions options;
  options.max_page_bytes = 1000;
  const std::string big = "<html><body><p>" + std::string(5000, 'x') + "</p></body></html>";
  Result<Article> a = ReadHtmlArticle("e", "big.html", big, options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(a.status().ToString(), HasSubstr("big.html"));
}

TEST(HtmlReaderTest, Refuses100MegabyteGzipPageWithDefaultLimit) {
  // 100 MB of text compresses to about 100 KB: the cap must hold while inflating.
  std::string page = "<html><body><p>";
  page.append(100u << 20, 'a');
  page.append("</p></body></html>");
  const std::string gz = Gzip(page, 1);
  page.clear();
  page.shrink_to_fit();
  Result<Article> a = ReadHtmlArticle("f", "huge.html.gz", gz);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(a.status().ToString(), HasSubstr("huge.html.gz"));
}

TEST(HtmlReaderTest, ReportsDamagedGzip) {
  std::string gz = Gzip("<html><body><p>Some text that is long enough here.</p></body></html>");
  gz.resize(gz.size() / 2);
  Result<Article> a = ReadHtmlArticle("g", "cut.html.gz", gz);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kDataLoss);
}

TEST(HtmlReaderTest, RefusesBinaryData) {
  const std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  Result<Article> a = ReadHtmlArticle("h", "image.html", binary);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
}

TEST(HtmlReaderTest, FileIdDropsHtmlExtensions) {
  EXPECT_EQ(HtmlFileId("dir/abc.html.gz"), "abc");
  EXPECT_EQ(HtmlFileId("abc.htm"), "abc");
  EXPECT_EQ(HtmlFileId("/x/y/abc.html"), "abc");
}

TEST(CharsetTest, SniffsMetaAndContentType) {
  EXPECT_EQ(SniffMetaCharset("<html><head><meta charset=\"Shift_JIS\">"), "shift_jis");
  EXPECT_EQ(SniffMetaCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(SniffMetaCharset("<html><body>no charset</body></html>"), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-2"), "iso-8859-2");
}

TEST(CharsetTest, DecodesBomsAndLegacyCharsets) {
  Result<std::string> utf16 = DecodeToUtf8("t", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10));
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(*utf16, "<p>é");
  Result<std::string> bom = DecodeToUtf8("t", "\xEF\xBB\xBFhi");
  EXPECT_EQ(*bom, "hi");
  Result<std::string> cyr = DecodeToUtf8("t", "\xcf\xf0\xe8", "windows-1251");
  EXPECT_EQ(*cyr, "При");
  // No declaration and not UTF-8: read as windows-1252.
  Result<std::string> legacy = DecodeToUtf8("t", "caf\xe9 \x93quoted\x94");
  EXPECT_EQ(*legacy, "café “quoted”");
  // Valid UTF-8 wins over a wrong latin-1 declaration.
  Result<std::string> mislabeled = DecodeToUtf8("t", "caf\xc3\xa9", "iso-8859-1");
  EXPECT_EQ(*mislabeled, "café");
}

TEST(HtmlMetadataTest, NormalizesDates) {
  EXPECT_EQ(NormalizeHtmlDate("2019-11-19T10:04:00Z").value_or(""), "2019-11-19T10:04");
  EXPECT_EQ(NormalizeHtmlDate("2019/11/19").value_or(""), "2019-11-19");
  EXPECT_EQ(NormalizeHtmlDate("Updated November 19, 2019").value_or(""), "2019-11-19");
  EXPECT_EQ(NormalizeHtmlDate("19 Nov. 2019").value_or(""), "2019-11-19");
  EXPECT_EQ(NormalizeHtmlDate("Posted on Aug 8th, 2018").value_or(""), "2018-08-08");
  EXPECT_FALSE(NormalizeHtmlDate("2 comments").has_value());
  EXPECT_FALSE(NormalizeHtmlDate("1850-01-01").has_value());
  EXPECT_FALSE(NormalizeHtmlDate("2019-13-45").has_value());
}

TEST(HtmlMetadataTest, StripsSiteFromTitle) {
  EXPECT_EQ(StripSiteFromTitle("Storm hits coast | The Daily", "The Daily"), "Storm hits coast");
  EXPECT_EQ(StripSiteFromTitle("Storm hits coast - Daily Herald", ""), "Storm hits coast");
  EXPECT_EQ(StripSiteFromTitle("Storm hits coast", "The Daily"), "Storm hits coast");
}

TEST(HtmlMetadataTest, NeverTakesDateFromCaptionOrRelatedTeaser) {
  const std::string page =
      "<html><body><div class=\"related-stories\"><time datetime=\"2011-01-01\">old</time></div>"
      "<figure><figcaption>Taken on <time datetime=\"2012-02-02\">Feb 2</time></figcaption></figure>"
      "<article><p>Body text of the article that is long enough to be the body here.</p></article>"
      "</body></html>";
  Result<Article> a = ReadHtmlArticle("i", "i.html", page);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->published.has_value()) << a->published->ToString();
}

TEST(HtmlPrefilterTest, CutsScriptStyleCommentsButKeepsJsonLd) {
  std::string out;
  PrefilterHtml(
      "<p>a</p><script>var x = '<p>no</p>';</script><!-- c --><style>p{}</style>"
      "<script type=\"application/ld+json\">{\"k\":1}</script><SCRIPT>y</SCRIPT ><p>b</p>",
      &out);
  // A plain end tag: the element goes whole; another ("</SCRIPT >") stays
  // for the parser to read, after a bare start tag.
  EXPECT_EQ(out,
            "<p>a</p>"
            "<script type=\"application/ld+json\">{\"k\":1}</script><script></SCRIPT ><p>b</p>");
  PrefilterHtml("<scripts>kept</scripts><script>unterminated", &out);
  EXPECT_EQ(out, "<scripts>kept</scripts><script>unterminated");
}

TEST(HtmlPrefilterTest, EndsAScriptTagWhereTheTokenizerDoes) {
  // A '>' inside a quoted value does not end the tag: cut at it, the rest of
  // the value ("Security/...") and an unmatched quote would run on into the
  // page and swallow the article into an attribute.
  std::string out;
  PrefilterHtml(
      "<div><script src=\"http://ads.test/SW>Security;sz=1\"></script> x</div>"
      "<p class=\"body\">Story.</p>",
      &out);
  EXPECT_EQ(out, "<div> x</div><p class=\"body\">Story.</p>");
}

// Without a "</title>" the parser would read the whole page as the title.
TEST(HtmlReaderTest, EndsAnUnclosedTitleWithItsLine) {
  const std::string page =
      "<html><head><TITLE>Golfer wins in Honolulu\n<script>var x;</script></head><body>"
      "<p>HONOLULU - The golfer won the tournament on Sunday, beating the leader by three shots, "
      "and clinched the seventh title of a long career.</p></body></html>";
  Result<Article> a = ReadHtmlArticle("t", "t.html", page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title.value_or(""), "Golfer wins in Honolulu");
  EXPECT_THAT(ArticleBodyText(*a), HasSubstr("clinched the seventh title"));
  std::string out;
  PrefilterHtml("<title>Closed</title><p>x</p>", &out);
  EXPECT_EQ(out, "<title>Closed</title><p>x</p>");
}

TEST(HtmlPrefilterTest, DropsUnreadLinksMetasAndAttributes) {
  std::string out;
  PrefilterHtml(
      "<html lang=\"en\" class=\"no-js\"><head>"
      "<meta charset=\"utf-8\"><meta name=\"robots\" content=\"index, follow\">"
      "<meta property=\"OG:Title\" content=\"T\"><meta property=\"og:image\" content=\"i.jpg\">"
      "<meta name=\"x&amp;y\" content=\"kept: an entity\">"
      "<link rel=\"stylesheet\" href=\"a.css\"><link rel=Canonical href=\"http://x.test/a\">"
      "<script src=\"app.js\" async></script></head>"
      "<body><div lang=\"fr\" class=\"story\" data-id=\"7\" type=\"x\" name=\"n\">"
      "<time datetime=\"2020-01-02\" itemprop=\"datePublished\">Jan 2</time></div></body></html>",
      &out);
  EXPECT_EQ(out,
            "<html lang=\"en\" class=\"no-js\"><head>"
            "<meta><meta property=\"OG:Title\" content=\"T\">"
            "<meta name=\"x&amp;y\" content=\"kept: an entity\">"
            "<link rel=Canonical href=\"http://x.test/a\">"
            "</head>"
            "<body><div class=\"story\">"
            "<time datetime=\"2020-01-02\" itemprop=\"datePublished\">Jan 2</time></div></body></html>");
}

TEST(HtmlPrefilterTest, DropsStylesheetLinkWithAQueryButNotAnOddOne) {
  std::string out;
  // A query's '=' is an ordinary value; '=' after white space says a quote
  // was left open and swallowed the next attribute: that element stays.
  PrefilterHtml("<link rel=\"stylesheet\" href=\"s.css?ver=1.0&amp;m=2\">"
                "<link rel=\"dns-prefetch href=\" x=\"\">",
                &out);
  EXPECT_EQ(out, "<link rel=\"dns-prefetch href=\">");
}

TEST(HtmlPrefilterTest, DropsPicturesFormFieldsAndStylesThatCannotHide) {
  std::string out;
  PrefilterHtml(
      "<p style=\"color:red\">a<img src=\"x.jpg\" alt=\"A\">b<input name=q></p>"
      "<p style=\"Display: None\">hidden</p><p style=\"x:1\" style=\"display:none\">c</p>"
      "<select><option>March 2012</option></select><p>d</p>",
      &out);
  // The second style of an element is the parser's duplicate: never read.
  EXPECT_EQ(out, "<p>ab</p><p style=\"Display: None\">hidden</p><p>c</p><p>d</p>");
}

TEST(HtmlPrefilterTest, CutsCommentThreadsByTheirAnchorId) {
  std::string out;
  PrefilterHtml(
      "<div class=\"post\"><p>Post.</p></div>"
      "<div id=\"comments\"><div class=\"c\"><p>First!</p></div></div>"
      "<ol ID=respond><li>Reply</li></ol>"
      "<div class=\"note id=comments\"><p>Kept: the id is inside the class value.</p></div>"
      "<section id=\"comments-intro\"><p>Kept too.</p></section>",
      &out);
  EXPECT_EQ(out,
            "<div class=\"post\"><p>Post.</p></div>"
            "<div class=\"note id=comments\"><p>Kept: the id is inside the class value.</p></div>"
            "<section id=\"comments-intro\"><p>Kept too.</p></section>");
}

TEST(HtmlPrefilterTest, ShortensIndentationBetweenTagsOnly) {
  std::string out;
  // Between two tags: one byte of the run is kept. Next to text, after a
  // comment or around a dropped element, white space is kept as it was (it
  // belongs to a text node whose length the extractor measures).
  PrefilterHtml("<div>\n    <p>a  b</p>\n\n  </div>x  <!-- c -->  <p>  y</p>\n  <link rel=x>\n  <p>", &out);
  EXPECT_EQ(out, "<div>\n<p>a  b</p>\n</div>x    <p>  y</p>\n  \n  <p>");
}

TEST(HtmlReaderTest, PrefilterKeepsWhatTheReadersUse) {
  const std::string page =
      "<html lang=\"de\"><head><title>Flood | Daily</title>"
      "<meta name=\"viewport\" content=\"width=device-width\">"
      "<meta property=\"og:site_name\" content=\"The Daily\">"
      "<meta name=\"author\" content=\"Ana Lima\">"
      "<meta property=\"article:published_time\" content=\"2021-07-15T08:30:00Z\">"
      "<link rel=\"stylesheet\" href=\"s.css\"><link rel=\"canonical\" href=\"https://d.test/flood\">"
      "</head><body>\n  <div class=\"article-body\">\n    "
      "<p>The river rose two metres overnight, and the town evacuated the lower streets, "
      "officials said on Thursday.</p>\n    <p>Rescue teams worked through the night.</p>\n  "
      "</div>\n</body></html>";
  HtmlExtras extras;
  Result<Article> a = ReadHtmlArticle("f", "f.html", page, HtmlReaderOptions(), &extras);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->url.value_or(""), "https://d.test/flood");
  EXPECT_EQ(a->outlet.value_or(""), "The Daily");
  EXPECT_EQ(OptionalDateString(a->published).value_or(""), "2021-07-15T08:30");
  EXPECT_EQ(a->language.value_or(""), "de");
  ASSERT_EQ(extras.authors.size(), 1u);
  EXPECT_EQ(extras.authors[0], "Ana Lima");
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->paragraphs[1].text, "Rescue teams worked through the night.");
}

// The text gumbo gives a script body (the first child's text).
std::string ParsedScriptText(std::string_view page) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  std::string text;
  std::vector<const GumboNode*> stack{output->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_SCRIPT && n->v.element.children.length > 0) {
      text = static_cast<const GumboNode*>(n->v.element.children.data[0])->v.text.text;
      break;
    }
    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return text;
}

TEST(HtmlPrefilterTest, LiftsJsonLdAsTheParserReadsIt) {
  // CR LF, CR, NUL, C0 and C1 controls, DEL, a noncharacter, U+00A0, tab, FF.
  const std::string body("{\"a\":\r\n1,\r\"b\":\"x\0y\x01\x7f\xc2\x80\xc2\xa0\xef\xb7\x90\x0b\x0c\t\"}", 32);
  const std::string page = "<html><head><script type=\"application/ld+json\">" + body +
                           "</script></head><body><p>x</p></body></html>";
  std::string kept;
  PrefilterHtml(page, &kept);
  std::string lifted_page;
  std::vector<LiftedJsonLd> lifted;
  PrefilterHtml(page, &lifted_page, &lifted);
  ASSERT_EQ(lifted.size(), 1u);
  EXPECT_EQ(lifted[0].text, ParsedScriptText(kept));
  EXPECT_EQ(lifted_page.substr(lifted[0].offset, 44),
            "<script type=\"application/ld+json\"></script>");
  // A body the tokenizer reads in its escaped states stays in the page.
  PrefilterHtml("<script type=\"application/ld+json\"><!-- {} --></script>", &lifted_page, &lifted);
  EXPECT_TRUE(lifted.empty());
  EXPECT_EQ(lifted_page, "<script type=\"application/ld+json\"><!-- {} --></script>");
}

TEST(HtmlMetadataTest, LiftedJsonLdReadsLikeTheWholePage) {
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Pier reopens\",\"datePublished\":\"2022-03-04T05:06:00Z\","
      "\"author\":[{\"name\":\"Joe Bloggs\"}],\"publisher\":{\"name\":\"Coast News\"}}</script>"
      "</head><body><div class=\"related\"><script type=\"application/ld+json\">"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Other\"}</script></div><p>Text.</p></body></html>";
  for (bool lift : {false, true}) {
    std::string filtered;
    std::vector<LiftedJsonLd> lifted;
    PrefilterHtml(page, &filtered, lift ? &lifted : nullptr);
    EXPECT_EQ(lifted.size(), lift ? 2u : 0u);
    GumboOutput* output =
        gumbo_parse_with_options(&kGumboDefaultOptions, filtered.data(), filtered.size());
    const HtmlMetadata m = ExtractHtmlMetadata(output->root, filtered, lifted);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    EXPECT_EQ(m.title.value_or(""), "Pier reopens") << lift;
    EXPECT_EQ(OptionalDateString(m.published).value_or(""), "2022-03-04T05:06") << lift;
    EXPECT_EQ(m.outlet.value_or(""), "Coast News") << lift;
    ASSERT_EQ(m.authors.size(), 1u) << lift;
    EXPECT_EQ(m.authors[0], "Joe Bloggs");
  }
}

TEST(HtmlGunzipTest, InflatesConcatenatedMembersAndCaps) {
  const std::string two = Gzip("hello ") + Gzip("world");
  Result<std::string> r = Inflate("t", two, 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "hello world");
  Result<std::string> capped = Inflate("t", Gzip(std::string(10000, 'z')), 100);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace newsfuse::ingest
