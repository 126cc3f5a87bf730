import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Source, buildModel, decodeDockerfile } from '@dockfix/core';
const root = '../shared/corpus';
const out = { total: 0, reasons: {} };
const walk = (d) => readdirSync(d).flatMap((n) => { const f = path.join(d, n); return statSync(f).isDirectory() ? walk(f) : [f]; });
for (const f of walk(root)) {
  if (/README|MANIFEST|EDGE/.test(f)) continue;
  let text; try { text = decodeDockerfile(readFileSync(f)); } catch { continue; }
  let model; try { model = buildModel(new Source(text)); } catch { continue; }
  const final = model.stages.at(-1);
  if (!final) continue;
  const img = final.from.from.image;
  if (!/^(node|python)$/.test(img.name.split('/').at(-1)) ) continue;
  if (/slim|alpine/.test(img.tag ?? '')) continue;
  out.total++;
  const hasCmd = final.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  console.log(`${f.replace(root + '/', '')}\t${img.raw}\tstages=${model.stages.length}\tcmd=${hasCmd}`);
}
console.log(out.total);
