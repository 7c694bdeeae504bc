#pragma once
// The wording of notices: mustache templates kept as files in src/notify/templates/ and embedded
// in the binary at build time (cmake/EmbedTemplates.cmake). Per kind and language:
//   <kind>.<language>.email   the first line "Subject: ...", a blank line, then the plain text
//   <kind>.<language>.text    a text message (SMS)
// and per language footer.<language>.email (why the email came and the unsubscribe link, after
// every email's text) and layout.<language>.html, the accessible HTML part drawn around an
// email's text (its paragraphs, links made links).
// Values are filled in as they are: the plain text and the subject are not HTML, and the layout
// escapes what it writes.

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::notify {

// Every embedded template, by name ("payment.received.en.email").
const std::map<std::string, std::string, std::less<>>& embedded_templates();

// What a template is filled with. An empty value counts as false in {{#section}}.
using TemplateData = std::map<std::string, std::string, std::less<>>;

struct NoticeEmail {
  std::string subject;
  std::string text;
  std::string html;
};

// Fills <kind>.<language>.email, the footer (given `utility`, `account`, `settings_url` and, for
// kinds a customer may turn off, `unsubscribe_url` in `data`) and the layout. Errors:
// internal_error naming a missing template or a template mustache cannot read; invalid_input when
// the first line is not "Subject: ...".
Result<NoticeEmail> render_notice_email(std::string_view kind, std::string_view language,
                                        const TemplateData& data);

// Fills <kind>.<language>.text. Errors: internal_error as above.
Result<std::string> render_notice_text(std::string_view kind, std::string_view language,
                                       const TemplateData& data);

// Whether the email (and the text) template of `kind` exists in `language`.
bool has_email_template(std::string_view kind, std::string_view language);
bool has_text_template(std::string_view kind, std::string_view language);

// `text` as HTML paragraphs: blank lines part paragraphs, line breaks become <br>, http(s) links
// become links, everything else escaped.
std::string html_paragraphs(std::string_view text);

}  // namespace rp::notify
