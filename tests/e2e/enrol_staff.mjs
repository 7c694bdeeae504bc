// Finishes a staff user's enrolment over the API, as the enrolment page does, for the browser
// tests' staff user: the password, then the authenticator's first code. Prints the user's
// authenticator key in hex (what the tests compute codes from).
// The first code is the previous 30-second step's (the server allows one step of clock drift),
// so the current step stays unused for the tests' first sign-in.
//
// usage: node enrol_staff.mjs ENROLMENT_LINK PASSWORD
import { enrolOverApi } from "./support.mjs";

const [link, password] = process.argv.slice(2);
if (!link || !password) {
  console.error("usage: node enrol_staff.mjs ENROLMENT_LINK PASSWORD");
  process.exit(2);
}
console.log((await enrolOverApi(link, password)).toString("hex"));
