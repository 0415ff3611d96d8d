// The static site's model thread: loads the explorer's routes compiled to
// WebAssembly and answers site_transport.js's requests one at a time.
'use strict';
importScripts('aisim-model.js');

const model = createAisimModel();  // eslint-disable-line no-undef

onmessage = async ({data}) => {
  const answer = (await model).ccall('aisim_route', 'string', ['string', 'string', 'string'],
                                     [data.method, data.path, data.body]);
  postMessage({id: data.id, answer: JSON.parse(answer)});
};
