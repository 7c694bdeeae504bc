// Portal paths (src/portal/router.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  billPath,
  isPublic,
  isSignedOutOnly,
  matchRoute,
  navSection,
  needsAccount,
  queryParam,
  safeNext,
  signInPath,
} from "../.test-build/portal/router.js";

test("each path opens its page", () => {
  const pages = {
    "/": "dashboard", "/bills": "bills", "/pay": "pay", "/autopay": "autopay", "/payments": "payments",
    "/arrangements": "arrangements", "/usage": "usage", "/settings": "settings", "/register": "register",
    "/check-email": "check-email", "/forgot-password": "forgot-password",
  };
  for (const [path, page] of Object.entries(pages)) assert.equal(matchRoute(path).page, page, path);
});

test("a trailing slash is the same page", () => {
  assert.equal(matchRoute("/bills/").page, "bills");
  assert.deepEqual(matchRoute("/bills/1042/"), { page: "bill", bill: "1042" });
});

test("a bill's page takes its number; anything else under /bills is not found", () => {
  assert.deepEqual(matchRoute("/bills/1042"), { page: "bill", bill: "1042" });
  assert.equal(matchRoute("/bills/abc").page, "not-found");
  assert.equal(matchRoute("/bills/1042/extra").page, "not-found");
  assert.deepEqual(matchRoute("/nowhere"), { page: "not-found", path: "/nowhere" });
  assert.equal(billPath(1042), "/bills/1042");
});

test("the email links carry their token", () => {
  assert.deepEqual(matchRoute("/verify", "?token=abc123"), { page: "verify", token: "abc123" });
  assert.deepEqual(matchRoute("/reset-password", "?token=a%2Bb&x=1"), { page: "reset-password", token: "a+b" });
  assert.deepEqual(matchRoute("/verify", ""), { page: "verify", token: "" });
});

test("queryParam reads one value, decoded", () => {
  assert.equal(queryParam("?a=1&b=two%20words", "b"), "two words");
  assert.equal(queryParam("a=1", "a"), "1");
  assert.equal(queryParam("?a", "a"), "");
  assert.equal(queryParam("?a=1", "b"), null);
  assert.equal(queryParam("?a=%E0%A4%A", "a"), "%E0%A4%A");
});

test("sign-in returns only to a path of this site", () => {
  assert.deepEqual(matchRoute("/sign-in", "?next=%2Fbills%2F12"), { page: "sign-in", next: "/bills/12" });
  for (const bad of ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "", null, "/sign-in", "/sign-in?next=/"]) {
    assert.equal(safeNext(bad), "/", String(bad));
  }
  assert.equal(safeNext("/usage?x=1"), "/usage?x=1");
  assert.equal(signInPath("/pay"), "/sign-in?next=%2Fpay");
  assert.equal(signInPath("/"), "/sign-in");
  assert.equal(signInPath("//evil.example"), "/sign-in");
});

test("signed-in pages are not public; sign-in and register are for signed-out visitors", () => {
  for (const path of ["/", "/bills", "/bills/3", "/pay", "/autopay", "/payments", "/arrangements", "/usage", "/settings"]) {
    assert.equal(isPublic(matchRoute(path)), false, path);
  }
  for (const path of ["/sign-in", "/register", "/check-email", "/verify", "/forgot-password", "/reset-password", "/not-me",
    "/claim-by-text", "/unsubscribe", "/x"]) {
    assert.equal(isPublic(matchRoute(path)), true, path);
  }
  assert.equal(isSignedOutOnly(matchRoute("/sign-in")), true);
  assert.equal(isSignedOutOnly(matchRoute("/verify")), false);
  assert.equal(isSignedOutOnly(matchRoute("/reset-password")), false);
  // The "this wasn't me" link works whoever is signed in, or nobody.
  assert.equal(isSignedOutOnly(matchRoute("/not-me")), false);
  // So does the link texted to the phone on file.
  assert.equal(isSignedOutOnly(matchRoute("/claim-by-text")), false);
  // And an email's unsubscribe link.
  assert.equal(isSignedOutOnly(matchRoute("/unsubscribe")), false);
});

test("an email's unsubscribe link carries its token, and needs no account", () => {
  assert.deepEqual(matchRoute("/unsubscribe", "?token=uNs-7%2Bq"), { page: "unsubscribe", token: "uNs-7+q" });
  assert.deepEqual(matchRoute("/unsubscribe/", ""), { page: "unsubscribe", token: "" });
  assert.equal(needsAccount(matchRoute("/unsubscribe", "?token=x")), false);
});

test("the \"this wasn't me\" link carries its token", () => {
  assert.deepEqual(matchRoute("/not-me", "?token=n0t-m3"), { page: "not-me", token: "n0t-m3" });
  assert.deepEqual(matchRoute("/not-me", ""), { page: "not-me", token: "" });
});

test("the link texted to the phone on file carries its token", () => {
  assert.deepEqual(matchRoute("/claim-by-text", "?token=t3xt-l1nk"), { page: "claim-by-text", token: "t3xt-l1nk" });
  assert.deepEqual(matchRoute("/claim-by-text/", "?token=abc%2Bdef"), { page: "claim-by-text", token: "abc+def" });
  assert.deepEqual(matchRoute("/claim-by-text", ""), { page: "claim-by-text", token: "" });
});

test("the pages of one account need one; settings and the public pages do not", () => {
  for (const path of ["/", "/bills", "/bills/3", "/pay", "/autopay", "/payments", "/arrangements", "/usage"]) {
    assert.equal(needsAccount(matchRoute(path)), true, path);
  }
  for (const path of ["/settings", "/sign-in", "/register", "/verify", "/not-me", "/claim-by-text", "/x"]) {
    assert.equal(needsAccount(matchRoute(path)), false, path);
  }
});

test("the menu marks the section a page belongs to", () => {
  assert.equal(navSection(matchRoute("/bills/7")), "bills");
  assert.equal(navSection(matchRoute("/autopay")), "pay");
  assert.equal(navSection(matchRoute("/arrangements")), "payments");
  assert.equal(navSection(matchRoute("/usage")), "usage");
});
