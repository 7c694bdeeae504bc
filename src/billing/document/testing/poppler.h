#pragma once
// Test support: a rendered PDF read back the way a customer's viewer would, with poppler-utils.
// A missing tool fails the test with what to install (the tests would otherwise prove nothing).

#include <filesystem>
#include <string>

namespace rp::billing::document::testing {

// Runs `tool arguments` (a poppler-utils tool) and returns what it printed; a failure fails the
// test.
std::string poppler(const std::string& tool, const std::string& arguments);

// The PDF's text laid out as on the page (pdftotext -layout).
std::string pdf_text(const std::string& pdf, const std::string& name);

// How many pages the PDF has (pdfinfo); 0 when it cannot be read.
int page_count(const std::string& pdf);

// Where page images for a person to review go: $RATEPAYER_TEST_ARTIFACTS, else
// <tmp>/ratepayer-artifacts (created).
std::filesystem::path artifacts_directory();

}  // namespace rp::billing::document::testing
