import { openApp, axeViolations, fillDate } from "../tests/e2e/browser.mjs";
for (const [w, h, tag] of [[1280, 900, "desktop"], [360, 780, "360"]]) {
  const app = await openApp("#/several", { viewport: { width: w, height: h }, bypassCSP: true });
  const { page } = app;
  await page.waitForSelector("#p-continue", { timeout: 30000 });
  for (const lang of ["en", "ru", "ky"]) {
    await page.evaluate(() => localStorage.removeItem("kgpin.citizen"));
    await page.goto(page.url().replace(/#.*/, "#/several"));
    await page.reload();
    await page.waitForSelector("#p-continue");
    await page.click(`button[data-lang="${lang}"]`);
    await page.fill("#p-last-name", "Асанов");
    await page.fill("#p-first-name", "Бакыт");
    await page.check("#p-sex-M");
    await fillDate(page, "p-birth-date", "25", "07", "1985");
    const pins = [["21507198500123", "passport"], ["21507198500456", "tax"]];
    for (const [i, [pin, doc]] of pins.entries()) {
      if (i > 0) await page.click("#p-add");
      const id = await page.locator(".pin-row input.pin-input").nth(i).getAttribute("id");
      await page.fill(`#${id}`, pin);
      await page.selectOption(`#${id.replace("pin", "doc")}`, doc);
    }
    await page.click("#p-continue");
    await page.waitForSelector("#check-heading");
    await page.click("#p-see-result");
    await page.waitForSelector("#result-heading");
    await page.screenshot({ path: `/tmp/shots/s31-several-double-${lang}-${tag}.png`, fullPage: true });
    const v = await axeViolations(page);
    console.log(lang, tag, "axe", JSON.stringify(v.map((x) => x.id)));
    console.log((await page.locator("#r-short").innerText()).slice(0, 900));
  }
  await app.close();
}
