// Follows the app's script runs on its websocket, as the page asks for them and the server reports them.
// Not from the run-state attribute on stApp alone: under load the page can take a whole run's messages
// in one render, and the attribute then never leaves "notRunning" (a run nobody saw).
//
// window.__runs.requested  reruns the page asked for (a widget changed, a page link): what an action sends
// window.__runs.finished   runs the server finished (whole or fragment), not counting one stopped for a rerun
// window.__runs.settled()  no run going on and none asked for since the last one started
// window.__runs.log        the last few of these events, with the page's clock, for a failure's message
(() => {
  const runs = window.__runs = {requested: 0, requestedAtStart: 0, started: 0, finished: 0, inRun: false, log: []};
  const note = event => {
    runs.log.push(`${Math.round(performance.now())} ms ${event}`);
    runs.log.splice(0, runs.log.length - 20);
  };
  runs.settled = () => runs.started > 0 && !runs.inRun && runs.requested === runs.requestedAtStart;
  Object.defineProperty(window, '__scriptRuns', {get: () => runs.finished});

  // The top-level fields of a protobuf message: [number, varint value | bytes].
  const fields = bytes => {
    const found = [];
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), number = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) found.push([number, varint()]);
      else if (wire === 2) { const length = varint(); found.push([number, bytes.subarray(at, at + length)]); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else break;  // groups: not in Streamlit's messages
    }
    return found;
  };
  // Field numbers from Streamlit's ForwardMsg, BackMsg and ClientState protos.
  const NEW_SESSION = 4, SCRIPT_FINISHED = 6, FINISHED_EARLY_FOR_RERUN = 2;
  const RERUN_SCRIPT = 11, IS_AUTO_RERUN = 6;

  const received = data => {
    for (const [number, value] of fields(new Uint8Array(data))) {
      if (number === NEW_SESSION) {
        runs.started += 1;
        runs.inRun = true;
        runs.requestedAtStart = runs.requested;
        note('run started');
      } else if (number === SCRIPT_FINISHED && value === FINISHED_EARLY_FOR_RERUN) {
        note('run stopped for a rerun');
      } else if (number === SCRIPT_FINISHED) {
        runs.finished += 1;
        runs.inRun = false;
        note(`run finished (status ${value})`);
      }
    }
  };
  const sent = data => {
    if (!(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (const [number, value] of fields(bytes)) {
      // A fragment's timer asks on its own (and may ask for a fragment already gone): not an action's rerun.
      const auto = number === RERUN_SCRIPT && fields(value).some(([n, v]) => n === IS_AUTO_RERUN && v === 1);
      if (number === RERUN_SCRIPT && !auto) { runs.requested += 1; note('rerun asked for'); }
    }
  };

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (new URL(this.url).pathname.endsWith('/_stcore/stream')) {
        this.addEventListener('message', event => {
          if (event.data instanceof ArrayBuffer) received(event.data);
        });
        const send = this.send.bind(this);
        this.send = data => { send(data); sent(data); };
      }
    }
  };
})();
