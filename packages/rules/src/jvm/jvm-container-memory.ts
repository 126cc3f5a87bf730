import { defineRule, type Instruction, type TextEdit, type TextRange } from '@dockfix/core';
import { shippedStages } from '../lib/images.js';
import { inShippedStage } from '../lib/stages.js';
import { keyValues } from '../lib/properties.js';

/** Options variables of build tools: their heap is the build's, not the container's. */
const BUILD_TOOL_VARIABLES = new Set(['MAVEN_OPTS', 'GRADLE_OPTS', 'SBT_OPTS', 'ANT_OPTS', 'JAVA_TOOL_OPTIONS_BUILD']);
const HEAP_FLAG = /(?<=^|[\s"'=,[])-Xm([xs])(\d+)([kKmMgGtT]?)(?=$|[\s"',\]\\])/g;
const CGROUP_FLAG = /(?<=^|[\s"'=,[])-XX:\+UseCGroupMemoryLimitForHeap(?=$|[\s"',\]\\])/g;

interface Found {
  readonly kind: 'x' | 's';
  readonly bytes: number;
  readonly text: string;
  readonly range: TextRange;
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

function human(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  return `${bytes} bytes`;
}

/** One decimal, like the JVM's own examples (`75.0`). */
function percent(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

export default defineRule({
  meta: {
    id: 'jvm-container-memory',
    category: 'jvm',
    severity: 'warning',
    description: 'Size the JVM heap from the container memory limit (`-XX:MaxRAMPercentage`) instead of fixed `-Xmx`/`-Xms`',
    fix: 'unsafe',
    docs: {
      rationale: [
        'Since JDK 10 (and 8u191) the JVM reads the container\'s cgroup memory limit and sizes its default heap',
        'from it. A fixed `-Xmx1024m` throws that away: with `--memory=512m` the heap may grow past the limit',
        'and the kernel OOM-kills the container (exit code 137, no Java stack trace), while with a 4 GiB limit',
        'three quarters of the memory you pay for stays unused. The fixed size also has to be edited for',
        'every environment. `-XX:MaxRAMPercentage=75.0` gives the heap 75% of whatever limit the container',
        'runs with and leaves the rest for metaspace, thread stacks, direct buffers and the JIT.',
        '',
        'The rule reads ENV and ARG values (`JAVA_OPTS`, `JAVA_TOOL_OPTIONS`, `JDK_JAVA_OPTIONS`, `CATALINA_OPTS`,',
        'any other), CMD and ENTRYPOINT in the final stage and the stages it builds on; `MAVEN_OPTS` and',
        '`GRADLE_OPTS`, which size the build tool, are left alone. It also reports',
        '`-XX:+UseCGroupMemoryLimitForHeap`, an experimental JDK 8/9 flag that JDK 11 removed: the JVM refuses',
        'to start with it.',
      ].join('\n'),
      invalid: [
        'FROM eclipse-temurin:21-jre\nENV JAVA_OPTS="-Xms512m -Xmx1024m -XX:+UseG1GC"\nCOPY app.jar /app.jar\nCMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app.jar"]\n',
        'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-Xmx2g", "-jar", "/app.jar"]\n',
      ],
      valid: [
        'FROM eclipse-temurin:21-jre\nENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'FROM maven:3.9-eclipse-temurin-21 AS build\nENV MAVEN_OPTS="-Xmx2g"\nRUN mvn -B package\n\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
      ],
      fixNotes: [
        'Unsafe: the heap size now depends on the memory limit the container gets (without a limit, on the',
        'host\'s memory). `-Xmx<size>` becomes `-XX:MaxRAMPercentage=75.0` and `-Xms<size>` becomes',
        '`-XX:InitialRAMPercentage` with the same ratio to the maximum as before (`-Xms512m -Xmx1024m` →',
        '`37.5`), so a fixed-size heap (`-Xms` = `-Xmx`) stays fixed relative to the limit; other flags stay as',
        'they were. The percentage flags need JDK 10+ or 8u191+. An `-Xms` without `-Xmx` in the same',
        'instruction, and `-XX:+UseCGroupMemoryLimitForHeap`, are reported without a fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    const scan = (instruction: Instruction, ranges: readonly TextRange[]) => {
      const heap: Found[] = [];
      const cgroup: TextRange[] = [];
      for (const range of ranges) {
        const text = ctx.source.slice(range);
        // Both flags start with `-X`: most values have none, and the look-behind scans are not cheap.
        if (!text.includes('-X')) continue;
        for (const match of text.matchAll(HEAP_FLAG)) {
          const bytes = Number(match[2]) * (UNITS[(match[3] ?? '').toLowerCase()] ?? 1);
          const start = range.start + (match.index ?? 0);
          heap.push({ kind: match[1] as 'x' | 's', bytes, text: match[0], range: { start, end: start + match[0].length } });
        }
        for (const match of text.matchAll(CGROUP_FLAG)) {
          const start = range.start + (match.index ?? 0);
          cgroup.push({ start, end: start + match[0].length });
        }
      }
      const whole = ranges.map((range) => ctx.source.slice(range)).join(' ');
      if (heap.length > 0) reportHeap(instruction, heap, whole);
      for (const range of cgroup) {
        ctx.report({
          node: range,
          message: '`-XX:+UseCGroupMemoryLimitForHeap` was removed in JDK 11, which refuses to start with it',
          help: 'It was an experimental JDK 8/9 flag. JDK 10+ and 8u191+ read the container limit by default: use `-XX:MaxRAMPercentage=75.0`.',
        });
      }
    };

    const reportHeap = (instruction: Instruction, heap: readonly Found[], whole: string) => {
      const max = heap.find((flag) => flag.kind === 'x');
      const initial = heap.find((flag) => flag.kind === 's');
      const edits: TextEdit[] = [];
      if (max) {
        edits.push(/-XX:MaxRAMPercentage=/.test(whole) ? removeFlag(max.range) : ctx.fix.replace(max.range, '-XX:MaxRAMPercentage=75.0'));
        for (const extra of heap.filter((flag) => flag.kind === 'x' && flag !== max)) edits.push(removeFlag(extra.range));
      }
      if (initial && max) {
        const ratio = Math.min(1, initial.bytes / max.bytes);
        edits.push(/-XX:InitialRAMPercentage=/.test(whole) ? removeFlag(initial.range) : ctx.fix.replace(initial.range, `-XX:InitialRAMPercentage=${percent(ratio * 75)}`));
        for (const extra of heap.filter((flag) => flag.kind === 's' && flag !== initial)) edits.push(removeFlag(extra.range));
      }
      const shown = heap.map((flag) => `\`${flag.text}\``).join(' and ');
      const size = max ? human(max.bytes) : human((initial as Found).bytes);
      const first = heap[0] as Found;
      const last = heap.at(-1) as Found;
      ctx.report({
        node: { start: first.range.start, end: last.range.end },
        message: `${shown} ${heap.length > 1 ? 'fix' : 'fixes'} the ${max ? '' : 'initial '}heap at ${size}, whatever the container's memory limit`,
        help: max
          ? `Under a smaller limit the JVM is OOM-killed, under a larger one the memory goes unused; size the heap from the limit with \`-XX:MaxRAMPercentage=75.0\`${initial ? ' and `-XX:InitialRAMPercentage`' : ''}.`
          : 'Size it from the limit with `-XX:InitialRAMPercentage` (and `-XX:MaxRAMPercentage`).',
        ...(max ? { fix: { title: `Replace ${shown} with percentages of the container memory limit`, edits } } : {}),
      });
    };

    /** Removes a flag and one blank before it (or after it, at the start of a value). */
    const removeFlag = (range: TextRange): TextEdit => {
      const text = ctx.source.text;
      if (text[range.start - 1] === ' ') return ctx.fix.replaceRange(range.start - 1, range.end, '');
      if (text[range.end] === ' ') return ctx.fix.replaceRange(range.start, range.end + 1, '');
      return ctx.fix.remove(range);
    };

    const inShipped = (instruction: Instruction) => inShippedStage(instruction, shipped);
    const variables = (instruction: Instruction) => {
      if (!inShipped(instruction)) return;
      const ranges = keyValues(ctx.source, instruction)
        .filter((pair) => !BUILD_TOOL_VARIABLES.has(pair.name) && pair.valueRange !== null)
        .map((pair) => pair.valueRange as TextRange);
      if (ranges.length > 0) scan(instruction, ranges);
    };
    const command = (instruction: Instruction) => {
      if (!inShipped(instruction) || !instruction.argsRange) return;
      scan(instruction, [{ start: instruction.argsRange.start, end: instruction.range.end }]);
    };
    return { ENV: variables, ARG: variables, CMD: command, ENTRYPOINT: command };
  },
});
