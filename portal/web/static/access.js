// The access form with an EIP-1193 wallet: the wallet signs and sends
// requestAccess (the portal holds no keys), then the page follows the
// request once the portal has indexed it. Without a wallet (or without
// JavaScript) the form shows the command to run instead.
"use strict";
(function () {
  const form = document.getElementById("access-form");
  const eth = window.ethereum;
  if (!form || !eth || typeof eth.request !== "function") return;
  const status = document.getElementById("access-status");
  document.getElementById("access-submit").textContent = "Request access with your wallet";
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const purpose = form.elements.purpose.value.trim();
    try {
      const q = "?purpose=" + encodeURIComponent(purpose);
      const resp = await fetch("/api/request-calldata/" + form.dataset.record + q);
      if (!resp.ok) throw new Error(await resp.text());
      const call = await resp.json();
      const [from] = await eth.request({ method: "eth_requestAccounts" });
      status.textContent = "Sending the request from " + from + "…";
      const tx = await eth.request({ method: "eth_sendTransaction", params: [{ from, to: call.to, data: call.data }] });
      status.textContent = "Sent in transaction " + tx + "; waiting for the portal to see it…";
      for (let i = 0; i < 120; i++) {
        const r = await fetch("/api/request?tx=" + tx);
        if (r.ok) { location.href = (await r.json()).url; return; }
        await new Promise((res) => setTimeout(res, 1000));
      }
      status.textContent = "Sent in transaction " + tx + "; the portal has not seen it yet: reload this page later.";
    } catch (e) {
      status.textContent = "The request was not sent: " + (e.message || e);
    }
  });
})();
