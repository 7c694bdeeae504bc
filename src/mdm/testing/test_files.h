#pragma once
// Test support: the files meter data tests read, the small hand-made ones in src/mdm/testdata and
// the published Green Button sample in tests/data/greenbutton (RATEPAYER_TEST_DATA, the
// repository's tests/data, set by src/mdm/CMakeLists.txt). Header-only, so the pure tests use it
// without linking the database.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rp::mdm::testing {

// The whole file; a test failure (and "") when it cannot be read.
inline std::string read_test_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing test file " << path;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A file of src/mdm/testdata.
inline std::string testdata(const std::string& name) {
  return read_test_file(std::filesystem::path(__FILE__).parent_path().parent_path() / "testdata" /
                        name);
}

#ifdef RATEPAYER_TEST_DATA
// The Green Button Alliance's published sample (Apache-2.0, tests/data/greenbutton/README.md):
// 14 days of 15-minute kWh.
inline const std::filesystem::path kGreenButtonSample =
    std::filesystem::path(RATEPAYER_TEST_DATA) / "greenbutton" / "espi_15min_electric_sample.xml";
#endif

}  // namespace rp::mdm::testing
