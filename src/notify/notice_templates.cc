#include "notify/notice_templates.h"

#include <kainjow/mustache.hpp>

#include "core/markup.h"

namespace rp::notify {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data data_of(const TemplateData& values) {
  data out;
  for (const auto& [key, value] : values) {
    if (!value.empty()) out.set(key, value);
  }
  return out;
}

Result<std::string> fill(std::string_view name, const data& values, bool escape_html) {
  const auto& templates = embedded_templates();
  const auto found = templates.find(name);
  if (found == templates.end()) {
    return internal_error("no notice template " + std::string(name));
  }
  mustache view(found->second);
  if (!view.is_valid()) {
    return internal_error("notice template " + std::string(name) + ": " + view.error_message());
  }
  if (!escape_html) view.set_custom_escape([](const std::string& text) { return text; });
  std::string out = view.render(values);
  if (!view.is_valid()) {
    return internal_error("notice template " + std::string(name) + ": " + view.error_message());
  }
  return out;
}

// One line, escaped, with its http(s) links made links.
std::string html_line(std::string_view line) {
  std::string out;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t link = std::min(line.find("https://", at), line.find("http://", at));
    if (link == std::string_view::npos) {
      out += markup_escaped(line.substr(at));
      break;
    }
    out += markup_escaped(line.substr(at, link - at));
    std::size_t end = line.find_first_of(" \t", link);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view url = line.substr(link, end - link);
    out += "<a href=\"" + markup_escaped(url) + "\">" + markup_escaped(url) + "</a>";
    at = end;
  }
  return out;
}

}  // namespace

std::string html_paragraphs(std::string_view text) {
  std::string out;
  std::string paragraph;
  auto close = [&] {
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>\n";
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      close();
    } else {
      if (!paragraph.empty()) paragraph += "<br>\n";
      paragraph += html_line(line);
    }
    start = end + 1;
  }
  close();
  return out;
}

bool has_email_template(std::string_view kind, std::string_view language) {
  return embedded_templates().contains(std::string(kind) + "." + std::string(language) + ".email");
}

bool has_text_template(std::string_view kind, std::string_view language) {
  return embedded_templates().contains(std::string(kind) + "." + std::string(language) + ".text");
}

Result<NoticeEmail> render_notice_email(std::string_view kind, std::string_view language,
                                        const TemplateData& values) {
  const std::string name = std::string(kind) + "." + std::string(language) + ".email";
  auto filled = fill(name, data_of(values), false);
  RP_TRY(filled);
  constexpr std::string_view kSubject = "Subject: ";
  const std::size_t line_end = filled->find('\n');
  if (!filled->starts_with(kSubject) || line_end == std::string::npos) {
    return invalid_input("template", name + " does not start with a 'Subject: ' line");
  }
  NoticeEmail email;
  email.subject = filled->substr(kSubject.size(), line_end - kSubject.size());
  std::size_t body = line_end + 1;
  while (body < filled->size() && (*filled)[body] == '\n') ++body;
  auto footer = fill("footer." + std::string(language) + ".email", data_of(values), false);
  RP_TRY(footer);
  email.text = filled->substr(body);
  if (!email.text.ends_with('\n')) email.text += '\n';
  email.text += "\n" + *footer;
  data layout = data_of(values);
  layout.set("subject", email.subject);
  layout.set("paragraphs", html_paragraphs(email.text));
  auto html = fill("layout." + std::string(language) + ".html", layout, true);
  RP_TRY(html);
  email.html = std::move(*html);
  return email;
}

Result<std::string> render_notice_text(std::string_view kind, std::string_view language,
                                       const TemplateData& values) {
  return fill(std::string(kind) + "." + std::string(language) + ".text", data_of(values), false);
}

}  // namespace rp::notify
