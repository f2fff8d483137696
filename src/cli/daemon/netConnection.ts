/** A connection (connection.ts) through Node's `net`, loaded on first use. */
import { createRequire } from 'node:module';
import type { Connect } from './connection';

export function netConnector(): Connect {
  // Required here, not imported at the top: the launcher's client loads net only where it cannot
  // use the pipe handle (pipeConnection.ts). Not import(): the CLI's bundle runs as a vm.Script, which has none.
  const net = createRequire(__filename)('node:net') as typeof import('node:net');
  return (socket, on) => {
    const connection = net.connect(socket);
    // net emits 'close' after destroy() too, and after 'error': after either, nothing more is said.
    let done = false;
    const live =
      <A extends unknown[]>(f: (...args: A) => void, last = false) =>
      (...args: A) => {
        if (done) return;
        if (last) done = true;
        f(...args);
      };
    connection.on('connect', live(on.connect));
    connection.on('data', live(on.data));
    connection.on('error', live((e: NodeJS.ErrnoException) => on.error(e.code ?? 'error'), true));
    connection.on('close', live(on.close, true));
    return {
      write: (bytes) => void connection.write(bytes),
      destroy: () => {
        done = true;
        connection.destroy();
      },
    };
  };
}
