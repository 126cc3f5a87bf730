import picocolors from 'picocolors';

/** The colour functions a reporter uses; all identity functions when colour is off. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Whether to colour output written to a stream: `--color`/`--no-color` win, then `NO_COLOR`
 * (any non-empty value, https://no-color.org), then `FORCE_COLOR` (`0`/`false` turn it off), then
 * whether the stream is a terminal. A file (`-o`) is never a terminal.
 */
export function colorEnabled(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/** Colour functions, on or off. */
export function createColors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}
