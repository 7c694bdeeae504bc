#pragma once
// Text written into HTML or XML (an email's HTML part, an SVG's title).

#include <string>
#include <string_view>

namespace rp {

// `text` with & < > " ' written as character references: safe inside elements and quoted
// attributes.
std::string markup_escaped(std::string_view text);

}  // namespace rp
