// The static site's stand-in for the explorer's HTTP server. The explorer
// page (sim/explore/web/explore.js) calls window.aisimRequest(path, options)
// where it would call fetch(); the request goes to the explorer's routes
// compiled to WebAssembly (site_module.cpp), in a worker so that a run of
// hundreds of draws never freezes the page, and comes back as a Response
// like the server's. Where the browser refuses a worker (pages opened from
// file:// in Chromium), the module runs in the page instead.
'use strict';

(function () {
  const MODEL_SCRIPT = 'assets/aisim-model.js';

  // (method, path, body) -> Promise of the route's {status, content_type, filename, body}.
  function inWorker() {
    const worker = new Worker('assets/site_worker.js');
    const waiting = new Map();
    let next = 1;
    worker.onmessage = ({data}) => {
      waiting.get(data.id).resolve(data.answer);
      waiting.delete(data.id);
    };
    worker.onerror = (event) => {
      for (const {reject} of waiting.values()) reject(new Error('the model failed to load: ' + event.message));
      waiting.clear();
      route = null;  // the next request starts afresh rather than wait on a dead worker
    };
    return (method, path, body) => new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, {resolve, reject});
      worker.postMessage({id, method, path, body});
    });
  }

  function inPage() {
    const model = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = MODEL_SCRIPT;
      script.onload = () => window.createAisimModel().then(resolve, reject);
      script.onerror = () => reject(new Error('cannot load ' + MODEL_SCRIPT));
      document.head.appendChild(script);
    });
    return async (method, path, body) => JSON.parse(
      (await model).ccall('aisim_route', 'string', ['string', 'string', 'string'], [method, path, body]));
  }

  let route = null;
  function chooseRoute() {
    try {
      return inWorker();
    } catch (error) {  // SecurityError: no workers from file:// pages
      return inPage();
    }
  }

  window.aisimRequest = async (path, options = {}) => {
    route = route || chooseRoute();
    const answer = await route(options.method || 'GET', path, options.body || '');
    const headers = new Headers({'Content-Type': answer.content_type});
    if (answer.filename) headers.set('Content-Disposition', `attachment; filename="${answer.filename}"`);
    return new Response(answer.body, {status: answer.status, headers});
  };
})();
