#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace rp::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    base_ = fs::temp_directory_path() /
            ("rp_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html>");
    write("favicon.svg", "<svg/>");
    write("assets/portal-9d1e2f.js", "console.log(1)");
    write("assets/portal-9d1e2f.js.br", "br");
    write("assets/portal-9d1e2f.js.gz", "gz");
    write("assets/portal-9d1e2f.css", "body{}");
    write("assets/portal-9d1e2f.css.gz", "gz");
    write(".env", "SECRET=1");
    std::ofstream(base_ / "secret.txt") << "outside the root";
  }
  ~StaticFilesTest() override { fs::remove_all(base_); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  static Request request_for(std::string path,
                             std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request;
    request.method = "GET";
    request.target = path;
    request.path = std::move(path);
    request.headers = std::move(headers);
    return request;
  }
  Response get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return StaticFiles(root_).serve(request_for(std::move(path), std::move(headers)));
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, RootServesIndexThatBrowsersRevalidate) {
  Response response = get("/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(fs::path(response.file_path), fs::canonical(root_ / "index.html"));
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(response.header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ExtensionlessUnknownPathFallsBackToIndexForTheClientRouter) {
  Response response = get("/accounts/1000-2345-6/usage");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(fs::path(response.file_path).filename(), "index.html");
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIs404) {
  Response response = get("/assets/portal-000000.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/problem+json");
}

TEST_F(StaticFilesTest, PrefersBrotliThenGzipAsTheClientAllows) {
  Response br = get("/assets/portal-9d1e2f.js", {{"accept-encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.header("Content-Encoding"), "br");
  EXPECT_TRUE(br.file_path.ends_with(".js.br"));
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(br.header("Vary"), "Accept-Encoding");

  Response gz = get("/assets/portal-9d1e2f.js", {{"accept-encoding", "gzip;q=0.8, br;q=0"}});
  EXPECT_EQ(gz.header("Content-Encoding"), "gzip");
  EXPECT_TRUE(gz.file_path.ends_with(".js.gz"));

  Response identity = get("/assets/portal-9d1e2f.js");
  EXPECT_EQ(identity.header("Content-Encoding"), "");
  EXPECT_TRUE(identity.file_path.ends_with(".js"));
  EXPECT_EQ(identity.header("Vary"), "Accept-Encoding");  // caches must key on it anyway

  Response wildcard = get("/assets/portal-9d1e2f.css", {{"accept-encoding", "*"}});
  EXPECT_EQ(wildcard.header("Content-Encoding"), "gzip");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableForAYear) {
  EXPECT_EQ(get("/assets/portal-9d1e2f.css").header("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/favicon.svg").header("Cache-Control"), "no-cache");
  EXPECT_EQ(get("/favicon.svg").content_type, "image/svg+xml");
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchAnswers304AndChangedFileDoesNot) {
  Response first = get("/assets/portal-9d1e2f.css");
  std::string etag(first.header("ETag"));
  ASSERT_FALSE(etag.empty());
  Response cached = get("/assets/portal-9d1e2f.css", {{"if-none-match", "\"other\", W/" + etag}});
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.file_path.empty());
  EXPECT_EQ(cached.header("ETag"), etag);

  write("assets/portal-9d1e2f.css", "body{color:red}");
  EXPECT_EQ(get("/assets/portal-9d1e2f.css", {{"if-none-match", etag}}).status, 200);
}

TEST_F(StaticFilesTest, CompressedVariantHasItsOwnEtag) {
  std::string plain(get("/assets/portal-9d1e2f.js").header("ETag"));
  std::string br(get("/assets/portal-9d1e2f.js", {{"accept-encoding", "br"}}).header("ETag"));
  EXPECT_NE(plain, br);
}

TEST_F(StaticFilesTest, TraversalAndHiddenFilesAre404) {
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/./index.html", "/.env",
                           "/assets\\..\\..\\secret.txt"}) {
    EXPECT_EQ(get(path).status, 404) << path;
  }
}

TEST_F(StaticFilesTest, SymlinkLeavingTheRootIs404) {
  fs::create_symlink(base_ / "secret.txt", root_ / "leak.txt");
  EXPECT_EQ(get("/leak.txt").status, 404);
}

TEST_F(StaticFilesTest, HandlesOnlyGetAndHeadOutsideTheApi) {
  StaticFiles files(root_);
  Request request;
  request.method = "GET";
  request.path = "/accounts";
  EXPECT_TRUE(files.handles(request));
  request.method = "HEAD";
  EXPECT_TRUE(files.handles(request));
  request.method = "POST";
  EXPECT_FALSE(files.handles(request));
  request.method = "GET";
  request.path = "/api/v1/accounts";
  EXPECT_FALSE(files.handles(request));
  request.path = "/api";
  EXPECT_FALSE(files.handles(request));
  request.path = "/apiary";
  EXPECT_TRUE(files.handles(request));
}

// Page data: the portal's page carries the visitor's JSON when the function answers.
class PageDataTest : public StaticFilesTest {
 protected:
  PageDataTest() {
    write("index.html",
          "<!doctype html><html><head><title>Portal</title></head><body></body></html>");
    write("index.html.gz", "gz");
  }
  Response get_with(PageData page_data, std::string path) {
    return StaticFiles(root_, std::move(page_data))
        .serve(request_for(std::move(path), {{"accept-encoding", "gzip"}}));
  }
};

TEST_F(PageDataTest, IsWrittenIntoThePortalPageBeforeTheEndOfHead) {
  for (std::string path : {"/", "/index.html", "/bills/41030"}) {
    Response response =
        get_with([](const Request&) { return std::string(R"({"me":{"name":"Ana"}})"); }, path);
    ASSERT_EQ(response.status, 200) << path;
    EXPECT_TRUE(response.file_path.empty()) << path;
    EXPECT_EQ(response.body,
              "<!doctype html><html><head><title>Portal</title>"
              "<script type=\"application/json\" id=\"page-data\">{\"me\":{\"name\":\"Ana\"}}"
              "</script>\n</head><body></body></html>")
        << path;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(response.header("Cache-Control"), "no-store") << "the page is this visitor's alone";
    EXPECT_EQ(response.header("Content-Encoding"), "");
    EXPECT_EQ(response.header("ETag"), "");
  }
}

TEST_F(PageDataTest, CannotEndTheScriptElement) {
  Response response = get_with(
      [](const Request&) { return std::string(R"({"name":"</script><script>alert(1)<!--"})"); },
      "/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("</script><script>"), std::string::npos);
  EXPECT_NE(response.body.find(R"({"name":"\u003c/script>\u003cscript>alert(1)\u003c!--"})"),
            std::string::npos);
  EXPECT_EQ(json_for_script_element("a<b"), "a\\u003cb");
}

TEST_F(PageDataTest, WithoutAnAnswerThePageIsTheFileAsBuilt) {
  Response response = get_with([](const Request&) { return std::optional<std::string>(); }, "/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(fs::path(response.file_path), fs::canonical(root_ / "index.html.gz"));
  EXPECT_EQ(response.header("Cache-Control"), "no-cache");
}

TEST_F(PageDataTest, IsAskedOnlyForThePortalPage) {
  int asked = 0;
  auto counting = [&asked](const Request&) {
    ++asked;
    return std::optional<std::string>("{}");
  };
  EXPECT_FALSE(get_with(counting, "/favicon.svg").file_path.empty());
  EXPECT_FALSE(get_with(counting, "/assets/portal-9d1e2f.js").file_path.empty());
  EXPECT_EQ(asked, 0);
  EXPECT_TRUE(get_with(counting, "/usage").file_path.empty());
  EXPECT_EQ(asked, 1);
}

TEST_F(PageDataTest, APageWithoutHeadIsSentAsBuilt) {
  write("index.html", "<p>no head</p>");
  Response response =
      get_with([](const Request&) { return std::optional<std::string>("{}"); }, "/");
  ASSERT_EQ(response.status, 200);
  EXPECT_FALSE(response.file_path.empty());
}

}  // namespace
}  // namespace rp::http
