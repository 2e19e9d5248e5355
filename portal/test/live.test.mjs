// The live feed in a real browser: the catalogue is open while
// scripts/portal-e2e.sh submits and approves a new release (LIVE_TITLE);
// it must appear on the page, pushed over the WebSocket, without a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const url = process.env.PORTAL_URL;
const title = process.env.LIVE_TITLE || "finance budget";
const artifacts = process.env.ARTIFACTS || "build/portal-test";

test("a new release appears on the open catalogue page", { timeout: 120_000 }, async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const p = await browser.newPage();
    await p.goto(url + "/");
    await p.getByText("Connected: new releases appear here").waitFor();
    // tell the script the page listens
    await writeFile(path.join(artifacts, "live.ready"), "");
    const item = p.locator("#live li", { hasText: title });
    await item.waitFor({ timeout: 100_000 });
    await p.screenshot({ path: path.join(artifacts, "live-feed.png"), fullPage: true });
    assert.match(await item.textContent(), /version 1/);
  } finally {
    await browser.close();
  }
});
