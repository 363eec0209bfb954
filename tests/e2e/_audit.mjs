import { start } from "./run.mjs";
const env = await start();
const shot = async (page, name) => page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
try {
  for (const [w, h] of [[320, 640], [1366, 800]]) {
    const { page, errors } = await env.open("/www/student.html", { context: { viewport: { width: w, height: h } } });
    await page.waitForTimeout(1500);
    await shot(page, `student-${w}-empty`);
    const ta = page.locator("textarea").first();
    await ta.click();
    await ta.pressSequentially("My claim is that plants grow taller in light. In our test the plant in light grew to 14 cm and the one in the dark grew 6 cm", { delay: 5 });
    await page.waitForTimeout(2000);
    await shot(page, `student-${w}-typed`);
    await page.screenshot({ path: `/tmp/shots/student-${w}-typed-full.png`, fullPage: true });
    console.log(w, "errors", errors);
  }
} finally { await env.close(); }
