#include "notify/notice_templates.h"

#include <gtest/gtest.h>

namespace rp::notify {
namespace {

TEST(NoticeTemplates, TextBecomesEscapedParagraphsWithLinks) {
  EXPECT_EQ(html_paragraphs("Hello <Ana> & co.\nSee https://x.example/a?b=1&c=2 now\n\n\nBye"),
            "<p>Hello &lt;Ana&gt; &amp; co.<br>\nSee <a href=\"https://x.example/a?b=1&amp;c=2\">"
            "https://x.example/a?b=1&amp;c=2</a> now</p>\n<p>Bye</p>\n");
}

TEST(NoticeTemplates, ValuesAreFilledInAsTheyAreAndEscapedInTheHtml) {
  auto email = render_notice_email("payment.received", "en",
                                   {{"amount", "$5.00"},
                                    {"method", "<b>Visa</b>"},
                                    {"utility", "A & B Water"},
                                    {"may_turn_off", "yes"},
                                    {"settings_url", "https://p.example/settings"},
                                    {"unsubscribe_url", "https://p.example/u?t=1"}});
  ASSERT_TRUE(email.ok()) << email.error().message;
  EXPECT_EQ(email->subject, "Payment received: $5.00");
  EXPECT_NE(email->text.find("Paid with: <b>Visa</b>"), std::string::npos) << email->text;
  EXPECT_NE(email->text.find("Stop these emails: https://p.example/u?t=1"), std::string::npos);
  EXPECT_NE(email->html.find("Paid with: &lt;b&gt;Visa&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(email->html.find("<title>Payment received: $5.00</title>"), std::string::npos);
  EXPECT_EQ(email->html.find("<b>Visa"), std::string::npos);
}

TEST(NoticeTemplates, AMissingTemplateIsAnError) {
  auto email = render_notice_email("no.such.kind", "en", {});
  ASSERT_FALSE(email.ok());
  EXPECT_EQ(email.error().kind, ErrorKind::internal);
  EXPECT_NE(email.error().message.find("no.such.kind.en.email"), std::string::npos);
}

}  // namespace
}  // namespace rp::notify
