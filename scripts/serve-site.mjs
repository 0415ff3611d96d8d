// Serves a folder as a plain static web host would: its files under their
// paths, folder/ as folder/index.html, nothing computed, nothing outside the
// folder, on 127.0.0.1 only. For trying the static site (scripts/build-site.sh)
// without installing a web server; the site's browser test and benchmark
// import serveFolder.
//
// Usage: node scripts/serve-site.mjs FOLDER [PORT]   (PORT 0 or none: any free port)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8',
               '.css': 'text/css; charset=utf-8'};

// Resolves to the listening http.Server; its URL is http://127.0.0.1:PORT/.
export function serveFolder(folder, port = 0) {
  const root = path.resolve(folder);
  const files = http.createServer((request, response) => {
    let name;
    try {
      name = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch (error) {  // a malformed %-escape
      response.writeHead(400).end();
      return;
    }
    const file = path.join(root, name.endsWith('/') ? name + 'index.html' : name);
    const inside = file.startsWith(root + path.sep);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream'});
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    files.once('error', reject);
    files.listen(port, '127.0.0.1', () => resolve(files));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder, port] = process.argv.slice(2);
  if (!folder || !fs.existsSync(path.join(folder, 'index.html'))) {
    console.error('usage: node scripts/serve-site.mjs FOLDER [PORT]   (FOLDER: a site from scripts/build-site.sh)');
    process.exit(2);
  }
  const server = await serveFolder(folder, Number(port || 0));
  console.log(`Serving ${path.resolve(folder)} at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
