/** The `intake` command's entry point (cli/dist/cli.mjs): runs {@link main} on the process's arguments. */
import { main, writeResult } from './main';

void main(process.argv.slice(2)).then((result) => writeResult(result));
