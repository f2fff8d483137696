/** The `intake` command's entry point (dist/cli.mjs): runs {@link main} on the process's arguments. */
import { main } from './main';

void main(process.argv.slice(2)).then((result) => {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
});
