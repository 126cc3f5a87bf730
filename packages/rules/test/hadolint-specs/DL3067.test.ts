import { specTable } from './spec-table.js';

specTable('DL3067', 'copy-whole-filesystem', [
  ['root filesystem from another stage to root', 'COPY --from=build / /', true],
  ['quoted root paths from another stage to root', 'COPY --from=build "/" "/"', true],
  ['root without --from', 'COPY / /', false],
  ['a directory from another stage', 'COPY --from=build /app /', false],
  ['root from another stage into a subdirectory', 'COPY --from=build / /app', false],
]);
