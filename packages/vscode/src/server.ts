// Entry of the bundled language server (dist/server/server.mjs): the same main() as the
// `dockfix-language-server` binary. VS Code starts it with `--node-ipc`.
import { main } from '@dockfix/language-server';

const code = main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
