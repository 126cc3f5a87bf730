// Loaded into the CLI only by tests (`node --import ./test/cli/fault-hooks.mjs`): injects the faults
// that are hard to cause for real at the right moment, at the file-system calls dockfix makes. Nothing
// in dockfix itself knows about it. DOCKFIX_TEST_FAULT says which:
//   enospc          the write of a dockfix temp file fails half-way with ENOSPC (a full disk);
//   change-on-disk  when a temp file is closed, DOCKFIX_TEST_FAULT_FILE is appended to, as an editor
//                   saving the file between dockfix's read and its rename would.
import { appendFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const fault = process.env.DOCKFIX_TEST_FAULT;
const isTemp = (path) => /\.dockfix-\d+-[0-9a-f]+\.tmp$/.test(String(path));
const realOpen = fsp.open;

fsp.open = async function open(path, ...rest) {
  const handle = await realOpen.call(this, path, ...rest);
  if (!isTemp(path)) return handle;
  if (fault === 'enospc') {
    handle.writeFile = async (data) => {
      await handle.write(Buffer.from(data).subarray(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
  } else if (fault === 'change-on-disk') {
    const close = handle.close.bind(handle);
    handle.close = async () => {
      await close();
      appendFileSync(process.env.DOCKFIX_TEST_FAULT_FILE, '# saved by an editor meanwhile\n');
    };
  }
  return handle;
};
syncBuiltinESMExports();
