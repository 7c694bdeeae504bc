#include "billing/document/testing/poppler.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>

namespace rp::billing::document::testing {

namespace fs = std::filesystem;

namespace {

// A scratch file for this test process (ctest runs each test in its own process).
fs::path write_temp_pdf(const std::string& pdf, const std::string& name) {
  const fs::path path =
      fs::temp_directory_path() / ("ratepayer-" + name + "-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  return path;
}

struct CommandOutput {
  int exit_code = -1;
  std::string out;
};

CommandOutput run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    result.out.append(buffer, n);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

std::filesystem::path artifacts_directory() {
  const char* configured = std::getenv("RATEPAYER_TEST_ARTIFACTS");
  fs::path directory = configured && *configured
                           ? fs::path(configured)
                           : fs::temp_directory_path() / "ratepayer-artifacts";
  fs::create_directories(directory);
  return directory;
}

// Runs a poppler-utils tool; a missing tool fails the test with what to install.
std::string poppler(const std::string& tool, const std::string& arguments) {
  const CommandOutput output = run(tool + " " + arguments);
  EXPECT_NE(output.exit_code, 127) << tool << " is not installed: these tests read the PDF back "
                                   << "with poppler-utils (apt-get install poppler-utils)";
  EXPECT_EQ(output.exit_code, 0) << tool << " " << arguments << " failed:\n" << output.out;
  return output.out;
}

std::string pdf_text(const std::string& pdf, const std::string& name) {
  const fs::path path = write_temp_pdf(pdf, name);
  std::string text = poppler("pdftotext", "-layout '" + path.string() + "' -");
  fs::remove(path);
  return text;
}

int page_count(const std::string& pdf) {
  const fs::path path = write_temp_pdf(pdf, "pages");
  const std::string info = poppler("pdfinfo", "'" + path.string() + "'");
  fs::remove(path);
  std::smatch match;
  if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) return 0;
  return std::stoi(match[1]);
}

}  // namespace rp::billing::document::testing
