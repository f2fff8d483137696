/**
 * A connection (connection.ts) on Node's own pipe handle, the one under `net`, without `net`:
 * loading `net` and its streams, and compiling the stream code one request runs through, is
 * most of what an `intake` that a daemon serves costs beyond `node -e 0` (callgrind: the whole
 * client 118 -> 86 M instructions, `node -e 0` 78 M). The handle comes from process.binding,
 * which Node keeps for these modules (pipe_wrap, stream_wrap) but calls deprecated: where it is
 * missing, refused (the permission model), or would print a warning (--pending-deprecation wraps
 * it in one), there is no connector here and the caller uses `net`.
 *
 * The calls are those of Node's lib/net.js and lib/internal/stream_base_commons.js.
 */
import { getSystemErrorName } from 'node:util';
import type { Connect } from './connection';

interface Handle {
  connect(request: object, path: string): number;
  readStart(): number;
  writeBuffer(request: object, data: Buffer): number;
  close(): void;
  onread: (buffer: ArrayBuffer) => void;
}

interface Bindings {
  pipe: { Pipe: new (type: number) => Handle; PipeConnectWrap: new () => { oncomplete: (status: number) => void }; constants: { SOCKET: number } };
  stream: { WriteWrap: new () => { handle: Handle; oncomplete: (status: number) => void; async: boolean; buffer: Buffer | null }; streamBaseState: Int32Array; kReadBytesOrError: number; kArrayBufferOffset: number };
}

/** libuv's end of stream, the same number on every platform (uv/errno.h). */
const UV_EOF = -4095;

function bindings(): Bindings | undefined {
  const binding = (process as unknown as { binding?: (name: string) => unknown }).binding;
  // Named `deprecated` when --pending-deprecation has wrapped it in a warning.
  if (typeof binding !== 'function' || binding.name !== 'binding') return undefined;
  try {
    const pipe = binding('pipe_wrap') as Bindings['pipe'];
    const stream = binding('stream_wrap') as Bindings['stream'];
    const usable = typeof pipe.Pipe === 'function' && typeof pipe.PipeConnectWrap === 'function' && typeof pipe.constants?.SOCKET === 'number';
    const state = typeof stream.WriteWrap === 'function' && stream.streamBaseState instanceof Int32Array && typeof stream.kReadBytesOrError === 'number' && typeof stream.kArrayBufferOffset === 'number';
    return usable && state ? { pipe, stream } : undefined;
  } catch {
    return undefined;
  }
}

/** The connector, or undefined where Node's pipe handle cannot be used (then use `net`). */
export function pipeConnector(): Connect | undefined {
  const found = bindings();
  if (found === undefined) return undefined;
  const { Pipe, PipeConnectWrap, constants } = found.pipe;
  const { WriteWrap, streamBaseState, kReadBytesOrError, kArrayBufferOffset } = found.stream;
  return (socket, on) => {
    const handle = new Pipe(constants.SOCKET);
    let done = false;
    const destroy = () => {
      if (done) return;
      done = true;
      handle.close();
    };
    const fail = (status: number) => {
      if (done) return;
      destroy();
      on.error(errorCode(status));
    };
    const connecting = new PipeConnectWrap();
    connecting.oncomplete = (status) => {
      if (done) return;
      if (status < 0) return fail(status);
      handle.onread = (buffer) => {
        const read = streamBaseState[kReadBytesOrError]!;
        if (done || read === 0) return;
        if (read > 0) on.data(Buffer.from(buffer, streamBaseState[kArrayBufferOffset], read));
        else if (read === UV_EOF) {
          destroy();
          on.close();
        } else fail(read);
      };
      const status2 = handle.readStart();
      if (status2 < 0) return fail(status2);
      on.connect();
    };
    const status = handle.connect(connecting, socket);
    // A failure reported at once still comes as an event, later, as net's do.
    if (status < 0) setImmediate(() => fail(status));
    return {
      write: (bytes) => {
        if (done) return;
        const writing = new WriteWrap();
        writing.handle = handle;
        writing.async = false;
        // Kept until the write completes (Node's own writes do the same): libuv reads from it.
        writing.buffer = bytes;
        writing.oncomplete = (status) => {
          if (status < 0) fail(status);
        };
        const result = handle.writeBuffer(writing, bytes);
        if (result < 0) fail(result);
      },
      destroy,
    };
  };
}

function errorCode(status: number): string {
  try {
    return getSystemErrorName(status);
  } catch {
    return 'error';
  }
}
