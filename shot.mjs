import { chromium } from 'playwright-core';
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox']});
const p = await b.newPage({viewport:{width:1366,height:768}});
await p.goto(process.argv[2] || 'http://127.0.0.1:8765/');
await p.waitForTimeout(2500);
await p.screenshot({path: process.argv[3] || '/tmp/ex.png'});
await b.close();
