import { stderr as standardError, type TextOutput } from './stdio.js';

/** Writes the one-line error and warning messages of a run to stderr, and remembers whether any error was printed. */
export class Messages {
  private errorCount = 0;

  constructor(private readonly stderr: TextOutput = standardError) {}

  /** `dockfix: <where>: <message>`: one line that names the file and says what to do. Makes the run exit 2. */
  error(where: string | null, message: string): void {
    this.errorCount++;
    this.line(where, message);
  }

  /** Like {@link error}, but does not change the exit code. */
  warn(where: string | null, message: string): void {
    this.line(where, `warning: ${message}`);
  }

  /** A plain line on stderr (hints, summaries when stdout carries data). */
  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** True when an error was printed. */
  get failed(): boolean {
    return this.errorCount > 0;
  }

  private line(where: string | null, message: string): void {
    const oneLine = message.replace(/\s+/g, (blank) => (blank.includes('\n') ? ' ' : blank));
    this.stderr.write(`dockfix: ${where ? `${where}: ` : ''}${oneLine}\n`);
  }
}
