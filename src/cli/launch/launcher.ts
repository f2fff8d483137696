/**
 * The `intake` command (cli/dist/cli.js, the package's bin). With a daemon running (`intake
 * daemon start`), a check or generate goes to it (daemonClient.ts); anything else, or what the
 * daemon does not run, runs the CLI's bundle here (runHere.ts). This file is its own small
 * bundle, and loads each of the two only when it takes that way: the daemon's client needs
 * node:net, running here needs node:v8, node:vm and node:module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { daemonSocketPath, daemonWanted } from '../daemon/socketPath';
import { debugTrace } from './debugTrace';
import { setLaunchInfo } from './launchInfo';

/** The build's identity (CLI version and a hash of cli.cjs and vendor/), set by esbuild.js; '' in a development build, which uses no cache or daemon. */
declare const INTAKE_BUILD: string;

const socket = INTAKE_BUILD ? daemonSocketPath(process.env, process.platform, INTAKE_BUILD) : undefined;
setLaunchInfo({ build: INTAKE_BUILD, script: __filename, socket });
const command = process.argv[2];
const bundle = path.join(__dirname, 'cli.cjs');
const runHere = () => void import('./runHere').then(({ runBundleHere }) => runBundleHere(bundle, INTAKE_BUILD, command));
// The socket's existence is checked first: without a daemon, nothing of its client is loaded.
if (socket !== undefined && (command === 'check' || command === 'generate') && daemonWanted(process.env) && fs.existsSync(socket)) {
  const trace = debugTrace('intake-daemon');
  void import('./daemonClient')
    .then(({ runByDaemon }) => runByDaemon(socket, INTAKE_BUILD, process.argv.slice(2), trace))
    .then((ran) => {
      if (!ran) runHere();
    });
} else runHere();
