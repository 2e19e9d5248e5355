// The portal in a real browser (Debian's Chromium driven by playwright-core)
// against a devnet seeded by scripts/portal-seed.sh. Environment:
//   PORTAL_URL  the portal's URL
//   RECORDS     the seed's JSON (open1, open2, conditional, conditional2, sensitive)
//   FROZEN      the frozen record's reason
//   ARTIFACTS   folder for screenshots
//   CHROMIUM    the browser (default /usr/bin/chromium)
//   WALLET_KEY, PUBLIC_RPC  a funded key and the public chain, for the
//               stand-in EIP-1193 wallet (it signs with Foundry's cast)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

const url = process.env.PORTAL_URL;
const ids = JSON.parse(process.env.RECORDS || "{}");
const artifacts = process.env.ARTIFACTS || "build/portal-test";
if (!url || !ids.open1) throw new Error("PORTAL_URL and RECORDS are needed (see scripts/portal-e2e.sh)");

let browser;
before(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); });

async function page(t, opts = {}) {
  const ctx = await browser.newContext({ acceptDownloads: true, ...opts });
  const p = await ctx.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  t.after(async () => { await ctx.close(); });
  p.errors = errors;
  return p;
}

const shot = (p, name) => p.screenshot({ path: path.join(artifacts, name + ".png"), fullPage: true });

async function verify(p) {
  await p.getByRole("button", { name: "Verify this release" }).click();
  const summary = p.locator("#verify-summary");
  await summary.filter({ hasText: /Verified|FAILED/ }).waitFor({ timeout: 60_000 });
  return summary.textContent();
}

test("search, open, download and verify an open release", async (t) => {
  const p = await page(t);
  await p.goto(url + "/");
  await p.getByLabel("Search titles, departments and keywords").fill("traffic");
  await p.getByRole("button", { name: "Search" }).click();
  await p.getByRole("heading", { name: /2 releases/ }).waitFor();
  await shot(p, "catalogue-search");
  await p.locator(`a[href="/dataset/${ids.open2}"]`).click();
  await p.getByRole("heading", { level: 1, name: /transport traffic/ }).waitFor();
  assert.match(await p.locator("main").textContent(), /Corrects\s+version 1/);
  const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("link", { name: "Released view, CSV" }).click()]);
  const file = await download.path();
  assert.equal(await readFile(file, "utf8"), "region,count\nnorth,4\nsouth,5\n");
  const result = await verify(p);
  await shot(p, "verify-passed");
  assert.equal(result, "Verified: every check passed.", await p.locator("#verify-result").textContent());
  for (const check of ["published values", "relay", "content hash", "released root", "proof"]) {
    assert.equal(await p.locator(`#verify-result li.ok[data-check="${check}"]`).count(), 1, check);
  }
  assert.deepEqual(p.errors, []);
});

test("a tampered file fails verification visibly", async (t) => {
  const p = await page(t);
  await p.goto(url + "/dataset/" + ids.open1);
  await p.getByLabel("Check a file you already have (optional)").setInputFiles({
    name: "traffic-v1.csv", mimeType: "text/csv", buffer: Buffer.from("region,count\nnorth,30\nsouth,5\n"),
  });
  const result = await verify(p);
  await shot(p, "verify-tampered");
  assert.match(result, /Verification FAILED: 2 checks did not pass/);
  assert.equal(await p.locator('#verify-result li.fail[data-check="content hash"]').count(), 1);
  assert.equal(await p.locator('#verify-result li.fail[data-check="released root"]').count(), 1);
  assert.equal(await p.locator('#verify-result li.ok[data-check="proof"]').count(), 1);
  // the summary is styled as a failure
  assert.equal(await p.locator("#verify-summary").getAttribute("class"), "fail");
});

test("a frozen record shows its banner and reason", async (t) => {
  const p = await page(t);
  await p.goto(url + "/?status=frozen");
  await p.getByRole("heading", { name: /^1 release$/ }).waitFor();
  await p.locator(`a[href="/dataset/${ids.conditional}"]`).click();
  const banner = p.getByRole("region", { name: "Frozen by the supervisor" });
  await banner.waitFor();
  assert.match(await banner.textContent(), new RegExp(process.env.FROZEN || "court order"));
  assert.match(await p.locator("main").textContent(), /restricted/);
  await shot(p, "frozen");
});

test("a sensitive record verifies its proof without content", async (t) => {
  const p = await page(t);
  await p.goto(url + "/dataset/" + ids.sensitive);
  assert.match(await p.locator("main").textContent(), /never leave the private chain/);
  const result = await verify(p);
  await shot(p, "verify-sensitive");
  assert.equal(result, "Verified: every check passed.", await p.locator("#verify-result").textContent());
});

test("pages work without JavaScript", async (t) => {
  const p = await page(t, { javaScriptEnabled: false });
  await p.goto(url + "/?level=open&sort=oldest");
  await p.getByRole("heading", { name: /2 releases/ }).waitFor();
  await p.locator(`a[href="/dataset/${ids.open1}"]`).click();
  await p.getByRole("heading", { level: 2, name: "Versions" }).waitFor();
  assert.equal(await p.getByRole("button", { name: "Verify this release" }).isVisible(), false);
  assert.match(await p.locator("#verify-fallback").textContent(), /sovereign data verify/);
});

test("an access request without a wallet gives the command to send it", async (t) => {
  const p = await page(t);
  await p.goto(url + "/dataset/" + ids.conditional2);
  await p.getByLabel("Purpose of your request").fill("school planning study");
  await p.getByRole("button", { name: "Request access" }).click();
  await p.getByRole("heading", { level: 1, name: /Request access to/ }).waitFor();
  const cmd = await p.locator("pre.command").textContent();
  assert.match(cmd, new RegExp("cast send 0x[0-9a-fA-F]{40} 'requestAccess\\(bytes32,string\\)' " + ids.conditional2 + " 'school planning study'"));
  await shot(p, "access-request");
});

test("an access request sent from a wallet reaches its status page", { skip: !process.env.WALLET_KEY }, async (t) => {
  const key = process.env.WALLET_KEY, rpc = process.env.PUBLIC_RPC;
  const account = execFileSync("cast", ["wallet", "address", "--private-key", key], { encoding: "utf8" }).trim();
  const p = await page(t);
  // a stand-in EIP-1193 wallet: the page's requests go to cast, which signs with the test's key
  await p.exposeFunction("testWalletSend", (tx) => execFileSync("cast", ["send", "--async", "--legacy", "--gas-price", "10gwei",
    "--private-key", key, "--rpc-url", rpc, tx.to, tx.data], { encoding: "utf8" }).trim());
  await p.addInitScript((acct) => {
    window.ethereum = {
      request: async ({ method, params }) => {
        if (method === "eth_requestAccounts") return [acct];
        if (method === "eth_sendTransaction") return window.testWalletSend(params[0]);
        throw new Error("the test wallet does not do " + method);
      },
    };
  }, account);
  await p.goto(url + "/dataset/" + ids.conditional2);
  await p.getByLabel("Purpose of your request").fill("enrolment forecast for the school board");
  await p.getByRole("button", { name: "Request access with your wallet" }).click();
  await p.getByRole("heading", { level: 1, name: /^Access request/ }).waitFor({ timeout: 60_000 });
  const main = await p.locator("main").textContent();
  assert.match(main, /pending/);
  assert.match(main, /enrolment forecast for the school board/);
  assert.match(main.toLowerCase(), new RegExp(account.toLowerCase()));
  await shot(p, "access-request-wallet");
});

test("axe-core finds no serious accessibility violation", async (t) => {
  // bypassCSP: axe is injected into pages whose policy allows only the portal's own scripts
  const p = await page(t, { bypassCSP: true });
  for (const target of ["/", "/?q=traffic", "/dataset/" + ids.open2, "/dataset/" + ids.conditional, "/dataset/" + ids.conditional2,
    "/dataset/" + ids.conditional2 + "/request?purpose=study", "/dataset/" + ids.sensitive]) {
    await p.goto(url + target);
    await p.addScriptTag({ content: axeSource });
    const res = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = res.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`), [], target);
  }
});
