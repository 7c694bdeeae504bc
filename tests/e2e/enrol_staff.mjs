// Finishes a staff user's enrolment over the API, as the enrolment page does, for the browser
// tests' staff user: the password, then the authenticator's first code. Prints the user's
// authenticator key in hex (what the tests compute codes from).
// The first code is the previous 30-second step's (the server allows one step of clock drift),
// so the current step stays unused for the tests' first sign-in.
//
// usage: node enrol_staff.mjs ENROLMENT_LINK PASSWORD
import { createHmac } from "node:crypto";

const [link, password] = process.argv.slice(2);
if (!link || !password) {
  console.error("usage: node enrol_staff.mjs ENROLMENT_LINK PASSWORD");
  process.exit(2);
}
const url = new URL(link);
const token = decodeURIComponent(url.hash.replace(/^#\/enrol\//, ""));

async function post(path, body) {
  const response = await fetch(new URL(path, url.origin), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** RFC 4648 base32 (no padding) to bytes. */
function fromBase32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of text.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238: HMAC-SHA1 over the 8-byte step, dynamic truncation, 6 digits. */
function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

const enrolment = await post("/api/v1/staff/auth/enrol", { token, password });
const key = fromBase32(enrolment.totp_secret);
const previous = Math.floor(Date.now() / 30_000) - 1;
await post("/api/v1/staff/auth/enrol/confirm", { token, code: totp(key, previous) });
console.log(key.toString("hex"));
