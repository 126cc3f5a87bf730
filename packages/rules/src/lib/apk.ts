import type { RunInstruction, ShellCommand } from '@dockfix/core';
import { type CliCall, rmOperands } from './cli.js';
import { parseApk } from './packages.js';

/** The apk calls of a RUN, in order. */
export function apkCalls(run: RunInstruction): CliCall[] {
  // Asked of every RUN, and few call apk: no intermediate array of nulls.
  const calls: CliCall[] = [];
  for (const command of run.run.script?.commands ?? []) {
    const call = parseApk(command);
    if (call) calls.push(call);
  }
  return calls;
}

/** True for `rm` of the apk cache alone: every operand is under /var/cache/apk (or /etc/apk/cache). */
export function removesOnlyApkCache(command: ShellCommand): boolean {
  const operands = rmOperands(command);
  return operands !== null && operands.length > 0 && operands.every((path) => /^\/(var\/cache\/apk|etc\/apk\/cache)(\/.*)?$/.test(path));
}
