'use strict';
/*
 * The Runtime API client of golden's Node bootstrap: HTTP/1.1 on one keep-alive socket, one request at
 * a time (a request made while another is in flight waits its turn, as it did behind an http.Agent
 * with maxSockets 1).
 *
 * AWS's Node runtime does not use `http` for this either: it talks to the Runtime API through a native
 * addon. Doing the same in a few lines of `net` keeps two things as they are in Lambda: a handler that
 * patches `http` (X-Ray's captureHTTPsGlobal, nock, an agent of its own) never sees the runtime's own
 * requests, and the runtime's per-invoke cost stays small (node's http client, agent and parser
 * cost about as much CPU per invoke as golden's whole emulator).
 *
 * While no request is in flight the socket is unref'd, so it does not keep the event loop alive: the
 * bootstrap's 'beforeExit' logic (callbackWaitsForEmptyEventLoop) sees the handler's own work only,
 * as it did with http.Agent, which unrefs its idle keep-alive sockets.
 *
 * It reads what golden's emulator answers: a status line, headers, a Content-Length body.
 */

const net = require('node:net');

// Header values are sent only when they are printable ASCII; the bodies carry the same facts.
const PRINTABLE = /^[\t\x20-\x7e]*$/;

class RuntimeApiClient {
  constructor(host, port) {
    this.host = host;
    this.port = port;
    this.socket = null;
    this.chunks = [];
    this.receivedBytes = 0;
    this.queue = [];
    this.current = null;
  }

  /** Resolves to {status, headers (lower-cased names), body: Buffer}; rejects when the socket fails. */
  request(method, path, body, headers) {
    return new Promise((resolve, reject) => {
      let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n`;
      for (const name of Object.keys(headers)) {
        const value = String(headers[name]);
        if (PRINTABLE.test(value)) head += `${name}: ${value}\r\n`;
      }
      if (body !== undefined) head += `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n`;
      const data = body === undefined ? `${head}\r\n` : `${head}\r\n${body}`;
      this.queue.push({ data, resolve, reject, status: 0, headers: null, start: -1, length: 0 });
      if (this.current === null) this.sendNext();
    });
  }

  sendNext() {
    const next = this.queue.shift();
    if (next === undefined) {
      if (this.socket !== null) this.socket.unref();
      return;
    }
    this.current = next;
    if (this.socket === null) this.connect();
    this.socket.ref();
    this.socket.write(next.data, 'utf8');
  }

  connect() {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk) => this.received(chunk));
    socket.on('error', (error) => this.lost(socket, error));
    socket.on('close', () => this.lost(socket, new Error('the Runtime API closed the connection')));
    this.socket = socket;
    this.chunks = [];
    this.receivedBytes = 0;
  }

  received(chunk) {
    // Chunks are joined once a response is complete (joining on every chunk is quadratic in its size).
    this.chunks.push(chunk);
    this.receivedBytes += chunk.length;
    const current = this.current;
    if (current === null) return;
    if (current.start < 0) {
      const data = this.joined();
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = data.toString('latin1', 0, end).split('\r\n');
      current.status = Number(lines[0].split(' ')[1]);
      current.headers = {};
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':');
        current.headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
      current.length = Number(current.headers['content-length'] || 0);
      current.start = end + 4;
    }
    const end = current.start + current.length;
    if (this.receivedBytes < end) return;
    const data = this.joined();
    this.chunks = data.length > end ? [data.subarray(end)] : [];
    this.receivedBytes = data.length - end;
    this.current = null;
    const body = data.subarray(current.start, end);
    current.resolve({ status: current.status, headers: current.headers, body });
    this.sendNext();
  }

  joined() {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.receivedBytes)];
    return this.chunks[0];
  }

  lost(socket, error) {
    if (this.socket !== socket) return;
    this.socket = null;
    this.chunks = [];
    this.receivedBytes = 0;
    const current = this.current;
    this.current = null;
    if (current !== null) current.reject(error);
    if (this.queue.length > 0) this.sendNext();
  }
}

module.exports = { RuntimeApiClient };
