// The catalogue's live feed: new releases pushed over a WebSocket (/live)
// as the portal's indexer sees them, announced politely to screen readers.
"use strict";
(function () {
  const region = document.getElementById("live");
  if (!region || typeof WebSocket !== "function") return;
  const list = region.querySelector("ul");
  const status = region.querySelector(".live-status");
  let delay = 1000;
  function connect() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/live");
    ws.onopen = () => { delay = 1000; status.textContent = "Connected: new releases appear here as they are published."; region.hidden = false; };
    ws.onmessage = (ev) => {
      const r = JSON.parse(ev.data);
      const li = document.createElement("li");
      li.dataset.record = r.recordId;
      const a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.title + ", version " + r.version;
      li.append(a, " — " + r.department + ", " + r.level + ", " + r.status);
      list.prepend(li);
    };
    ws.onclose = () => {
      status.textContent = "Disconnected; reconnecting…";
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
