/**
 * The `intake` command (cli/dist/cli.js, the package's bin). With a daemon running (`intake
 * daemon start`), a check or generate goes to it (daemonClient.ts); anything else, or what the
 * daemon does not run, runs the CLI's bundle here (runHere.ts). This file is its own small
 * bundle, and loads each of the two only when it takes that way: the daemon's client needs
 * node:net, running here needs node:vm and node:module.
 *
 * The files of this bundle import Node's modules by name, never `import * as`: for a namespace
 * import, esbuild copies every export of the module into a new object of getters when the
 * bundle starts (node:fs has over a hundred), about 4.5 M instructions for the five copies the
 * launcher made, a tenth of what a daemon's client cost beyond `node -e 0`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { daemonSocketPath, daemonWanted } from '../daemon/socketPath';
import { debugTrace } from './debugTrace';
import { setLaunchInfo } from './launchInfo';

/** The build's identity (CLI version and a hash of cli.cjs and vendor/), set by esbuild.js; '' in a development build, which uses no cache or daemon. */
declare const INTAKE_BUILD: string;

const socket = INTAKE_BUILD ? daemonSocketPath(process.env, process.platform, INTAKE_BUILD) : undefined;
setLaunchInfo({ build: INTAKE_BUILD, script: __filename, socket });
const command = process.argv[2];
const bundle = join(__dirname, 'cli.cjs');
const runHere = () => void import('./runHere').then(({ runBundleHere }) => runBundleHere(bundle, INTAKE_BUILD, command));
// The socket's existence is checked first: without a daemon, nothing of its client is loaded.
if (socket !== undefined && (command === 'check' || command === 'generate') && daemonWanted(process.env) && existsSync(socket)) {
  const trace = debugTrace('intake-daemon');
  void import('./daemonClient')
    .then(({ runByDaemon }) => runByDaemon(socket, INTAKE_BUILD, process.argv.slice(2), trace))
    .then((ran) => {
      if (!ran) runHere();
    });
} else runHere();
