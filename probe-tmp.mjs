import { lint } from 'dockfix';
for (const n of [4000, 8000, 16000]) {
  const text = `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => (i % 10 === 0 ? `# step ${i}` : `RUN echo step ${i}`)).join('\n')}\n`;
  const t = performance.now(); lint(text); console.log(n, (performance.now() - t).toFixed(0), 'ms');
}
