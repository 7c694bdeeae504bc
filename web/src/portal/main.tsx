import { render } from "preact";
import "../shared/base.css";
import "./portal.css";

// Customer portal landing page. The portal's capabilities (balance, bills, payments, usage,
// outages, service requests) arrive here as the server grows them.
function Portal() {
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <span class="brand">Ratepayer</span>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Your utility account, online</h1>
        <p>
          The customer portal is coming soon. From your phone or computer you will be able to see
          your balance, view and download bills, pay, watch your usage, report an outage and
          request service, without calling.
        </p>
        <p>Until then, please contact your utility's customer service for help with your account.</p>
        <section class="staff-note" aria-labelledby="staff-heading">
          <h2 id="staff-heading">Utility staff</h2>
          <p>
            <a href="/staff.html">Open the staff console</a> to look up customer accounts.
          </p>
        </section>
      </main>
    </>
  );
}

render(<Portal />, document.getElementById("app")!);
