// Shared by every tab of the dashboard: one EventSource per distinct subscription, fanned out to
// the tabs that asked for it. Browsers allow six HTTP/1.1 connections per host; with a few
// streams per tab, a handful of tabs would otherwise leave none for pages and queries.
const streams = new Map(); // url -> { source, subs: Map<key, { port, id }> }
let ports = 0;

function drop(url, key) {
  const s = streams.get(url);
  if (!s) return;
  s.subs.delete(key);
  if (s.subs.size === 0) {
    s.source.close();
    streams.delete(url);
  }
}

self.onconnect = (event) => {
  const port = event.ports[0];
  const portId = ++ports;
  const mine = new Map(); // id -> url
  port.onmessage = ({ data }) => {
    if (data.type === 'subscribe') {
      let s = streams.get(data.url);
      if (!s) {
        const source = new EventSource(data.url);
        const subs = new Map();
        s = { source, subs };
        source.addEventListener('next', (e) => {
          for (const sub of subs.values()) sub.port.postMessage({ id: sub.id, type: 'next', data: e.data });
        });
        source.addEventListener('complete', () => {
          for (const sub of subs.values()) sub.port.postMessage({ id: sub.id, type: 'complete' });
          source.close();
          streams.delete(data.url);
        });
        streams.set(data.url, s);
      }
      s.subs.set(`${portId}:${data.id}`, { port, id: data.id });
      mine.set(data.id, data.url);
    } else if (data.type === 'unsubscribe') {
      const url = mine.get(data.id);
      mine.delete(data.id);
      if (url) drop(url, `${portId}:${data.id}`);
    } else if (data.type === 'bye') {
      for (const [id, url] of mine) drop(url, `${portId}:${id}`);
      mine.clear();
    }
  };
  port.start();
};
