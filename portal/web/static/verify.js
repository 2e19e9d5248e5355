// Verify in the browser: the file's sha256 and its released root (the
// project's record-format code, compiled to WebAssembly) against the values
// of the registry's Published event, and the proof against the verifier
// contract (eth_call). Every chain value is read through the portal's
// read-only JSON-RPC proxy; the portal's own index is not trusted.
"use strict";
(function () {
  const section = document.getElementById("verify");
  if (!section || typeof WebAssembly !== "object" || typeof Go !== "function") return;
  const button = document.getElementById("verify-button");
  const list = document.getElementById("verify-result");
  const summary = document.getElementById("verify-summary");
  const fileInput = document.getElementById("verify-file");
  const recordId = section.dataset.record;
  button.hidden = false;

  let ready = null;
  function loadWasm() {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      document.addEventListener("sovereign-verify-ready", () => resolve(window.sovereignVerify), { once: true });
      const go = new Go();
      WebAssembly.instantiateStreaming(fetch("/static/verify.wasm"), go.importObject)
        .then((r) => { go.run(r.instance); })
        .catch((e) => reject(new Error("the verifier's WebAssembly did not load (" + e.message + "); a portal built by make serves it")));
    });
    return ready;
  }

  function call(fn, ...args) {
    const r = fn(...args);
    if (r.error) throw new Error(r.error);
    return r.ok;
  }

  let rpcID = 0;
  async function rpc(url, method, params) {
    const resp = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcID, method, params }),
    });
    const body = await resp.json();
    if (body.error) throw new Error(method + ": " + body.error.message);
    return body.result;
  }

  function line(name, ok, detail) {
    const li = document.createElement("li");
    li.className = ok ? "ok" : "fail";
    li.dataset.check = name;
    const b = document.createElement("strong");
    b.textContent = name + (ok ? ": passed" : ": FAILED");
    li.append(b, " — " + detail);
    list.append(li);
    return ok;
  }

  async function fileBytes(info) {
    if (fileInput && fileInput.files && fileInput.files.length) {
      return { bytes: new Uint8Array(await fileInput.files[0].arrayBuffer()), from: "your file " + fileInput.files[0].name };
    }
    const resp = await fetch(info.download);
    if (!resp.ok) throw new Error("download: " + resp.status + " " + (await resp.text()));
    return { bytes: new Uint8Array(await resp.arrayBuffer()), from: "the portal's download" };
  }

  async function verify() {
    list.replaceChildren();
    summary.className = "";
    summary.textContent = "Verifying…";
    button.disabled = true;
    let failed = 0;
    try {
      const [sv, info] = await Promise.all([loadWasm(), fetch("/api/verify/" + recordId).then((r) => r.json())]);
      const blk = "0x" + Number(info.block).toString(16);
      const logs = await rpc(info.rpc, "eth_getLogs", [{ address: info.registry, topics: [sv.publishedTopic, recordId], fromBlock: blk, toBlock: blk }]);
      const log = (logs || []).find((l) => !l.removed && l.address.toLowerCase() === info.registry.toLowerCase());
      if (!log) throw new Error("the public chain has no Published event of record " + recordId + " in block " + info.block);
      const pub = call(sv.decodePublished, log.topics, log.data);
      line("published values", true, "read from the registry's Published event in public block " + parseInt(log.blockNumber, 16) + " (tx " + log.transactionHash + ")");
      const relays = await rpc(info.rpc, "eth_getLogs", [{ address: info.bridge, topics: [sv.relayedTopic], fromBlock: log.blockNumber, toBlock: log.blockNumber }]);
      const relay = (relays || []).filter((l) => !l.removed && l.address.toLowerCase() === info.bridge.toLowerCase())
        .map((l) => call(sv.decodeRelayed, l.topics, l.data)).find((r) => r.kind === 0 && r.subject === recordId.toLowerCase());
      if (!line("relay", !!relay, relay ? "carried by the bridge " + info.bridge + " from certified consortium block " + relay.number + " (" + relay.blockHash + ", receipt " + relay.receiptIndex + ", log " + relay.logIndex + ")"
        : "no Relayed event of the bridge " + info.bridge + " for this record in the publishing block")) failed++;
      if (info.hasContent) {
        const f = await fileBytes(info);
        const hash = call(sv.sha256, f.bytes);
        if (!line("content hash", hash === pub.contentHash, "sha256 of " + f.from + " (" + f.bytes.length + " bytes) is " + hash + (hash === pub.contentHash ? "" : ", the registry's contentHash is " + pub.contentHash))) failed++;
        let root = "";
        try { root = call(sv.releasedRoot, f.bytes); } catch (e) { root = "not computable: " + e.message; }
        if (!line("released root", root === pub.releasedRoot, "recomputed from the released columns: " + root + (root === pub.releasedRoot ? "" : ", the registry's releasedRoot is " + pub.releasedRoot))) failed++;
      } else {
        line("content", true, "skipped: this record has no public content (sensitive or shredded)");
      }
      if (!info.proof) {
        failed++;
        line("proof", false, "the portal has no proof of this record (it reads proofs from the consortium's ReviewBoard)");
      } else {
        const policy = await rpc(info.rpc, "eth_call", [{ to: info.registry, data: sv.policyCall }, "latest"]);
        const data = call(sv.verifierCall, info.proof, pub, policy);
        // the verifier of the release's own version, as the registry has it registered
        const ver = call(sv.decodeVerifierOf, await rpc(info.rpc, "eth_call", [{ to: info.registry, data: call(sv.verifierOfCall, pub.verifierVersion) }, "latest"]));
        if (!ver.verifier) {
          failed++;
          line("proof", false, "no verifier of version " + pub.verifierVersion + " is registered on the public registry yet");
        } else {
          try {
            await rpc(info.rpc, "eth_call", [{ to: ver.verifier, data }, "latest"]);
            line("proof", true, "accepted by verifier version " + pub.verifierVersion + ", " + ver.verifier + ", on the public chain for the registry's public inputs");
          } catch (e) {
            failed++;
            line("proof", false, "verifier version " + pub.verifierVersion + ", " + ver.verifier + ", refused it: " + e.message);
          }
        }
      }
    } catch (e) {
      failed++;
      line("verification", false, e.message);
    }
    summary.className = failed ? "fail" : "ok";
    summary.textContent = failed ? "Verification FAILED: " + failed + " check" + (failed > 1 ? "s" : "") + " did not pass." : "Verified: every check passed.";
    button.disabled = false;
  }
  button.addEventListener("click", verify);
})();
