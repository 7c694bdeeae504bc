#include "core/text_fold.h"

#include <cstdint>

namespace rp {
namespace {

// The ASCII spelling of a Latin letter in U+00C0-U+017F, or nullptr when it has none (the
// multiplication and division signs, which are separators).
const char* latin_base(std::uint32_t code) {
  struct Range {
    std::uint32_t first;
    std::uint32_t last;
    const char* base;
  };
  static constexpr Range kRanges[] = {
      // Latin-1 Supplement: upper case, then lower case.
      {0xC0, 0xC5, "a"},
      {0xC6, 0xC6, "ae"},
      {0xC7, 0xC7, "c"},
      {0xC8, 0xCB, "e"},
      {0xCC, 0xCF, "i"},
      {0xD0, 0xD0, "d"},
      {0xD1, 0xD1, "n"},
      {0xD2, 0xD6, "o"},
      {0xD8, 0xD8, "o"},
      {0xD9, 0xDC, "u"},
      {0xDD, 0xDD, "y"},
      {0xDE, 0xDE, "th"},
      {0xDF, 0xDF, "ss"},
      {0xE0, 0xE5, "a"},
      {0xE6, 0xE6, "ae"},
      {0xE7, 0xE7, "c"},
      {0xE8, 0xEB, "e"},
      {0xEC, 0xEF, "i"},
      {0xF0, 0xF0, "d"},
      {0xF1, 0xF1, "n"},
      {0xF2, 0xF6, "o"},
      {0xF8, 0xF8, "o"},
      {0xF9, 0xFC, "u"},
      {0xFD, 0xFD, "y"},
      {0xFE, 0xFE, "th"},
      {0xFF, 0xFF, "y"},
      // Latin Extended-A: each letter with its accented forms, upper and lower case together.
      {0x100, 0x105, "a"},
      {0x106, 0x10D, "c"},
      {0x10E, 0x111, "d"},
      {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"},
      {0x124, 0x127, "h"},
      {0x128, 0x131, "i"},
      {0x132, 0x133, "ij"},
      {0x134, 0x135, "j"},
      {0x136, 0x138, "k"},
      {0x139, 0x142, "l"},
      {0x143, 0x14B, "n"},
      {0x14C, 0x151, "o"},
      {0x152, 0x153, "oe"},
      {0x154, 0x159, "r"},
      {0x15A, 0x161, "s"},
      {0x162, 0x167, "t"},
      {0x168, 0x173, "u"},
      {0x174, 0x175, "w"},
      {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"},
      {0x17F, 0x17F, "s"},
  };
  for (const Range& range : kRanges) {
    if (code >= range.first && code <= range.last) return range.base;
  }
  return nullptr;
}

bool is_ascii_word_byte(unsigned char byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9');
}

// Calls `letter(folded)` for each letter or digit (folded to ASCII where it has a spelling, else
// its own bytes) and `separator(byte)` for every other ASCII character or Latin sign.
template <class Letter, class Separator>
void fold_each(std::string_view utf8, Letter letter, Separator separator) {
  for (std::size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      if (is_ascii_word_byte(byte)) {
        char lower = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a')
                                                  : static_cast<char>(byte);
        letter(std::string_view(&lower, 1));
      } else {
        separator(static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (i + length > utf8.size()) length = utf8.size() - i;
    if (length == 2) {
      std::uint32_t code =
          ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      if (const char* base = latin_base(code)) {
        letter(base);
        i += 2;
        continue;
      }
      if (code == 0xD7 || code == 0xF7) {  // the multiplication and division signs
        separator(' ');
        i += 2;
        continue;
      }
    }
    letter(utf8.substr(i, length));
    i += length;
  }
}

}  // namespace

std::string fold_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_each(
      utf8, [&](std::string_view folded) { out += folded; }, [&](char other) { out += other; });
  return out;
}

std::vector<std::string> folded_words(std::string_view utf8) {
  std::vector<std::string> words(1);
  fold_each(
      utf8, [&](std::string_view folded) { words.back() += folded; },
      [&](char) {
        if (!words.back().empty()) words.emplace_back();
      });
  if (words.back().empty()) words.pop_back();
  return words;
}

std::string folded_letters_and_digits(std::string_view utf8) {
  std::string out;
  fold_each(
      utf8, [&](std::string_view folded) { out += folded; }, [](char) {});
  return out;
}

std::size_t utf8_characters(std::string_view utf8) {
  std::size_t characters = 0;
  for (unsigned char byte : utf8) {
    if ((byte & 0xC0) != 0x80) ++characters;  // not a continuation byte
  }
  return characters;
}

}  // namespace rp
