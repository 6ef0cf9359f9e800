/**
 * GraphiQL in a real headless Chromium (Debian's, driven by playwright-core):
 * the page loads from the gateway with no other origin contacted, the docs
 * explorer shows the schema, the default query runs and its JSON appears,
 * the demo shop's generated API is documented and answers, and a subscription
 * streams beats over the websocket.
 * Skips only when Chromium is absent outside CI; in CI (CI set) it fails instead.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = fs.existsSync(CHROMIUM);
const inCi = !!process.env.CI;
if (!haveChromium && !inCi) {
  console.warn(`graphiql.browser.test: skipped, no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium, or set CHROMIUM_PATH). In CI this test fails instead.`);
}
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

describe.skipIf(!haveChromium && !inCi)("GraphiQL in headless Chromium", () => {
  let t: TestGateway;
  let browser: Browser;
  const problems: string[] = [];
  const foreignRequests: string[] = [];

  /** A fresh context (empty localStorage, so no saved tabs) with every console error and failed request recorded. */
  async function openPage(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(t.gateway.url) && !u.startsWith("data:") && !u.startsWith("blob:")) foreignRequests.push(u);
    });
    await page.goto(`${t.gateway.url}${path}`);
    await page.getByRole("button", { name: /Execute query/ }).waitFor({ timeout: 30_000 });
    return page;
  }

  /** The result pane's JSON (Monaco renders indentation as non-breaking spaces). */
  async function paneJson(page: Page): Promise<unknown> {
    const text = await page.locator(".graphiql-response").innerText();
    return JSON.parse(text.replace(/\u00a0/g, " "));
  }

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI is set but Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium); .ci/run does.`);
    t = await startTestGateway("pglite", {}, { demoTables: true });
    await t.app.services.db.query(`INSERT INTO customers (email, name, country, city, segment) VALUES ('ada@example.com', 'Ada', 'DE', 'Berlin', 'SMB')`);
    await t.app.services.db.query(`INSERT INTO orders (customer_id, status, channel, ordered_at, total) VALUES (1, 'PAID', 'WEB', '2025-03-04T05:06:07Z', 19.90)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("loads offline, shows the schema docs and runs the default query", async () => {
    const page = await openPage("/graphiql");
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Root Types").waitFor();
    await docs.getByRole("link", { name: "Query" }).first().click();
    // The Query type's page lists its fields with their descriptions from the schema.
    await docs.getByText("gatewayInfo").first().waitFor();
    await expect(docs.innerText()).resolves.toMatch(/Which database and pub\/sub this gateway runs on/);

    await page.getByRole("button", { name: /Execute query/ }).click();
    const response = page.locator(".graphiql-response");
    await response.getByText('"database"').waitFor({ timeout: 15_000 });
    const json = await paneJson(page);
    expect(json).toEqual({ data: { gatewayInfo: { version: t.app.services.version, database: "pglite", pubSub: "memory", uptimeSeconds: expect.any(Number) } } });
    await page.screenshot({ path: "/tmp/graphiql-query.png" });

    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("documents the demo shop's generated types from COMMENT ON and runs a query on them", async () => {
    const query = "{ orders(first: 1, orderBy: [ID_ASC]) { totalCount nodes { id status total customer { name } } } }";
    const page = await openPage(`/graphiql?query=${encodeURIComponent(query)}`);
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByRole("link", { name: "Query" }).first().click();
    await docs.getByRole("link", { name: "OrderConnection", exact: true }).first().click();
    await docs.getByRole("link", { name: "Order", exact: true }).first().click();
    await docs.getByText("When the order was placed.").first().waitFor();
    await expect(docs.innerText()).resolves.toMatch(/A customer's order\.[\s\S]*orderItems\([\s\S]*OrderItemConnection!/);

    await page.getByRole("button", { name: /Execute query/ }).click();
    await page.locator(".graphiql-response").getByText('"totalCount"').waitFor({ timeout: 15_000 });
    expect(await paneJson(page)).toEqual({ data: { orders: { totalCount: 1, nodes: [{ id: 1, status: "PAID", total: "19.90", customer: { name: "Ada" } }] } } });
    await page.screenshot({ path: "/tmp/graphiql-shop.png" });
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("streams a subscription over the websocket into the result pane", async () => {
    const query = "subscription { heartbeat(intervalMs: 200, count: 3) { seq uptimeSeconds } }";
    const page = await openPage(`/graphiql?query=${encodeURIComponent(query)}`);
    await page.locator(".graphiql-query-editor").getByText("heartbeat").first().waitFor();
    await page.getByRole("button", { name: /Execute query/ }).click();
    const response = page.locator(".graphiql-response");
    // The pane shows the latest event; the third and last beat has seq 3.
    await response.getByText(/"seq":\s*3/).waitFor({ timeout: 15_000 });
    const json = await paneJson(page);
    expect(json).toEqual({ data: { heartbeat: { seq: 3, uptimeSeconds: expect.any(Number) } } });
    await page.screenshot({ path: "/tmp/graphiql-subscription.png" });
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  }, 90_000);
});
