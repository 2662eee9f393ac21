import { serve, launch } from './lib.mjs';
const server = await serve({ '/p/': '/tmp/prof' }, { headers: {} });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${server.base}/p/?officers=8501`);
await page.waitForSelector('#explainer[data-ready="true"]');
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const r = await page.evaluate(async () => {
  const input = document.getElementById('salary');
  const out = document.getElementById('out-per-officer');
  const a = [], b = [], n = [];
  for (let i = 0; i < 200; i++) {
    const before = out.textContent;
    input.value = String(40000 + ((i * 7919) % 11000) * 10 + (i % 2) * 10);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    let k = 0;
    while (out.textContent === before) { k++; await new Promise((ok) => queueMicrotask(ok)); }
    a.push(t1 - t0); b.push(performance.now() - t1); n.push(k);
    await new Promise((ok) => setTimeout(ok, 0));
  }
  const q = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.ceil(p / 100 * s.length) - 1].toFixed(2); };
  return { sync: [q(a, 50), q(a, 95)], async: [q(b, 50), q(b, 95)], spins: [q(n, 50), q(n, 95)] };
});
console.log(JSON.stringify(r));
await browser.close(); await server.close();
