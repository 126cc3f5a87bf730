import { specTable } from './spec-table.js';

specTable('DL3011', 'expose-port-range', [
  ['invalid port', 'EXPOSE 80000', true],
  ['valid port', 'EXPOSE 60000', false],
  ['valid port variable', 'EXPOSE ${FOOBAR}', false],
  ['invalid port in range', 'EXPOSE 40000-80000/tcp', true],
  ['valid port range', 'EXPOSE 40000-60000/tcp', false],
  ['valid port range variable', 'EXPOSE 40000-${FOOBAR}', false],
]);
