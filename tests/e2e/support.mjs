// What the browser test files share: the environment, the browser and its pages, the generated
// database read with sqlite3, the utility's clocks and dates and windows as the pages write them,
// the API key, the loopback SMTP server's and SMS provider's folders, customer sign-up through the emailed link,
// authenticator codes, staff users of a file's own signed in to the console, and a camera's photo
// drawn for a page to shrink and send.
//
// Nothing here reads the environment when imported (enrol_staff.mjs imports it with none set):
// each helper reads what it needs when called.
//
// node --test runs the files of this folder side by side, each in a process of its own. The server
// takes each 30-second step's code once per staff user, so a file that signs staff in uses a staff
// user of its own (ownStaffUser); only staff_console.test.mjs signs in RATEPAYER_STAFF_EMAIL.
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";

const require = createRequire(import.meta.url);

// ---- the environment ------------------------------------------------------------------------

/** The value of environment variable `name`; throws, naming the test file, when it is unset or empty. */
export function required(name) {
  const value = process.env[name];
  if (!value) {
    const file = process.argv[1] ? basename(process.argv[1]) : "the test file";
    throw new Error(`${name} is not set (see the top of ${file})`);
  }
  return value;
}

/** RATEPAYER_BASE_URL without a trailing slash. */
export const baseUrl = () => required("RATEPAYER_BASE_URL").replace(/\/+$/, "");

/** Where screenshots go: RATEPAYER_E2E_ARTIFACTS, or /tmp. */
export const artifactsDir = () => process.env.RATEPAYER_E2E_ARTIFACTS || "/tmp";

/** The server's binary: RATEPAYER_BIN, or build/ratepayer of this checkout. */
export const ratepayerBin = () => process.env.RATEPAYER_BIN || fileURLToPath(new URL("../../build/ratepayer", import.meta.url));

// ---- the browser and its pages --------------------------------------------------------------

/** Debian's chromium (never a downloaded browser); Playwright gives each launch a fresh profile. */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A phone: 412x823 CSS pixels. No bypassCSP anywhere: pages run under the server's policy. */
export const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-US" };
/** A desktop screen. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: "en-US" };

/** Makes the artifacts folder, then launches CHROMIUM headless with CHROMIUM_ARGS (`chromium` is playwright-core's). */
export async function launchBrowser(chromium) {
  await mkdir(artifactsDir(), { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page in a new context of `browser` for `device` (plus `options`, e.g. storageState), closed
 * after test `t`, waiting 10 s at most for anything. `errors` collects uncaught exceptions
 * ("pageerror: ...") and console errors other than "Failed to load resource" (a 401 or 404 a page
 * expects and words itself).
 */
export async function openPage(browser, t, device = PHONE, options = {}) {
  const context = await browser.newContext({ ...device, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { page, context, errors };
}

/** The WCAG 2.1 A and AA violations axe-core finds on the page, one line each ([] when none). */
export async function runAxe(page) {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/**
 * photograph(page, locator, name), for screenshots named `${prefix}-${name}.png`: asserts nothing
 * is wider than the screen and axe finds nothing (runAxe), then photographs the part.
 */
export function photographer(prefix) {
  return async (page, locator, name) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`);
    assert.deepEqual(await runAxe(page), [], `WCAG 2.1 AA violations on ${name}`);
    await locator.scrollIntoViewIfNeeded();
    await locator.screenshot({ path: join(artifactsDir(), `${prefix}-${name}.png`) });
  };
}

/** Switches the portal to `language` ("en" or "es") with its language button, if not in it already. */
export async function inLanguage(page, language) {
  const other = language === "es" ? "Español" : "English";
  const button = page.getByRole("button", { name: other, exact: true });
  if (await button.count()) await button.first().click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

// ---- the generated database (RATEPAYER_E2E_DB), read with the sqlite3 CLI ---------------------

/** What the sqlite3 CLI prints for `query` on RATEPAYER_E2E_DB (rows by line, columns by "|"), trimmed. */
export async function sql(query) {
  return (await promisify(execFile)("sqlite3", [required("RATEPAYER_E2E_DB"), query])).stdout.trim();
}

// ---- the utility's clocks, and words as the pages write them -----------------------------------

/** Text as it reads, whatever spaces Intl put in ("8:00 AM" has a narrow no-break space). */
export const plain = (text) => (text ?? "").replace(/[\s\u202f\u2009\u00a0]+/g, " ").trim();

/** The day it is on the clocks of time zone `zone`, and `days` later: "2026-12-07". */
export function dayIn(zone, days = 0) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date as the portal writes it: "Dec 8, 2026" / "8 dic 2026". */
export const dayWords = (day, locale = "en-US") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** The day and the next whole hour (22:00 at the latest) on the clocks of `zone`, as the date and time fields take them. */
export function nowIn(zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" })
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  const hour = Math.min(Number(part("hour")) + 1, 22);
  return { day: `${part("year")}-${part("month")}-${part("day")}`, from: `${String(hour).padStart(2, "0")}:00` };
}

/** A window as the portal writes it on the utility's clocks: "Tue, Dec 8, 2026, 8:00 AM – 12:00 PM PST". */
export function windowWords(start, end, zone, locale = "en-US") {
  return plain(new Intl.DateTimeFormat(locale, {
    weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit",
    timeZoneName: "short", timeZone: zone,
  }).formatRange(new Date(start), new Date(end)));
}

/** Calls `check` every 200 ms until it answers true; fails saying `what` after `timeoutMs`. */
export async function assertEventually(check, what, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    assert.ok(Date.now() < until, what);
    await sleep(200);
  }
}

// ---- the API key (RATEPAYER_STAFF_KEY: an administrator's, outside any page) ------------------

/**
 * A request as the API key: { status, body } (body parsed from JSON, null when empty). A 503
 * "overloaded" (the server refused it before doing anything: docs/operations.md, "Overload") is
 * sent again after its Retry-After, up to 4 times, as the portal and the console do: the browser
 * tests share two cores with the server, and a well-behaved client retries.
 */
export async function asApiKey(method, path, body, headers = {}) {
  const key = process.env.RATEPAYER_STAFF_KEY;
  assert.ok(key, "RATEPAYER_STAFF_KEY is set (an administrator's API key)");
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    const overloaded = res.status === 503 && String(parsed?.type ?? "").endsWith("/overloaded");
    if (overloaded && attempt <= 4) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Math.max(1, Number(res.headers.get("retry-after")) || 1)));
      continue;
    }
    return { status: res.status, body: parsed };
  }
}

/** The answer to a request as the API key, asserted to be 200. */
export async function apiKey(method, path, body) {
  const answer = await asApiKey(method, path, body);
  assert.equal(answer.status, 200, `${method} ${path} as the API key: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** GET as the API key, asserted to be 200. */
export const apiKeyGet = (path) => apiKey("GET", path);

/**
 * Every account the staff search finds by the first two digits of `number`'s ZIP (its service
 * address's, else its mailing address's: the generator puts every account in one state), a page
 * of 100 at a time, until about `most` are found. `get(path)` gives the JSON of a GET that must
 * succeed (as the API key, or with a page's session). Returns { q, accounts } (in the search's order).
 */
export async function accountsInZipArea(get, number, most) {
  const detail = await get(`/api/v1/staff/accounts/${number}`);
  const q = (detail.service_address ?? detail.mailing_address).zip.slice(0, 2);
  const found = new Map();
  let cursor = null;
  do {
    const params = new URLSearchParams({ q, limit: "100" });
    if (cursor) params.set("cursor", cursor);
    const answer = await get(`/api/v1/staff/accounts?${params}`);
    for (const a of answer.items) found.set(a.account_number, a);
    cursor = answer.next_cursor;
  } while (cursor && found.size < most);
  return { q, accounts: [...found.values()] };
}

// ---- mail and texts (the loopback SMTP server's RATEPAYER_E2E_MAIL_DIR, the SMS provider's
// RATEPAYER_E2E_TEXT_DIR: numbered files, a larger number newer) ---------------------------------

/** The emails to `to` after email number `after`, oldest first, whose text matches `pattern`. */
export async function emailsTo(to, pattern, after = 0) {
  const dir = required("RATEPAYER_E2E_MAIL_DIR");
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".eml") && parseInt(n) > after);
  names.sort((a, b) => parseInt(a) - parseInt(b));
  const found = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), "utf8");
    if (text.includes(`X-Envelope-To: ${to}`) && pattern.test(text)) found.push(text);
  }
  return found;
}

/** The number of the newest email (0 when none): pass it as `after` to see only later ones. */
export async function lastMailNumber() {
  const names = (await readdir(required("RATEPAYER_E2E_MAIL_DIR")).catch(() => [])).filter((n) => n.endsWith(".eml"));
  return Math.max(0, ...names.map((n) => parseInt(n)));
}

/** The texts (the provider's JSON: to, body, ...) for `to` (E.164), oldest first, whose body matches `pattern`. */
export async function textsTo(to, pattern) {
  const dir = required("RATEPAYER_E2E_TEXT_DIR");
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".json"));
  names.sort((a, b) => parseInt(a) - parseInt(b));
  const found = [];
  for (const name of names) {
    const text = JSON.parse(await readFile(join(dir, name), "utf8"));
    if (text.to === to && pattern.test(text.body)) found.push(text);
  }
  return found;
}

/**
 * Calls `look` every 250 ms until it finds something (a non-empty array), and returns that; fails
 * naming `what` after `timeout` ms (the server's notices pass runs every 2 s).
 */
export async function arrives(look, what, { timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = await look();
    if (found.length > 0) return found;
    await sleep(250);
  }
  assert.fail(`${what} did not arrive`);
}

/** The newest email to `to` (after email number `after`) matching `pattern`, waited for: { text, match }. */
export async function newestEmailTo(to, pattern, after = 0, { timeout = 20_000 } = {}) {
  const [text] = await arrives(async () => (await emailsTo(to, pattern, after)).reverse(), `an email to ${to} matching ${pattern}`, { timeout });
  return { text, match: text.match(pattern)[0] };
}

/** The newest text to `to` matching `pattern`, waited for: { body, match }. */
export async function newestTextTo(to, pattern, { timeout = 20_000 } = {}) {
  const [text] = await arrives(async () => (await textsTo(to, pattern)).reverse(), `a text to ${to} matching ${pattern}`, { timeout });
  return { body: text.body, match: text.body.match(pattern)[0] };
}

// ---- customers ----------------------------------------------------------------------------

/**
 * Signs up as a customer whose email the utility has on file: the email, the service address as
 * the bill prints it (the unit too, at an apartment) and its ZIP, then the emailed link and
 * `password`. `account` is { email, address: { line1, line2, zip } }. Ends signed in on Home.
 */
export async function signUpByEmail(page, account, password) {
  await page.goto(`${baseUrl()}/register`);
  await page.getByLabel("Email").fill(account.email);
  const street = [account.address.line1, account.address.line2].filter(Boolean).join(", ");
  await page.getByLabel("Service address (number and street)").fill(street);
  await page.getByLabel("ZIP code").fill(account.address.zip);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
  const { match: link } = await newestEmailTo(account.email, /https?:\/\/\S+\/verify\?token=\S+/);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
}

// ---- authenticator codes --------------------------------------------------------------------

/** The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for key bytes `key` at time step `step`. */
export function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** An RFC 4648 base32 key as a server or page gives it ("JBSW Y3DP ...", any case, padded or not) -> bytes. */
export function base32Bytes(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of text.replace(/[\s=]/g, "").toUpperCase()) {
    const v = alphabet.indexOf(c);
    assert.ok(v >= 0, `'${c}' is not base32`);
    bits += v.toString(2).padStart(5, "0");
  }
  return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}

/** The current 30-second step. */
export const stepNow = () => Math.floor(Date.now() / 30_000);

const lastStep = new Map(); // key (hex) -> the last step whose code freshCode gave in this process

/**
 * The code for `key` of a step this process has not used for it, not within 3 s of the step's end
 * (so the server still sees the same step): waits for the next step when it must.
 */
export async function freshCode(key) {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const left = (step + 1) * 30_000 - now;
    if (step > (lastStep.get(key.toString("hex")) ?? -1) && left > 3_000) {
      lastStep.set(key.toString("hex"), step);
      return totp(key, step);
    }
    await sleep(left + 250);
  }
}

// ---- staff users --------------------------------------------------------------------------

/**
 * Finishes an enrolment over the API, as the enrolment page does: `password`, then the previous
 * step's code (the server allows one step of drift), so the current step stays unused for the
 * first sign-in. `link` is what `ratepayer staff add` prints. Returns the authenticator key (bytes).
 */
export async function enrolOverApi(link, password) {
  const url = new URL(link);
  const token = decodeURIComponent(url.hash.replace(/^#\/enrol\//, ""));
  const post = async (path, body) => {
    const res = await fetch(new URL(path, url.origin), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const text = await res.text();
    assert.ok(res.ok, `${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const enrolment = await post("/api/v1/staff/auth/enrol", { token, password });
  const key = base32Bytes(enrolment.totp_secret);
  lastStep.set(key.toString("hex"), stepNow() - 1);
  await post("/api/v1/staff/auth/enrol/confirm", { token, code: totp(key, stepNow() - 1) });
  return key;
}

/**
 * A staff user of the calling file's own, with `role` (administrator unless given): added with
 * `ratepayer staff add` on RATEPAYER_E2E_DB (ratepayerBin()) and enrolled over the API
 * (enrolOverApi). `tag` starts its email (`${tag}.<random>@utility.example`). Returns
 * { email, password, name, key }.
 */
export async function ownStaffUser({ tag, name, role = "administrator" }) {
  const email = `${tag}.${randomBytes(4).toString("hex")}@utility.example`;
  const password = `${tag} e2e passphrase ${randomBytes(4).toString("hex")}`;
  const { stdout } = await promisify(execFile)(
    ratepayerBin(),
    ["staff", "add", "--db", `sqlite:${required("RATEPAYER_E2E_DB")}`, "--email", email, "--name", name, "--role", role],
    { env: { ...process.env, RATEPAYER_PORTAL_PUBLIC_URL: baseUrl(), RATEPAYER_LOG_LEVEL: "warn" } },
  );
  const link = stdout.trim().split("\n").pop();
  return { email, password, name, key: await enrolOverApi(link, password) };
}

/**
 * Signs `user` ({ email, password, key }) in on the console's sign-in page (opened here) with a
 * fresh code; asserts the server takes it (200) and waits for the console's search. Returns the
 * login answer.
 */
export async function signInToConsole(page, user) {
  await page.goto(`${baseUrl()}/staff.html`);
  await page.getByRole("heading", { level: 1, name: "Sign in", exact: true }).waitFor();
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(await freshCode(user.key));
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff/auth/login"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const login = await answer;
  assert.equal(login.status(), 200, `staff user ${user.email} signs in`);
  await page.getByRole("searchbox", { name: "Search accounts" }).waitFor();
  return login;
}

/**
 * consolePage(browser, t, device, options): an openPage on `device` signed in to the console
 * (signInToConsole) as a staff user of the calling file's own, ownStaffUser(`spec`), made at the
 * first call and kept for the later ones. Returns what openPage does.
 */
export function ownStaffConsole(spec) {
  let user = null;
  return async (browser, t, device, options) => {
    user ??= ownStaffUser(spec);
    const opened = await openPage(browser, t, device, options);
    await signInToConsole(opened.page, await user);
    return opened;
  };
}

// ---- photos ----------------------------------------------------------------------------------

/**
 * A photo as a phone's camera makes one, drawn on a canvas in `page` (no image is kept in the
 * repository): `width` x `height` PNG pixels, a dial's digits `digits` on a gradient, and a band
 * of noise so that the file is larger than the server's 1 MB body limit (the pages must shrink
 * it). Written to a new temporary folder; returns its path.
 */
export async function cameraPhoto(page, { digits = "018342", width = 3000, height = 2000 } = {}) {
  const dataUrl = await page.evaluate(({ digits, width, height }) => {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const c = canvas.getContext("2d");
    const sky = c.createLinearGradient(0, 0, width, height);
    sky.addColorStop(0, "#dfe7ef");
    sky.addColorStop(1, "#59636e");
    c.fillStyle = sky;
    c.fillRect(0, 0, width, height);
    const band = c.createImageData(width, Math.round(height / 4));
    for (let i = 0; i < band.data.length; i++) band.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    c.putImageData(band, 0, height - band.height);
    c.fillStyle = "#111";
    c.fillRect(width * 0.2, height * 0.3, width * 0.6, height * 0.25);
    c.fillStyle = "#f4f4f4";
    c.font = `bold ${Math.round(height * 0.18)}px monospace`;
    c.textAlign = "center";
    c.textBaseline = "middle";
    c.fillText(digits, width / 2, height * 0.425);
    return canvas.toDataURL("image/png");
  }, { digits, width, height });
  const path = join(await mkdtemp(join(tmpdir(), "ratepayer-photo-")), `IMG_${digits}.png`);
  await writeFile(path, Buffer.from(dataUrl.split(",")[1], "base64"));
  return path;
}
